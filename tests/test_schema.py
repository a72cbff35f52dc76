#!/usr/bin/env python3
"""`boussole schema`, `template` and `describe`: the use-case JSON Schema is a
valid draft 2020-12 schema, accepts every example use-case (but the one whose
typo is on purpose), the template and the vocabulary's facts, rejects keys
outside the vocabulary, and agrees with the library fact by fact. Uses
python3-jsonschema; its checks are skipped when it is missing.

Usage: test_schema.py BOUSSOLE_CLI SOURCE_ROOT
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

try:
    import jsonschema
except ImportError:  # Debian: apt-get install python3-jsonschema
    jsonschema = None

cli, root = sys.argv[1], sys.argv[2]
format1 = os.path.join(root, 'tests', 'data', 'describe-format1.json')
tmp = tempfile.mkdtemp()
tap = Tap()


def run(args, stdin=b''):
    return subprocess.run([cli] + args, input=stdin, capture_output=True, env={'LANG': 'C'})


def doc(args):
    p = run(args)
    if p.returncode != 0:
        raise SystemExit('boussole %s failed: %s' % (' '.join(args), p.stderr.decode()))
    return json.loads(p.stdout)


def evaluate(usecase, framework=None):
    path = os.path.join(tmp, 'usecase.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(usecase, f, ensure_ascii=False)
    args = ['evaluate', '--format', 'json', path]
    if framework:
        args[1:1] = ['--framework', framework]
    return run(args)


def skip(what):
    tap.count += 1
    print('ok %d - %s # SKIP python3-jsonschema is not installed' % (tap.count, what))


def errors(validator, instance):
    return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))


# ---- the CLI commands ---------------------------------------------------------
p = run(['describe', '--format', 'json', '--lang', 'en'])
tap.check(p.returncode == 0 and json.loads(p.stdout)['format'] == 'boussole-description/1',
          'describe --format json: the description document', p.stderr)
p = run(['describe', '--format', 'markdown', '--lang', 'fr'])
tap.check(p.returncode == 0 and p.stdout.startswith(b'# '), 'describe --format markdown', p.stderr)
p = run(['describe', '--framework', format1])
tap.check(p.returncode == 0 and b'[describe-test 0.3.0]' in p.stdout, 'describe --framework FILE (text)', p.stderr)
tap.equal(run(['describe', '--format', 'html']).returncode, 2, 'describe --format html: usage error')
tap.equal(run(['describe', 'FILE']).returncode, 2, 'describe takes no FILE')
tap.equal(run(['schema', '--format', 'json']).returncode, 2, 'schema takes no --format')
tap.equal(run(['template', '--fail-on', 'favorable']).returncode, 2, 'template takes no --fail-on')
tap.equal(run(['schema', '--lang', 'de']).returncode, 2, 'schema --lang de: usage error')
tap.equal(run(['template', '--framework', os.path.join(tmp, 'absent.json')]).returncode, 3,
          'template --framework of a missing file: I/O error')
p = run(['describe', '--format', 'json', '--lang', 'fr'])
tap.check(p.stdout == run(['describe', '--format', 'json', '--lang', 'fr']).stdout,
          'describe: the same bytes twice')

schemas = {lang: doc(['schema', '--lang', lang]) for lang in ('en', 'fr')}
templates = {lang: doc(['template', '--lang', lang]) for lang in ('en', 'fr')}
schema = schemas['en']
described = doc(['describe', '--format', 'json', '--lang', 'en'])
read = [i['fact'] for c in described['criteria'] for i in c['indicators']]
required = [i['fact'] for c in described['criteria'] for i in c['indicators'] if i['required']]

tap.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema', 'schema: draft 2020-12')
tap.equal(schema['x-boussole-required'], required, 'schema: x-boussole-required is the required facts')
tap.equal(schema['required'], ['id', 'title', 'facts'], 'schema: required facts are not JSON Schema required')
facts = schema['properties']['facts']['properties']
tap.equal(sorted(k for k, v in facts.items() if v['x-boussole']['used']), sorted(read),
          'schema: the facts marked used are those the framework reads')
tap.equal(list(schema['properties']['evidence']['properties']), list(facts), 'schema: evidence has the same keys')
tap.equal(list(templates['en']['facts']), read, 'template: every fact read, in framework order')
tap.check(all(v is None for v in templates['en']['facts'].values()), 'template: every fact null')
tap.equal((templates['fr']['id'], templates['fr']['title']), ('nouveau-cas-d-usage', 'À renseigner'),
          'template fr: id and title')
tap.equal((templates['en']['id'], templates['en']['title']), ('new-use-case', 'To be completed'),
          'template en: id and title')
p = evaluate(templates['en'])
result = json.loads(p.stdout) if p.returncode == 0 else {}
tap.check(result.get('verdict') == 'incomplete' and result.get('missing') == required,
          'template: verdict incomplete, every required fact missing', p.stderr)

# ---- JSON Schema validation -------------------------------------------------------
if jsonschema is None:
    for what in ('the schema is a valid draft 2020-12 schema', 'every example use-case is valid',
                 'the template is valid', 'keys outside the vocabulary are rejected',
                 'schema and library agree fact by fact', 'format-1 framework schema'):
        skip(what)
    tap.done()

V = jsonschema.Draft202012Validator
for lang in ('en', 'fr'):
    try:
        V.check_schema(schemas[lang])
        tap.check(True, 'schema %s is a valid draft 2020-12 schema' % lang)
    except jsonschema.SchemaError as e:
        tap.check(False, 'schema %s is a valid draft 2020-12 schema' % lang, e)
validator = V(schema)

examples = sorted(glob.glob(os.path.join(root, 'examples', 'usecases', '*.json')))
tap.check(len(examples) >= 12, 'the example use-cases are found (%d)' % len(examples))
for path in examples:
    name = os.path.basename(path)
    with open(path, encoding='utf-8') as f:
        usecase = json.load(f)
    errs = errors(validator, usecase)
    typos = [k for k in list(usecase['facts']) + list(usecase.get('evidence', {})) if k not in facts]
    if typos:
        # classement-courrier.json misspells hosting on purpose: the schema
        # must reject exactly that key, where the library reports it unknown.
        tap.check(len(errs) == 1 and errs[0].validator == 'additionalProperties' and
                  list(errs[0].absolute_path) == ['facts'] and typos == ['hostnig'] and
                  "'hostnig'" in errs[0].message,
                  '%s: only its deliberate typo "hostnig" is rejected' % name,
                  '\n'.join(e.message for e in errs))
    else:
        tap.check(not errs, '%s is valid' % name, '\n'.join('%s: %s' % (list(e.absolute_path), e.message)
                                                            for e in errs))
for lang in ('en', 'fr'):
    tap.check(not errors(V(schemas[lang]), templates[lang]), 'template %s is valid' % lang)

base = templates['en']


def with_facts(**kw):
    d = json.loads(json.dumps(base))
    d['facts'].update(kw)
    return d


bad = with_facts(hostnig='eu')
errs = errors(validator, bad)
tap.check(len(errs) == 1 and errs[0].validator == 'additionalProperties' and 'hostnig' in errs[0].message,
          'a fact key outside the vocabulary is rejected')
bad = dict(base, evidence={'hostnig': 'doc.pdf'})
tap.check(any(e.validator == 'additionalProperties' for e in validator.iter_errors(bad)),
          'an evidence key outside the vocabulary is rejected')
tap.check(not validator.is_valid(dict(base, owner='me')), 'an unknown top-level field is rejected')
tap.check(not validator.is_valid({k: v for k, v in base.items() if k != 'facts'}), 'facts is required')
tap.check(not validator.is_valid(dict(base, id='')), 'an empty id is rejected')
unused = [k for k, v in facts.items() if not v['x-boussole']['used']]
tap.check(len(unused) > 0, 'the vocabulary has facts Nantes does not read')
sample = with_facts(**{unused[0]: None})
tap.check(validator.is_valid(sample), 'a vocabulary fact the framework does not read is valid (%s)' % unused[0])
tap.check(validator.is_valid(dict(base, evidence={'hosting': 'contract.pdf'})), 'evidence strings are valid')
tap.check(not validator.is_valid(dict(base, evidence={'hosting': 3})), 'evidence must be strings')


# Fact by fact, the schema and the library accept and reject the same values.
def samples(prop):
    kind = prop['x-boussole']['type']
    if kind == 'boolean':
        return [True, False, None], ['yes', 1]
    if kind == 'enum':
        return [v for v in prop['enum']], ['not_a_value', 3]
    if kind == 'set':
        values = prop['items']['enum']
        return [[], [values[0]], values, None], [[values[0], values[0]], ['not_a_value'], values[0]]
    if kind == 'number':
        good, wrong = [None], ['12']
        lo, hi = prop.get('minimum'), prop.get('maximum')
        good += [v for v in (lo, hi) if v is not None] or [42]
        if lo is not None:
            wrong.append(lo - 1)
        if hi is not None:
            wrong.append(hi + 1)
        return good, wrong
    return ['a report', '', None], [True]


disagree = []
for key, prop in facts.items():
    good, wrong = samples(prop)
    for value, want in [(v, True) for v in good] + [(v, False) for v in wrong]:
        usecase = with_facts(**{key: value})
        valid = validator.is_valid(usecase)
        accepted = evaluate(usecase).returncode == 0
        if valid != want or accepted != want:
            disagree.append('%s = %r: schema %s, library %s, expected %s' % (key, value, valid, accepted, want))
tap.check(not disagree, 'schema and library agree on %d facts, value by value' % len(facts), '\n'.join(disagree))

# A format-1 framework: its own facts, and its own definition of a
# vocabulary key it reads.
s1 = doc(['schema', '--framework', format1, '--lang', 'en'])
t1 = doc(['template', '--framework', format1, '--lang', 'en'])
V.check_schema(s1)
v1 = V(s1)
tap.check(v1.is_valid(t1), 'format 1: the template is valid')
ok = dict(t1, facts=dict(t1['facts'], gate=False, kind='some', energy=1000, tags=['x'], hosting='home'))
tap.check(v1.is_valid(ok) and evaluate(ok, format1).returncode == 0, 'format 1: its own facts are valid')
nope = dict(t1, facts=dict(t1['facts'], hosting='france'))
tap.check(not v1.is_valid(nope) and evaluate(nope, format1).returncode == 5,
          'format 1: a key it reads takes its own values, not the vocabulary\'s')
tap.check(not v1.is_valid(dict(t1, facts=dict(t1['facts'], energy=-1))) and
          not v1.is_valid(dict(t1, facts=dict(t1['facts'], tags=['w']))), 'format 1: bounds and set members')
tap.done()
