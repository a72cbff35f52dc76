#!/usr/bin/env python3
"""Write the hand-made seed corpus of the fuzz harnesses, and the dictionary.

    python3 fuzz/make_seeds.py

(Re)creates fuzz/corpus/<harness>/seed-* and fuzz/json.dict from the example
use-cases, the Nantes framework and the edge cases listed below. Files named
regress-* are inputs that once found a bug (see doc/security.md); this script
never touches them. The output is deterministic, so a rerun changes nothing
unless this script, the examples or the framework changed.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, 'fuzz', 'corpus')
EXAMPLES = os.path.join(ROOT, 'examples', 'usecases')
FRAMEWORK = os.path.join(ROOT, 'frameworks', 'nantes-2024.json')
FRAMEWORK_1 = os.path.join(ROOT, 'tests', 'data', 'nantes-2024-1.0.0.json')
VOCABULARY = os.path.join(ROOT, 'frameworks', 'vocabulary.json')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def examples():
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith('.json'):
            yield name[:-5], read(os.path.join(EXAMPLES, name))


def compact(data):
    return json.dumps(json.loads(data), ensure_ascii=False, separators=(',', ':')).encode()


# ---- JSON edge cases (valid and invalid) --------------------------------------
def json_edges():
    e = {}
    e['deep-array-64'] = b'[' * 64 + b']' * 64
    e['deep-array-65'] = b'[' * 65 + b']' * 65
    e['deep-mixed'] = b'{"a":[' * 20 + b'1' + b']}' * 20
    e['deep-unclosed'] = b'[' * 200
    e['escapes'] = rb'["\"\\\/\b\f\n\r\t","\u0000\u001f\u007f\u00e9\u20ac"]'
    e['surrogate-pair'] = rb'["\ud83d\ude00","\uD834\uDD1E"]'
    e['surrogate-lone-high'] = rb'["\ud83d"]'
    e['surrogate-lone-low'] = rb'["\ude00"]'
    e['surrogate-reversed'] = rb'["\ude00\ud83d"]'
    e['surrogate-high-then-char'] = rb'["\ud83dx"]'
    e['bad-escape'] = rb'["\x41"]'
    e['short-unicode-escape'] = rb'["\u12"]'
    e['numbers'] = (b'[0,-0,-0.0,0e0,0E+0,1E+2,1e-2,123456789012345678901234567890,'
                    b'1.7976931348623157e308,4.9e-324,2.2250738585072011e-308,1e-400,'
                    b'9007199254740993,0.1]')
    e['number-1e400'] = b'[1e400]'
    e['number-minus-1e400'] = b'[-1e400]'
    e['number-2e308'] = b'2e308'
    e['number-huge-exponent'] = b'[1e99999999999999999999]'
    e['number-tiny-exponent'] = b'[1e-99999999999999999999]'
    e['number-long-mantissa'] = b'[' + b'9' * 800 + b']'
    e['number-long-fraction'] = b'[0.' + b'0' * 700 + b'1]'
    e['nan'] = b'[NaN]'
    e['infinity'] = b'[Infinity,-Infinity]'
    e['leading-zero'] = b'[01]'
    e['leading-plus'] = b'[+1]'
    e['dot-only'] = b'[1.]'
    e['hex'] = b'[0x10]'
    e['duplicate-key'] = b'{"a":1,"a":2}'
    e['duplicate-key-escaped'] = rb'{"a":1,"\u0061":2}'
    e['duplicate-key-deep'] = b'{"x":{"k":1,"j":2,"k":3}}'
    e['many-keys'] = b'{' + b','.join(b'"k%d":%d' % (i, i) for i in range(60)) + b'}'
    e['bom'] = b'\xef\xbb\xbf{"a":1}'
    e['nul-in-string'] = b'["a\x00b"]'
    e['nul-after-value'] = b'[1]\x00'
    e['nul-escaped-key'] = rb'{"\u0000":1,"a\u0000b":2}'
    e['control-char'] = b'["a\x01b"]'
    e['invalid-utf8-overlong'] = b'["\xc0\x80"]'
    e['invalid-utf8-surrogate'] = b'["\xed\xa0\x80"]'
    e['invalid-utf8-too-big'] = b'["\xf4\x90\x80\x80"]'
    e['invalid-utf8-truncated'] = b'["\xe2\x82"]'
    e['utf8-all-lengths'] = '["a\u00e9\u20ac\U0001F600"]'.encode()
    e['trailing-comma-array'] = b'[1,2,]'
    e['trailing-comma-object'] = b'{"a":1,}'
    e['double-comma'] = b'[1,,2]'
    e['trailing-garbage'] = b'{"a":1} x'
    e['two-values'] = b'[] []'
    e['literals'] = b'[true,false,null]'
    e['literal-truncated'] = b'[tru]'
    e['literal-caps'] = b'[True]'
    e['empty'] = b''
    e['whitespace-only'] = b' \t\r\n'
    e['top-string'] = b'"top"'
    e['top-number'] = b'  -12.5e3  '
    e['top-null'] = b'null'
    e['empty-containers'] = b'[[],{},[{}],{"a":[]}]'
    e['long-string'] = b'["' + b'x' * 70000 + b'"]'
    e['string-64k'] = b'"' + b'y' * 65536 + b'"'
    e['crlf'] = b'{\r\n"a"\r\n:\r\n1\r\n}\r\n'
    e['unterminated-string'] = b'["abc'
    e['key-not-string'] = b'{1:2}'
    e['missing-colon'] = b'{"a" 1}'
    return e


# ---- use-case edge cases ---------------------------------------------------------
def usecase_edges(base):
    doc = json.loads(base)
    e = {}

    def put(name, d):
        e[name] = json.dumps(d, ensure_ascii=False, indent=1).encode()

    def with_facts(name, **facts):
        d = json.loads(base)
        d['facts'].update(facts)
        put(name, d)

    with_facts('energy-huge', energy_kwh_per_year=1e308)
    with_facts('energy-negative-zero', energy_kwh_per_year=-0.0)
    with_facts('energy-negative', energy_kwh_per_year=-1)
    with_facts('users-zero', users_per_year=0)
    with_facts('gain-tiny', measured_gain_percent=5e-324)
    with_facts('hosting-wrong-type', hosting=3)
    with_facts('hosting-unknown', hosting='mars')
    with_facts('set-duplicate', sensitive_data=['health', 'health'])
    with_facts('set-unknown', sensitive_data=['nope'])
    with_facts('set-all', sensitive_data=['health', 'ethnic_origin', 'political_opinion'])
    with_facts('nulls', hosting=None, dpia=None, energy_kwh_per_year=None)
    with_facts('unknown-keys', hostnig='eu', **{'a"b\\c': 1, '': 2, 'x' * 300: 3})
    d = dict(doc)
    d['facts'] = {}
    put('no-facts', d)
    d = dict(doc)
    del d['facts']
    put('missing-facts', d)
    d = dict(doc)
    d['framework'] = 'other-2030'
    put('framework-mismatch', d)
    d = dict(doc)
    d['extra'] = 1
    put('unknown-top-field', d)
    d = dict(doc)
    d['evidence'] = {'hosting': 'x' * 5000, 'dpia': 3}
    put('evidence-bad', d)
    d = dict(doc)
    d['title'] = '\u0000\u2028\"\\' + 'é' * 100
    put('title-escapes', d)
    d = dict(doc)
    d['facts'] = {'sensitive_data': [[[[[[[[[[]]]]]]]]]]}
    put('nested-set', d)
    txt = base.decode()
    e['energy-1e400'] = txt.replace('"energy_kwh_per_year": 2400', '"energy_kwh_per_year": 1e400').encode()
    e['energy-nan'] = txt.replace('"energy_kwh_per_year": 2400', '"energy_kwh_per_year": NaN').encode()
    e['energy-infinity'] = txt.replace('"energy_kwh_per_year": 2400', '"energy_kwh_per_year": Infinity').encode()
    e['energy-long-literal'] = txt.replace('"energy_kwh_per_year": 2400',
                                           '"energy_kwh_per_year": 2400.' + '0' * 500).encode()
    e['duplicate-fact'] = txt.replace('"hosting": "france",', '"hosting": "france", "hosting": "eu",').encode()
    e['bom'] = b'\xef\xbb\xbf' + base
    e['nul-byte'] = base.replace(b'"france"', b'"fra\x00nce"')
    e['truncated'] = base[:len(base) // 2]
    e['crlf'] = base.replace(b'\n', b'\r\n')
    e['minimal'] = b'{"id":"x","title":"t","facts":{}}'
    e['not-object'] = b'[{"id":"x","title":"t","facts":{}}]'
    e['deep-facts'] = b'{"id":"x","title":"t","facts":{"a":' + b'[' * 70 + b']' * 70 + b'}}'
    return e


# ---- frameworks ------------------------------------------------------------------------
def L(fr, en=None):
    return {'fr': fr, 'en': en or fr}


def outcome(points=None, red=False, **extra):
    o = dict(extra)
    if red:
        o['red_line'] = True
    else:
        o['points'] = points
    o['justification'] = L('j')
    return o


def small_framework():
    return {
        'format': 'boussole-framework/1', 'id': 't', 'version': '1',
        'title': L('Titre', 'Title'), 'source': L('Source'),
        'thresholds': {'met': 70, 'reservations': 40},
        'criteria': [
            {'id': 'C1', 'title': L('Un', 'One'), 'weight': 2,
             'indicators': [
                 {'fact': 'a', 'type': 'boolean', 'label': L('A'), 'required': True, 'weight': 0,
                  'levels': [outcome(100, value=False), outcome(red=True, value=True)],
                  'remediation': L('r')},
                 {'fact': 'e', 'type': 'enum', 'label': L('E'),
                  'levels': [outcome(0, value='x'), outcome(50, value='y'), outcome(100, value='z')]},
                 {'fact': 'n', 'type': 'number', 'label': L('N'), 'unit': L('kWh'), 'min': 0, 'max': 1e6,
                  'applies_if': {'fact': 'e', 'in': ['y', 'z']},
                  'bands': [outcome(100, up_to=10), outcome(60, below=100), outcome(30, up_to=100),
                            outcome(0)]}]},
            {'id': 'C2', 'title': L('Deux', 'Two'), 'weight': 0.5,
             'thresholds': {'met': 100, 'reservations': 0},
             'indicators': [
                 {'fact': 's', 'type': 'set', 'label': L('S'), 'values': ['p', 'q'],
                  'empty': outcome(100), 'non_empty': outcome(red=True)},
                 {'fact': 'x', 'type': 'text', 'label': L('T'), 'required': True,
                  'applies_if': {'fact': 'a', 'not_in': [True]},
                  'present': outcome(100), 'absent': outcome(0)}]},
        ]}


def framework_edges():
    fw = small_framework()
    e = {}

    def put(name, d):
        e[name] = json.dumps(d, ensure_ascii=False, indent=1).encode()

    put('small', fw)
    d = small_framework()
    d['criteria'][0]['thresholds'] = {'met': 40, 'reservations': 70}
    put('thresholds-inverted', d)
    d = small_framework()
    d['criteria'][0]['indicators'][2]['bands'] = [outcome(100, up_to=10), outcome(0, up_to=5), outcome(1)]
    put('bands-decreasing', d)
    d = small_framework()
    d['criteria'][0]['indicators'][2]['bands'] = [outcome(100, below=1e308), outcome(0, up_to=1e308), outcome(1)]
    put('bands-huge', d)
    d = small_framework()
    d['criteria'][1]['indicators'][0]['fact'] = 'a'
    put('duplicate-fact', d)
    d = small_framework()
    d['criteria'][1]['id'] = 'C1'
    put('duplicate-criterion', d)
    d = small_framework()
    d['criteria'][0]['indicators'][1]['applies_if'] = {'fact': 'e', 'in': ['x']}
    put('applies-if-self', d)
    d = small_framework()
    d['criteria'][0]['indicators'][2]['applies_if'] = {'fact': 'n', 'in': ['x']}
    put('applies-if-number', d)
    d = small_framework()
    d['criteria'][0]['weight'] = 0
    d['criteria'][1]['weight'] = 0
    put('all-weights-zero', d)
    d = small_framework()
    d['criteria'] = []
    put('no-criteria', d)
    d = small_framework()
    d['criteria'][0]['indicators'][1]['levels'][0]['points'] = 100.5
    put('points-over-100', d)
    d = small_framework()
    d['criteria'][0]['indicators'][1]['levels'][0]['points'] = -0.0
    put('points-negative-zero', d)
    d = small_framework()
    d['title'] = {'fr': '', 'en': 'x'}
    put('empty-title', d)
    d = small_framework()
    d['criteria'] = [small_framework()['criteria'][1]] * 40
    for i, c in enumerate(d['criteria']):
        d['criteria'][i] = json.loads(json.dumps(c))
        d['criteria'][i]['id'] = 'C%d' % i
        for ind in d['criteria'][i]['indicators']:
            ind['fact'] = ind['fact'] + str(i)
            if 'applies_if' in ind:
                del ind['applies_if']
    put('many-criteria', d)
    txt = json.dumps(fw).encode()
    e['weight-1e400'] = txt.replace(b'"weight": 2', b'"weight": 1e400')
    e['points-nan'] = txt.replace(b'"points": 50', b'"points": NaN')
    e['truncated'] = txt[: len(txt) // 3]
    return e


# ---- batches -------------------------------------------------------------------------------
def batch_edges(ex):
    names = sorted(ex)
    lines = [compact(ex[n]) for n in names]
    e = {}
    e['all-examples'] = b'\n'.join(lines) + b'\n'
    e['crlf-and-blank'] = b'\r\n'.join([lines[0], b'', b'  \t', lines[1], b'\r', lines[2]]) + b'\r\n'
    e['no-final-newline'] = lines[3] + b'\n' + lines[4]
    e['errors-mixed'] = b'\n'.join([lines[5], b'{"id":"x"}', b'not json', b'[1,2', lines[6],
                                    b'{"id":"x","title":"t","facts":{"hosting":"mars"}}',
                                    b'{"id":"x","title":"t","facts":{}} trailing', lines[7]]) + b'\n'
    e['empty'] = b''
    e['blank-lines-only'] = b'\n\n \n\t\r\n'
    e['one-minimal'] = b'{"id":"x","title":"t","facts":{}}'
    e['nul-and-bom'] = b'\xef\xbb\xbf' + lines[8] + b'\n\x00\n' + lines[9] + b'\n'
    e['pretty-printed'] = ex[names[10]]  # a multi-line document: one error per line
    return e


# ---- the dictionary ---------------------------------------------------------------------------
# ---- streams: JSON Lines framing and CSV registers ------------------------------------------
def jsonl_edges(ex):
    lines = [compact(d) for _, d in sorted(ex.items())]
    e = {}
    e['examples'] = b'\n'.join(lines) + b'\n'
    e['crlf-blank-bom'] = b'\xef\xbb\xbf' + b'\r\n\r\n'.join(lines[:3])
    e['bad-lines'] = b'\n'.join([lines[0], b'{', b'  ', b'{"id":1}', b'[]', lines[1]])
    e['no-final-newline'] = lines[2]
    e['split-utf8'] = lines[3][:-1] + b'\n\xc3\n\xa9' + lines[3][-1:]
    return e


def csv_cell(v):
    if v is None:
        return ''
    if v is True or v is False:
        return 'oui' if v else 'faux'
    if isinstance(v, list):
        return '|'.join(v) if v else '[]'
    if isinstance(v, float):
        return str(v).replace('.', ',')
    return str(v)


def csv_register(docs, delimiter):
    import csv
    import io
    keys, evidence = [], []
    for d in docs:
        keys += [k for k in d['facts'] if k not in keys]
        evidence += ['evidence.' + k for k in d.get('evidence', {}) if 'evidence.' + k not in evidence]
    fields = ['id', 'title', 'service', 'description', 'phase']
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator='\r\n')
    w.writerow(fields + keys + evidence)
    for d in docs:
        w.writerow([d.get(f, '') for f in fields] + [csv_cell(d['facts'].get(k)) for k in keys] +
                   [d.get('evidence', {}).get(x[9:], '') for x in evidence])
    return out.getvalue().encode()


def csv_edges(ex):
    docs = [json.loads(d) for _, d in sorted(ex.items())]
    e = {}
    e['examples-semicolon'] = csv_register(docs, ';')
    e['examples-comma-bom'] = b'\xef\xbb\xbf' + csv_register(docs[:4], ',')
    e['quoted-newlines'] = (b'id,title,description,hosting\n'
                            b'a,"A\nB","x ""y""\r\nz",france\n\n'
                            b'b,B,,eu\n')
    e['bad-cells'] = (b'id;title;energy_kwh_per_year;human_override;sensitive_data\n'
                      b'a;A;12x;oui;health\nb;B;1,5;peut-etre;\nc;C;3;vrai;health||x\n'
                      b'd;D"x;1;non;\ne;"E"x;1;non;\nf;F;1\ng;G;1;non;;extra\n')
    e['bad-headers'] = b'id,title,id\na,b,c\n'
    e['no-title'] = b'id,hosting\na,france\n'
    e['unterminated'] = b'id,title\na,"never closed\n\n'
    e['empty'] = b''
    return e


def dictionary(fw):
    tokens = ['{', '}', '[', ']', ',', ':', '"', '\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r',
              '\\t', '\\u0000', '\\u00e9', '\\ud83d\\ude00', '\\ud800', '\\udc00', 'true', 'false',
              'null', '-', '0', '-0', '0.0', '1e400', '1e-400', '1E+2', '.5', 'e', 'E', '+',
              '1.7976931348623157e308', '4.9e-324', 'NaN', 'Infinity', '-Infinity',
              '\xef\xbb\xbf', '\x00', '\r\n', '\n']
    words = set()

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                words.add(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(fw)
    walk(json.loads(read(VOCABULARY)))
    for crit in fw['criteria']:
        for ind in crit['indicators']:
            words.add(ind['fact'])
            if 'type' in ind:
                words.add(ind['type'])
            for lv in ind.get('levels', []):
                if isinstance(lv.get('value'), str):
                    words.add(lv['value'])
            for v in ind.get('values', []):
                words.add(v)
    words |= {'format', 'boussole-framework/1', 'boussole-framework/2', 'boussole-vocabulary/1',
              'vocabulary', 'fails_necessary_condition', 'key', 'help', 'values', 'unit', 'min', 'max', 'nantes-2024', 'id', 'title', 'service',
              'description', 'phase', 'framework', 'facts', 'evidence', 'comments', 'fr', 'en',
              'up_to', 'below', 'in', 'not_in', 'red_line', 'points', 'justification',
              'experimentation', 'production'}
    out = ['# JSON tokens and the vocabulary of frameworks/nantes-2024.json (fact keys, types,',
           '# enum values, field names). Generated by fuzz/make_seeds.py.']
    n = 0

    def esc(s):
        b = s.encode('utf-8') if isinstance(s, str) else s
        r = ''
        for c in b:
            if c == 0x22 or c == 0x5c:
                r += '\\' + chr(c)
            elif 0x20 <= c < 0x7f:
                r += chr(c)
            else:
                r += '\\x%02X' % c
        return r

    for t in tokens:
        n += 1
        out.append('tok%d="%s"' % (n, esc(t.encode('latin-1'))))
    for w in sorted(words):
        n += 1
        out.append('w%d="%s"' % (n, esc('"%s"' % w)))
    return '\n'.join(out) + '\n'


# ---- vocabularies ----------------------------------------------------------------
def vocabulary_edges(voc):
    L = {'fr': 'x', 'en': 'x'}

    def doc(facts, **top):
        d = {'format': 'boussole-vocabulary/1', 'id': 'v', 'version': '1', 'title': L,
             'facts': facts}
        d.update(top)
        return json.dumps(d, ensure_ascii=False).encode()

    e = {}
    e['small'] = doc([{'key': 'a', 'type': 'boolean', 'label': L},
                      {'key': 'b', 'type': 'enum', 'label': L, 'help': L,
                       'values': [{'value': 'x', 'label': L}, {'value': 'y', 'label': L}]},
                      {'key': 'c', 'type': 'number', 'label': L, 'unit': L, 'min': 0, 'max': 10},
                      {'key': 'd', 'type': 'set', 'label': L, 'values': [{'value': 'z', 'label': L}]},
                      {'key': 'e', 'type': 'text', 'label': L}])
    e['duplicate-key'] = doc([{'key': 'a', 'type': 'text', 'label': L}] * 2)
    e['duplicate-value'] = doc([{'key': 'a', 'type': 'set', 'label': L,
                                 'values': [{'value': 'z', 'label': L}] * 2}])
    e['min-above-max'] = doc([{'key': 'c', 'type': 'number', 'label': L, 'min': 5, 'max': 1}])
    e['values-on-boolean'] = doc([{'key': 'a', 'type': 'boolean', 'label': L, 'values': []}])
    e['unknown-type'] = doc([{'key': 'a', 'type': 'colour', 'label': L}])
    e['no-facts'] = doc([])
    e['other-format'] = doc([{'key': 'a', 'type': 'text', 'label': L}], format='boussole-vocabulary/2')
    e['first-fact-only'] = doc(voc['facts'][:1])
    return e


def write_all(harness, files):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    for name in os.listdir(d):
        if name.startswith('seed-'):
            os.remove(os.path.join(d, name))
    for name, data in sorted(files.items()):
        with open(os.path.join(d, 'seed-' + name), 'wb') as f:
            f.write(data)


def main():
    fw_bytes = read(FRAMEWORK)
    fw = json.loads(fw_bytes)
    ex = dict(examples())
    base = ex['signalements-voirie']

    j = {'example-' + n: d for n, d in ex.items()}
    j['framework-nantes-2024'] = fw_bytes
    j.update(json_edges())
    write_all('json', j)

    u = {'example-' + n: d for n, d in ex.items()}
    u.update(usecase_edges(base))
    write_all('usecase', u)

    f = {'nantes-2024-1.0.0': read(FRAMEWORK_1)}
    for name in sorted(os.listdir(os.path.dirname(FRAMEWORK))):
        if name.endswith('.json') and name != 'vocabulary.json':
            f[name[:-5]] = read(os.path.join(os.path.dirname(FRAMEWORK), name))
    f.update(framework_edges())
    write_all('framework', f)

    write_all('batch', batch_edges(ex))
    write_all('jsonl', jsonl_edges(ex))
    write_all('csv', csv_edges(ex))

    voc_bytes = read(VOCABULARY)
    v = {'boussole': voc_bytes}
    v.update(vocabulary_edges(json.loads(voc_bytes)))
    write_all('vocabulary', v)

    with open(os.path.join(ROOT, 'fuzz', 'json.dict'), 'w') as out:
        out.write(dictionary(fw))
    return 0


if __name__ == '__main__':
    sys.exit(main())
