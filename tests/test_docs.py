#!/usr/bin/env python3
"""The calibration sheets doc/frameworks/<id>.md (English) and <id>.fr.md
(French) are `boussole describe --format markdown` of each embedded
framework, with the hand-written preface doc/frameworks/<id>.preface.md
(.preface.fr.md) after the title when there is one: `check` fails when a
committed sheet is missing or stale, `update` rewrites them (ninja -C build
calibration-sheets).

Usage: test_docs.py check|update BOUSSOLE_CLI SOURCE_ROOT
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

mode, cli, root = sys.argv[1], sys.argv[2], sys.argv[3]
sheets = os.path.join(root, 'doc', 'frameworks')
env = {'LANG': 'C'}
REGENERATE = 'ninja -C build calibration-sheets (or: tests/test_docs.py update build/examples/boussole .)'


def run(args):
    return subprocess.run([cli] + args, capture_output=True, env=env)


def sheet(fw, lang, generated):
    """The sheet: the generated title line, the preface if any, the rest."""
    preface = os.path.join(sheets, fw + ('.preface.md' if lang == 'en' else '.preface.fr.md'))
    if not os.path.exists(preface):
        return generated
    with open(preface, 'rb') as f:
        text = f.read().strip(b'\n')
    title, _, rest = generated.partition(b'\n')
    return title + b'\n\n' + text + b'\n' + rest


listing = run(['frameworks'])
ids = [line.split(b'\t')[0].decode() for line in listing.stdout.splitlines() if line.strip()]
expected = []
for fw in ids:
    for lang, suffix in (('en', '.md'), ('fr', '.fr.md')):
        expected.append((fw, lang, os.path.join(sheets, fw + suffix)))

if mode == 'update':
    os.makedirs(sheets, exist_ok=True)
    for fw, lang, path in expected:
        p = run(['describe', '--framework', fw, '--format', 'markdown', '--lang', lang])
        if p.returncode != 0:
            sys.exit('boussole describe %s %s failed: %s' % (fw, lang, p.stderr.decode()))
        with open(path, 'wb') as f:
            f.write(sheet(fw, lang, p.stdout))
        print('wrote', os.path.relpath(path, root))
    sys.exit(0)

tap = Tap()
tap.check(listing.returncode == 0 and ids, 'boussole frameworks lists the embedded frameworks', listing.stderr)
for fw, lang, path in expected:
    name = os.path.relpath(path, root)
    p = run(['describe', '--framework', fw, '--format', 'markdown', '--lang', lang])
    if not tap.check(p.returncode == 0 and p.stdout.startswith(b'# '),
                     '%s: describe --format markdown --lang %s' % (fw, lang), p.stderr):
        continue
    try:
        with open(path, 'rb') as f:
            committed = f.read()
    except OSError as e:
        tap.check(False, '%s exists' % name, '%s\nregenerate it with: %s' % (e, REGENERATE))
        continue
    want = sheet(fw, lang, p.stdout)
    if not tap.check(committed == want, '%s is up to date with the framework' % name,
                     '%s is stale: regenerate it with: %s' % (name, REGENERATE)):
        old, new = committed.decode('utf-8', 'replace').splitlines(), want.decode().splitlines()
        for i, (a, b) in enumerate(zip(old, new)):
            if a != b:
                print('#   first difference at line %d:\n#   - %s\n#   + %s' % (i + 1, a[:160], b[:160]))
                break
    # Every fact the framework reads has its section in the sheet.
    facts = run(['template', '--framework', fw]).stdout.decode()
    keys = [line.split('"')[1] for line in facts.splitlines() if line.startswith('    "')]
    tap.check(keys and all(('· `%s`' % k) in p.stdout.decode() for k in keys),
              '%s: a section for each of the %d facts' % (name, len(keys)))
tap.done()
