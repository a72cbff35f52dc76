#!/usr/bin/env python3
"""The boussole CLI: commands, exit codes and the FILE:LINE:COL error format.

Usage: test_cli.py BOUSSOLE_CLI SOURCE_ROOT
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root = sys.argv[1], sys.argv[2]
example = os.path.join(root, 'examples', 'usecases', 'signalements-voirie.json')
framework = os.path.join(root, 'frameworks', 'nantes-2024.json')
tmp = tempfile.mkdtemp()
tap = Tap()


def run(args, stdin=b'', env=None):
    return subprocess.run([cli] + args, input=stdin, capture_output=True,
                          env=env if env is not None else {'LANG': 'C'})


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, 'wb') as f:
        f.write(data.encode('utf-8') if isinstance(data, str) else data)
    return path


p = run(['--version'])
tap.check(p.returncode == 0 and p.stdout.startswith(b'boussole (libboussole) '), '--version')
p = run(['--help'])
tap.check(p.returncode == 0 and b'Exit status' in p.stdout, '--help documents the exit status')
tap.equal(run([]).returncode, 2, 'no command: usage error')
tap.equal(run(['evaluate']).returncode, 2, 'evaluate without FILE: usage error')
tap.equal(run(['evaluate', '--lang', 'de', example]).returncode, 2, 'bad --lang: usage error')
tap.equal(run(['evaluate', '--bogus', example]).returncode, 2, 'unknown option: usage error')
tap.equal(run(['evaluate', '--framework', 'nowhere-2099', example]).returncode, 3,
          'a --framework that is neither embedded nor a file: I/O error')

p = run(['frameworks'])
tap.check(p.returncode == 0 and p.stdout.startswith(b'nantes-2024\t'), 'frameworks lists nantes-2024 first')
p = run(['check', framework])
tap.check(p.returncode == 0 and b'ok: nantes-2024' in p.stdout, 'check accepts the shipped framework')

# Default language follows the environment; --lang overrides it.
p = run(['evaluate', example], env={'LANG': 'en_GB.UTF-8'})
tap.check(p.stdout.startswith(b'Verdict: favorable with reservations'), 'LANG=en_GB gives English')
p = run(['evaluate', example], env={'LANG': 'fr_FR.UTF-8'})
tap.check(p.stdout.startswith('Verdict\u00a0: favorable sous réserves'.encode()), 'LANG=fr_FR gives French')
p = run(['evaluate', '--lang', 'en', example], env={'LC_ALL': 'fr_FR.UTF-8'})
tap.check(p.stdout.startswith(b'Verdict: '), '--lang en wins over the locale')

# Standard input.
p = run(['evaluate', '--format', 'json', '-'], stdin=open(example, 'rb').read())
tap.check(p.returncode == 0 and b'"verdict": "favorable_with_reservations"' in p.stdout, "'-' reads stdin")

# Errors: FILE:LINE:COL: error: MESSAGE (at PATH), with distinct exit codes.
p = run(['evaluate', os.path.join(tmp, 'absent.json')])
tap.equal(p.returncode, 3, 'missing file: exit 3')
tap.check(b'absent.json: error: cannot open' in p.stderr, 'missing file: message', p.stderr)

bad = write('syntax.json', '{\n  "id": "x",\n  "title": "t",\n  "facts": {"hosting": tru}\n}\n')
p = run(['evaluate', bad])
tap.equal(p.returncode, 4, 'syntax error: exit 4')
tap.check(p.stderr.startswith((bad + ':4:').encode()) and b': error: ' in p.stderr,
          'syntax error: FILE:LINE:COL on line 4', p.stderr)

schema = write('schema.json', '{"id": "x", "title": "t",\n "facts": {"hosting": "mars"}}')
p = run(['evaluate', schema])
tap.equal(p.returncode, 5, 'unknown enum value: exit 5')
tap.check(p.stderr.decode().startswith(schema + ':2:23: error: ') and
          '(at $.facts.hosting)' in p.stderr.decode() and 'non_eu, eu, france' in p.stderr.decode(),
          'unknown enum value: position, allowed values and path', p.stderr)

wrong_type = write('type.json', '{"id": "x", "title": "t", "facts": {"users_per_year": "many"}}')
p = run(['evaluate', wrong_type])
tap.check(p.returncode == 5 and b'(at $.facts.users_per_year)' in p.stderr, 'wrong type: exit 5 with path', p.stderr)

missing_field = write('missing.json', '{"id": "x", "facts": {}}')
p = run(['evaluate', missing_field])
tap.check(p.returncode == 5 and b'(at $.title)' in p.stderr, 'missing field: exit 5 with path', p.stderr)

broken_fw = write('fw.json', open(framework, encoding='utf-8').read().replace('"met": 70', '"met": 170', 1))
p = run(['check', broken_fw])
tap.check(p.returncode == 5 and b'(at $.thresholds.met)' in p.stderr, 'check reports a bad threshold with its path', p.stderr)

# Several files: every good one is still evaluated, the worst error wins.
p = run(['evaluate', '--format', 'json', example, schema, example])
tap.check(p.returncode == 5 and p.stdout.count(b'"verdict"') == 2, 'a bad file does not stop the others')

# --fail-on gates on verdicts, worst first.
tap.equal(run(['evaluate', '--fail-on', 'unfavorable', example]).returncode, 0,
          '--fail-on unfavorable passes a favorable_with_reservations')
tap.equal(run(['evaluate', '--fail-on', 'favorable_with_reservations', example]).returncode, 1,
          '--fail-on favorable_with_reservations fails it')
tap.equal(run(['evaluate', '--fail-on', 'maybe', example]).returncode, 2, '--fail-on takes a verdict token')

# A framework given as a file is used instead of the embedded one.
p = run(['evaluate', '--framework', framework, '--format', 'json', example])
tap.check(p.returncode == 0 and b'"id": "nantes-2024"' in p.stdout, '--framework FILE')
tap.done()
