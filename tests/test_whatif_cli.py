#!/usr/bin/env python3
"""`boussole whatif` on every example use-case:

1. the plan is right: every change written into the use-case and the
   use-case evaluated again (`boussole evaluate`) gives the verdict and
   score the plan announces, under each framework (and under all at once);
2. tests/golden/whatif/: the exact bytes of the JSON, text and Markdown
   plans of the examples under the default framework, in French and
   English (BSL_UPDATE_GOLDEN=1 rewrites them: review the diff);
3. bad input gets the same errors (message and exit status) as evaluate;
4. --max-nodes N bounds the search of whatif and of the plan of evaluate's
   reports (a budget too small says the search limit was reached, one not
   used up changes no byte), and anything but 1 to 4294967295 is a usage
   error in English and in French.

Usage: test_whatif_cli.py BOUSSOLE_CLI SOURCE_ROOT
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root = sys.argv[1], sys.argv[2]
examples = sorted(glob.glob(os.path.join(root, 'examples', 'usecases', '*.json')))
golden = os.path.join(root, 'tests', 'golden', 'whatif')
update = os.environ.get('BSL_UPDATE_GOLDEN') == '1'
tap = Tap()


def run(*args):
    return subprocess.run([cli] + list(args), capture_output=True, env={'LANG': 'C'})


def frameworks():
    out = run('frameworks', '--lang', 'en').stdout.decode().split('\n')
    return [line.split()[0] for line in out if line.strip() and not line.startswith(' ')]


def written(fact_value):
    """The value a change writes: the rule tokens stand for any value that
    gives that outcome."""
    if fact_value == 'set:non_empty':
        return ['health']
    if fact_value == 'text:present':
        return 'given'
    return fact_value


def check_plan(path, fw_ids, spec):
    doc = json.load(open(path, encoding='utf-8'))
    name = os.path.basename(path)
    res = run('whatif', '--framework', spec, '--format', 'json', path)
    if res.returncode != 0:
        tap.check(False, '%s under %s: whatif runs' % (name, spec), res.stderr.decode())
        return
    plan = json.loads(res.stdout)
    if not plan['reachable']:
        tap.check(plan['changes'] == [], '%s under %s: unreachable, no change' % (name, spec))
        return
    for change in plan['changes']:
        doc['facts'][change['fact']] = written(change['to'])
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False, encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False)
    try:
        for after in plan['after_by_framework']:
            res = run('evaluate', '--framework', after['framework'], '--format', 'json', f.name)
            result = json.loads(res.stdout)
            tap.equal((result['verdict'], result['score']), (after['verdict'], after['score']),
                      '%s under %s: the plan applied gives the announced verdict and score in %s'
                      % (name, spec, after['framework']))
    finally:
        os.unlink(f.name)


def check_golden(path):
    name = os.path.basename(path)[:-5]
    for lang in ('fr', 'en'):
        for fmt, ext in (('json', 'json'), ('text', 'txt'), ('markdown', 'md')):
            got = run('whatif', '--lang', lang, '--format', fmt, path).stdout
            gold = os.path.join(golden, '%s.%s.%s' % (name, lang, ext))
            if update:
                os.makedirs(golden, exist_ok=True)
                open(gold, 'wb').write(got)
            want = open(gold, 'rb').read() if os.path.exists(gold) else None
            tap.check(got == want, 'golden whatif/%s.%s.%s' % (name, lang, ext))


def check_errors():
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        f.write('{"id": "x", "title": "t", "facts": {"hosting": "moon"}}')
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as g:
        g.write('{"id": "x", "title": ')
    try:
        for bad in (f.name, g.name, '/nonexistent/case.json'):
            ev, wi = run('evaluate', bad), run('whatif', bad)
            tap.equal((wi.returncode, wi.stderr), (ev.returncode, ev.stderr),
                      'whatif reports %s as evaluate does' % os.path.basename(bad))
    finally:
        os.unlink(f.name)
        os.unlink(g.name)
    res = run('whatif', '--target', 'unfavorable', examples[0])
    tap.equal(res.returncode, 2, '--target unfavorable is a usage error')
    for lang, want in (('C', b'whatif needs at least one FILE'),
                       ('fr_FR.UTF-8', 'whatif demande au moins un FICHIER'.encode())):
        res = subprocess.run([cli, 'whatif'], capture_output=True, env={'LANG': lang})
        tap.check(res.returncode == 2 and want in res.stderr,
                  'no FILE: a usage error in the language of LANG=%s' % lang, res.stderr.decode())


LIMIT = {'en': b'Search limit reached', 'fr': 'Limite de recherche atteinte'.encode()}


def check_max_nodes():
    # a plan of some hundred states: 10 runs out, the default does not
    case = os.path.join(root, 'examples', 'usecases', 'classement-courrier.json')
    plan = lambda *a: json.loads(run('whatif', '--format', 'json', *a, case).stdout)
    tap.equal((plan()['search_limit_reached'], plan('--max-nodes', '10')['search_limit_reached']),
              (False, True), 'whatif --max-nodes 10: search_limit_reached, the default not')
    tap.equal(run('whatif', '--max-nodes=4294967295', case).stdout, run('whatif', case).stdout,
              'whatif --max-nodes 4294967295: the default plan')
    for lang in ('fr', 'en'):
        for fmt in ('text', 'markdown'):
            out = run('whatif', '--lang', lang, '--format', fmt, '--max-nodes', '10', case).stdout
            tap.check(LIMIT[lang] in out, 'whatif --format %s --lang %s --max-nodes 10: the limit said'
                      % (fmt, lang), out.decode())
        for fmt in ('text', 'markdown', 'html'):
            report = lambda *a: run('evaluate', '--lang', lang, '--format', fmt, *a, case)
            small, default, large = report('--max-nodes', '10'), report(), report('--max-nodes', '1000000')
            tap.check(small.returncode == 0 and LIMIT[lang] in small.stdout and
                      LIMIT[lang] not in default.stdout,
                      'evaluate --format %s --lang %s --max-nodes 10: the plan says the limit' % (fmt, lang),
                      small.stderr.decode())
            tap.equal(large.stdout, default.stdout,
                      'evaluate --format %s --lang %s: a budget not used up changes nothing' % (fmt, lang))
    for command in ('whatif', 'evaluate'):
        for bad in ('0', '-1', '', 'ten', '12x', '+5', ' 5', '4294967296', '99999999999999999999'):
            for lang, want in (('C', b'--max-nodes takes a whole number of search states from 1 to'),
                               ('fr_FR.UTF-8', "--max-nodes prend un nombre entier d'états de recherche de 1 à"
                                .encode())):
                res = subprocess.run([cli, command, '--max-nodes', bad, case], capture_output=True,
                                     env={'LANG': lang})
                tap.check(res.returncode == 2 and want in res.stderr and res.stderr.count(b'\n') == 2 and
                          not res.stdout, '%s --max-nodes %r: a usage error (LANG=%s)' % (command, bad, lang),
                          res.stderr.decode())


ids = frameworks()
tap.check(len(ids) >= 2, 'several embedded frameworks')
for path in examples:
    for fw in ids:
        check_plan(path, ids, fw)
    check_plan(path, ids, 'all')
    check_golden(path)
check_errors()
check_max_nodes()
tap.done()
