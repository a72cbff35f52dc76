#!/usr/bin/env python3
"""Every message format the library writes into bsl_error, and every framework
warning of lint.c, has its French wording in lib/messages.c (or is a phrase
it inserts): a new message without one fails here. Programmer errors ("bsl_render: bad argument", NULL
arguments) are for developers and stay English.

Usage: test_message_catalogue.py SOURCE_ROOT
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

root = sys.argv[1]
lib = os.path.join(root, 'lib')
tap = Tap()
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
# Where a format starts: after the status argument, or the scanner's position.
CALLS = {'bsl_reader_fail': 'code', 'bsl_error_set': 'code', 'bsl_error_at': 'code',
         'bsl_json_error': 'code', 'scan_error': 'code', 'expect_error': 2,
         'bsl_reader_fail_duplicate': 4, 'warn': 1}
MACROS = {'FORMAT_1': '"boussole-framework/1"', 'FORMAT_2': '"boussole-framework/2"',
          'FORMAT_TOKEN': '"boussole-vocabulary/1"',
          'BSL_LINT_AT': '"$.criteria[%zu].indicators[%zu] (%s): "'}
DEVELOPER = re.compile(r'^(bsl_\w+: |no document to fill|no input bytes|%s$|out of memory$)')


def literal_groups(text):
    """The string literals of text, adjacent ones joined (as C does)."""
    groups, last_end = [], None
    for m in LITERAL.finditer(text):
        if last_end is not None and not text[last_end:m.start()].strip():
            groups[-1] += m.group(1)
        else:
            groups.append(m.group(1))
        last_end = m.end()
    return groups


def split_args(text):
    """Top-level arguments of a call's text (without its parentheses)."""
    args, depth, cur, i = [], 0, '', 0
    while i < len(text):
        c = text[i]
        if c == '"':
            m = LITERAL.match(text, i)
            cur += m.group(0)
            i = m.end()
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        if c == ',' and depth == 0:
            args.append(cur)
            cur = ''
        else:
            cur += c
        i += 1
    args.append(cur)
    return args


def calls(source):
    """(function, its arguments) for every call of CALLS in source."""
    for name in CALLS:
        for m in re.finditer(r'\b%s\(' % name, source):
            depth, i = 1, m.end()
            while depth:
                if source[i] == '"':
                    i = LITERAL.match(source, i).end()
                    continue
                depth += {'(': 1, ')': -1}.get(source[i], 0)
                i += 1
            yield name, split_args(source[m.end():i - 1])


def formats_used():
    found = []
    for name in sorted(os.listdir(lib)):
        if not name.endswith('.c') or name in ('messages.c', 'error.c'):
            continue
        with open(os.path.join(lib, name), encoding='utf-8') as f:
            source = f.read()
        for macro, value in MACROS.items():
            source = re.sub(r'\b%s\b' % macro, value, source)
        for fn, args in calls(source):
            if re.match(r'\s*(int|const|bsl_|jscan|size_t)\b', args[0]) and ' ' in args[0].strip():
                continue  # the definition or declaration, not a call
            where = CALLS[fn]
            if where == 'code':
                at = next((k for k, a in enumerate(args) if 'BSL_ERR_' in a or a.strip() == 'code'), None)
                if at is None:
                    continue
                rest = args[at + 1:]
            else:
                rest = args[where:where + 1]
            # the format: the first argument holding a literal (both arms of a ?:)
            for a in rest:
                groups = literal_groups(a)
                if groups:
                    found += [(name, fn, g) for g in groups]
                    break
    return found


with open(os.path.join(lib, 'messages.c'), encoding='utf-8') as f:
    catalogue = f.read()
for macro, value in MACROS.items():
    catalogue = re.sub(r'\b%s\b' % macro, value, catalogue)
entries = re.findall(r'\{("(?:[^"\\]|\\.)*",\s*(?:"(?:[^"\\]|\\.)*"\s*)+),', catalogue)
english = {literal_groups(e)[1] for e in entries}
phrases = {literal_groups(e)[0] for e in re.findall(r'\{("(?:[^"\\]|\\.)*",\s*"(?:[^"\\]|\\.)*")\}',
                                                    catalogue)}
used = formats_used()
tap.check(len(used) > 60, 'the message formats of lib/ are found (%d)' % len(used))
missing = sorted({(where, fmt) for where, fn, fmt in used
                  if not DEVELOPER.match(fmt) and fmt not in english and fmt not in phrases})
tap.equal(missing, [], 'every message format has its French wording in lib/messages.c')
tap.done()
