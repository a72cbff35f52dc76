#!/usr/bin/env python3
"""boussole evaluate on registers: JSON Lines and CSV in, JSON Lines and CSV
out, --detail, error records in place and on stderr as FILE:LINE:COL,
exit codes, and memory that does not grow with the register.

Usage: test_cli_registers.py BOUSSOLE_CLI SOURCE_ROOT
"""
import csv
import glob
import io
import json
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root = os.path.abspath(sys.argv[1]), sys.argv[2]
tmp = tempfile.mkdtemp()
tap = Tap()
docs = [json.load(open(p, encoding='utf-8'))
        for p in sorted(glob.glob(os.path.join(root, 'examples', 'usecases', '*.json')))]
lines = [json.dumps(d, ensure_ascii=False, separators=(',', ':')) for d in docs]


def run(args, stdin=b'', limit_kb=None):
    def limit():
        if limit_kb:
            resource.setrlimit(resource.RLIMIT_AS, (limit_kb * 1024, limit_kb * 1024))
    return subprocess.run([cli] + args, input=stdin, capture_output=True, env={'LANG': 'C'},
                          preexec_fn=limit)


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, 'wb') as f:
        f.write(data.encode('utf-8') if isinstance(data, str) else data)
    return path


def csv_cell(v):
    if v is None:
        return ''
    if v is True or v is False:
        return 'oui' if v else 'non'
    if isinstance(v, list):
        return '|'.join(v) if v else '[]'
    if isinstance(v, float):
        return str(v).replace('.', ',')
    return str(v)


def csv_register(delimiter):
    """The example use-cases as a CSV register (the wide form)."""
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
                   [d.get('evidence', {}).get(e[9:], '') for e in evidence])
    return out.getvalue()


# JSON Lines from standard input, an error record in its place.
register = '\n'.join(lines[:3] + ['{"id": 1}', ''] + lines[3:]) + '\n'
p = run(['evaluate', '--input', 'jsonl', '--detail', 'summary', '-'], register.encode())
records = [json.loads(r) for r in p.stdout.decode().splitlines()]
tap.equal(len(records), len(docs) + 1, 'jsonl: one record per use-case (blank lines skipped)')
tap.equal([r.get('id') for r in records[:3]], [d['id'] for d in docs[:3]], 'jsonl: in input order')
tap.equal(records[3].get('index'), 3, 'jsonl: the error record in place, with its index')
tap.equal(records[3].get('input_line'), 4, 'jsonl: and its input line')
tap.equal(records[3]['error']['name'], 'type', 'jsonl: and its error')
tap.check(b'-:4:8: error: ' in p.stderr, 'jsonl: the error on stderr at its line and column', p.stderr)
tap.equal(p.returncode, 5, 'jsonl: a schema error record gives exit 5')
tap.check(all(len(r) <= 2048 for r in p.stdout.splitlines()), 'summary: at most 2 KB a use-case')
tap.check(all('title' not in r for r in records), 'summary: no title or sentence')

# Extensions, full detail, the CSV register and its JSON twin.
jsonl = write('register.ndjson', '\n'.join(lines) + '\n')
p = run(['evaluate', '--lang', 'en', jsonl])
full = [json.loads(r) for r in p.stdout.decode().splitlines()]
tap.check(p.returncode == 0 and len(full) == len(docs), '.ndjson is read as JSON Lines', p.stderr)
tap.equal(full[0]['format'], 'boussole-result/2', 'full detail by default')
tap.equal(full[0]['lang'], 'en', '--lang applies')
summaries = run(['evaluate', '--detail', 'summary', jsonl]).stdout
for delimiter in ';,':
    reg = write('register%s.csv' % ('-semicolon' if delimiter == ';' else ''),
                '\ufeff' + csv_register(delimiter))
    p = run(['evaluate', '--detail', 'summary', reg])
    tap.check(p.returncode == 0, 'csv (%r): read' % delimiter, p.stderr)
    tap.equal(p.stdout, summaries, 'csv (%r): the same summaries as its JSON Lines twin' % delimiter)

# CSV out.
p = run(['evaluate', '--format', 'csv', jsonl, '-o', os.path.join(tmp, 'out.csv')])
tap.equal(p.returncode, 0, '--format csv -o FILE')
rows = list(csv.reader(open(os.path.join(tmp, 'out.csv'), encoding='utf-8', newline='')))
tap.equal(rows[0][:5], ['index', 'input_line', 'id', 'verdict', 'score'], 'csv: the header')
tap.equal(len(rows), len(docs) + 1, 'csv: a row per use-case')
tap.check(all(len(r) == len(rows[0]) for r in rows), 'csv: every row has the header\'s cells')
tap.equal([r[3] for r in rows[1:]], [s['verdict'] for s in map(json.loads, summaries.splitlines())],
          'csv: the verdicts of the summaries')

# CSV errors: FILE:LINE:COL: error: ... (column NAME), the other rows scored.
bad = write('bad.csv', 'id;title;energy_kwh_per_year;human_override\n'
                       'a;A;12x;oui\n'
                       'b;"B\nsur deux lignes";3;peut-être\n'
                       'c;C;"1,5";vrai\n')
p = run(['evaluate', '--format', 'jsonl', bad])
out = [json.loads(r) for r in p.stdout.decode().splitlines()]
tap.equal(len(out), 3, 'csv errors: a record per row')
tap.check(out[2].get('format') == 'boussole-result/2', 'csv errors: the good row is scored')
err = p.stderr.decode()
tap.check(bad + ":2:5: error: expected a number (with '.' or ',' as decimal mark), not '12x' "
          "(column energy_kwh_per_year)" in err, 'csv errors: the cell and its column', err)
tap.check(bad + ':4:20: error: expected a boolean' in err and '(column human_override)' in err,
          'csv errors: a cell after a quoted line break', err)
tap.equal(out[1]['input_line'], 3, 'csv errors: the error record carries its row\'s line')
tap.equal(p.returncode, 5, 'csv errors: exit 5')
p = run(['evaluate', write('nohead.csv', 'id;energy_kwh_per_year\na;1\n')])
tap.check(p.returncode == 5 and b"nohead.csv:1:1: error: the header has no 'title' column" in p.stderr,
          'csv: a header without title stops the register', p.stderr)

# Options.
tap.equal(run(['evaluate', '--format', 'json', jsonl]).returncode, 2, 'a register is not --format json')
tap.equal(run(['evaluate', '--input', 'xml', jsonl]).returncode, 2, 'bad --input: usage error')
tap.equal(run(['evaluate', '--detail', 'some', jsonl]).returncode, 2, 'bad --detail: usage error')
tap.equal(run(['evaluate', '--fail-on', 'red_line', jsonl]).returncode, 1, '--fail-on on a register')
p = run(['evaluate', '--format', 'jsonl', os.path.join(root, 'examples', 'usecases', 'signalements-voirie.json')])
tap.check(p.returncode == 0 and p.stdout.count(b'\n') == 1 and p.stdout.startswith(b'{"format":'),
          'an indented JSON document as one record', p.stderr)

# Memory does not grow with the register: 30 000 use-cases under a 64 MB
# address-space limit, the same as 300.
big = ('\n'.join(lines) + '\n').encode() * 2500
# AddressSanitizer reserves terabytes of shadow memory: no limit there.
with open(cli, 'rb') as f:
    sanitized = b'__asan_init' in f.read()
p = run(['evaluate', '--input', 'jsonl', '--detail', 'summary', '-'], big,
        limit_kb=None if sanitized else 65536)
tap.check(p.returncode == 0 and p.stdout.count(b'\n') == 2500 * len(docs),
          '30 000 use-cases stream%s' % ('' if sanitized else ' under a 64 MB address-space limit'),
          p.stderr[-300:])

tap.done()
