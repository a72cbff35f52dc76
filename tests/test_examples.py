#!/usr/bin/env python3
"""Every example use-case, through the CLI, against two oracles:

1. EXPECTED.md beside the examples, computed by hand from REFERENTIEL.md
   independently of the engine: verdict, global score, each criterion's
   score and status, red lines, missing facts, unknown keys.
2. tests/golden/: the exact bytes of the JSON, text, Markdown, HTML and SVG
   results in French and English. Regenerate on purpose with BSL_UPDATE_GOLDEN=1 and review
   the diff.

examples/usecases/*.json are scored with the default framework (nantes-2024);
examples/usecases/<framework-id>/*.json with that framework, their goldens in
tests/golden/<framework-id>/.

Usage: test_examples.py BOUSSOLE_CLI SOURCE_ROOT
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root = sys.argv[1], sys.argv[2]
examples = os.path.join(root, 'examples', 'usecases')
golden = os.path.join(root, 'tests', 'golden')
update = os.environ.get('BSL_UPDATE_GOLDEN') == '1'
tap = Tap()


def run(*args):
    return subprocess.run([cli] + list(args), capture_output=True, env={'LANG': 'C'})


def parse_expected(folder):
    """The two tables of folder/EXPECTED.md, told apart by their header:
    scores (file, verdict, global, one column per criterion) and extras
    (file, red lines, missing facts, unknown keys)."""
    text = open(os.path.join(folder, 'EXPECTED.md'), encoding='utf-8').read()
    scores, extras, table = {}, {}, None
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if line.startswith('| file | verdict'):
            table = 'scores'
        elif line.startswith('| file | red lines'):
            table = 'extras'
        elif line.startswith('| Nantes example |'):
            table = 'nantes'  # read by check_nantes_examples_under()
        if not cells or not cells[0].startswith('`') or not cells[0].endswith('.json`'):
            continue
        name = cells[0].strip('`')
        if table == 'scores':
            crits = []
            for cell in cells[3:]:
                score, status = cell.split()
                crits.append((None if score == '—' else float(score), status))
            scores[name] = (cells[1].strip('`'), None if cells[2] == '—' else float(cells[2]), crits)
        elif table == 'extras':
            def facts(cell):
                return re.findall(r'`([a-z_]+)`', cell)
            unknown = re.findall(r'`([a-z_]+)` \(`([a-z_]+)`\)', cells[3])
            extras[name] = (facts(cells[1]), facts(cells[2]), unknown)
    return scores, extras


TEXT_WIDTH = 80


def check_width(report, what):
    """Every line of a text report fits in 80 columns, except a line whose
    word cannot fit on any line (a hash, a long key): that word then stands
    alone after the indentation and the marker."""
    too_long = []
    for line in report.decode('utf-8').splitlines():
        if len(line) <= TEXT_WIDTH:
            continue
        words = line.split()
        if not (max(len(w) for w in words) > TEXT_WIDTH - 8 and len(words) <= 2):
            too_long.append(line)
    tap.check(not too_long, '%s: every line within %d columns' % (what, TEXT_WIDTH),
              too_long[0] if too_long else '')


def check_folder(folder, framework, golden_dir):
    """Every example of folder against its EXPECTED.md and goldens; the set
    of verdicts seen."""
    expected, expected_extras = parse_expected(folder)
    files = sorted(f for f in os.listdir(folder) if f.endswith('.json'))
    where = os.path.relpath(folder, root)
    tap.check(len(files) >= 3, '%s: at least 3 example use-cases (%d)' % (where, len(files)))
    tap.equal(sorted(expected), files, '%s: EXPECTED.md covers every example' % where)
    tap.equal(sorted(expected_extras), files, '%s: EXPECTED.md lists the facts of every example' % where)
    verdicts = set()
    for name in files:
        path = os.path.join(folder, name)
        stem = name[:-5]
        outputs = {}
        for lang in ('fr', 'en'):
            for fmt, ext in (('json', 'json'), ('text', 'txt'), ('markdown', 'md'), ('html', 'html'),
                             ('svg', 'svg')):
                p = run('evaluate', '--framework', framework, '--lang', lang, '--format', fmt, path)
                tap.equal(p.returncode, 0, '%s %s %s: exit status' % (name, lang, fmt))
                outputs[(lang, ext)] = p.stdout
                again = run('evaluate', '--framework', framework, '--lang', lang, '--format', fmt, path).stdout
                tap.check(again == p.stdout, '%s %s %s: deterministic' % (name, lang, fmt))
                gpath = os.path.join(golden_dir, '%s.%s.%s' % (stem, lang, ext))
                if update:
                    os.makedirs(golden_dir, exist_ok=True)
                    with open(gpath, 'wb') as f:
                        f.write(p.stdout)
                want = open(gpath, 'rb').read() if os.path.exists(gpath) else None
                tap.check(want == p.stdout, '%s %s %s: matches %s' % (name, lang, fmt, os.path.relpath(gpath, root)),
                          'golden file missing' if want is None else 'output differs from the golden file')

        for lang in ('fr', 'en'):
            check_width(outputs[(lang, 'txt')], '%s %s text' % (name, lang))

        result = json.loads(outputs[('fr', 'json')])
        verdicts.add(result['verdict'])
        if name not in expected or name not in expected_extras:
            continue
        exp_verdict, exp_score, exp_crits = expected[name]
        tap.equal(result['verdict'], exp_verdict, '%s: verdict' % name)
        tap.equal(result['score'], exp_score, '%s: global score' % name)
        got_crits = [(c['score'], c['status']) for c in result['criteria']]
        tap.equal(got_crits, exp_crits, '%s: criterion scores and statuses' % name)
        red, missing, unknown = expected_extras[name]
        tap.equal(sorted(result['red_lines']), sorted(red), '%s: red lines' % name)
        tap.equal(result['missing'], missing, '%s: missing required facts' % name)
        tap.equal([(u['key'], u['suggestion']) for u in result['unknown']], unknown,
                  '%s: unknown keys and suggestions' % name)
        english = json.loads(outputs[('en', 'json')])
        tap.equal((english['verdict'], english['score']), (result['verdict'], result['score']),
                  '%s: same verdict and score in English' % name)
    return verdicts


def check_nantes_examples_under(folder, framework):
    """The verdicts folder/EXPECTED.md computes by hand for the Nantes
    examples under framework (its table `| Nantes example | verdict under`)."""
    table = False
    text = open(os.path.join(folder, 'EXPECTED.md'), encoding='utf-8').read()
    seen = 0
    for line in text.splitlines():
        if line.startswith('| Nantes example |'):
            table = True
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        # The file as `x.json`, x.json or a link [`x.json`](../x.json); the
        # verdict token first in its cell, maybe with the score after it.
        named = re.search(r'([a-z0-9-]+\.json)', cells[0]) if table and len(cells) >= 2 else None
        verdict = re.match(r'`?([a-z_]+)', cells[1]) if named else None
        if not verdict:
            continue
        name, want = named.group(1), verdict.group(1)
        p = run('evaluate', '--framework', framework, '--format', 'json', os.path.join(examples, name))
        got = json.loads(p.stdout)['verdict'] if p.returncode == 0 else 'exit %d' % p.returncode
        tap.equal(got, want, '%s under %s: verdict computed by hand' % (name, framework))
        seen += 1
    nantes = sorted(f for f in os.listdir(examples) if f.endswith('.json'))
    tap.equal(seen, len(nantes), '%s: a hand verdict for each Nantes example' % framework)


verdicts = check_folder(examples, 'nantes-2024', golden)
for sub in sorted(os.listdir(examples)):
    if os.path.isdir(os.path.join(examples, sub)):
        check_folder(os.path.join(examples, sub), sub, os.path.join(golden, sub))
        check_nantes_examples_under(os.path.join(examples, sub), sub)

def check_cross():
    """examples/usecases/CROSS.md: the verdict of every example written for
    one framework under each of the others, computed independently."""
    path = os.path.join(examples, 'CROSS.md')
    if not tap.check(os.path.exists(path), 'examples/usecases/CROSS.md exists'):
        return
    header, pairs = None, 0
    for line in open(path, encoding='utf-8').read().splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if line.startswith('| example |'):
            header = cells[1:]
            continue
        named = re.search(r'([a-z0-9-]+/[a-z0-9-]+\.json)', cells[0]) if header else None
        if not named:
            continue
        for fw, cell in zip(header, cells[1:]):
            want = re.match(r'`?([a-z_]+)', cell)
            if not want:
                continue  # the example's own framework: its folder's EXPECTED.md
            p = run('evaluate', '--framework', fw, '--format', 'json', os.path.join(examples, named.group(1)))
            got = json.loads(p.stdout)['verdict'] if p.returncode == 0 else 'exit %d' % p.returncode
            tap.equal(got, want.group(1), '%s under %s: verdict computed independently' % (named.group(1), fw))
            pairs += 1
    subs = [d for d in os.listdir(examples) if os.path.isdir(os.path.join(examples, d))]
    count = sum(len([f for f in os.listdir(os.path.join(examples, d)) if f.endswith('.json')]) for d in subs)
    tap.equal(pairs, count * (len(header or [1]) - 1),
              'CROSS.md: each example under each framework it was not written for')


check_cross()

# Every example under every embedded framework: the comparison, byte for byte.
every = [os.path.join(examples, f) for f in sorted(os.listdir(examples)) if f.endswith('.json')]
for sub in sorted(os.listdir(examples)):
    if os.path.isdir(os.path.join(examples, sub)):
        every += [os.path.join(examples, sub, f) for f in sorted(os.listdir(os.path.join(examples, sub)))
                  if f.endswith('.json')]
listed = run('frameworks').stdout.decode().splitlines()
for lang in ('fr', 'en'):
    for fmt, ext in (('json', 'json'), ('text', 'txt'), ('markdown', 'md')):
        p = run('compare', '--lang', lang, '--format', fmt, *every)
        tap.equal(p.returncode, 0, 'compare %s %s: exit status' % (lang, fmt))
        gpath = os.path.join(golden, 'compare.%s.%s' % (lang, ext))
        if update:
            with open(gpath, 'wb') as f:
                f.write(p.stdout)
        want = open(gpath, 'rb').read() if os.path.exists(gpath) else None
        tap.check(want == p.stdout, 'compare %s %s: matches %s' % (lang, fmt, os.path.relpath(gpath, root)),
                  'golden file missing' if want is None else 'output differs from the golden file')
        if fmt == 'json' and p.returncode == 0:
            doc = json.loads(p.stdout)
            tap.equal(len(doc['usecases']), len(every), 'compare %s: a row per example' % lang)
            tap.equal([f['id'] for f in doc['frameworks']], [line.split('\t')[0] for line in listed],
                      'compare %s: a column per embedded framework, in order' % lang)
            one = json.loads(run('evaluate', '--framework', 'bordeaux-2025', '--format', 'json',
                                 every[0]).stdout)
            cell = doc['usecases'][0]['results'][1]
            tap.equal((cell['framework'], cell['verdict'], cell['score'], cell['missing']),
                      ('bordeaux-2025', one['verdict'], one['score'], one['missing']),
                      'compare %s: a cell is what evaluate says' % lang)

tap.equal(verdicts, {'red_line', 'incomplete', 'unfavorable', 'favorable_with_reservations', 'favorable'},
          'the Nantes examples cover every verdict')
tap.done()
