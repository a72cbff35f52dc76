#!/usr/bin/env python3
"""The boussole CLI: commands, exit codes and the FILE:LINE:COL error format.

Usage: test_cli.py BOUSSOLE_CLI SOURCE_ROOT
"""
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root = os.path.abspath(sys.argv[1]), sys.argv[2]
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
p = run(['evaluate', '--framework', 'nowhere-2099', example])
tap.equal(p.returncode, 3, 'a --framework that is neither embedded nor a file: I/O error')
tap.check(b'nantes-2024' in p.stderr and b'not an embedded framework' in p.stderr,
          'an unknown --framework lists the embedded ids', p.stderr)

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
# ---- Issue 15: the command line as people expect it --------------------------------------------

def run_to(args, stdout, stdin=b'', preexec=None):
    return subprocess.run([cli] + args, input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          env={'LANG': 'C'}, preexec_fn=preexec)


# A report that cannot be written is an I/O error, for every command.
for args in (['evaluate', example], ['frameworks'], ['check', framework], ['describe'],
             ['schema'], ['template'], ['--help'], ['evaluate', '--help']):
    with open('/dev/full', 'wb') as full:
        p = run_to(args, full)
    tap.check(p.returncode == 3 and b'cannot write output' in p.stderr,
              '%s > /dev/full: exit 3 with a message' % ' '.join(args[:1]), (p.returncode, p.stderr))
p = run_to(['evaluate', example], subprocess.PIPE, preexec=lambda: os.close(1))
tap.check(p.returncode == 3 and b'cannot write output' in p.stderr, 'evaluate >&-: exit 3',
          (p.returncode, p.stderr))


# Input is read no further than the library's limit.
def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))


# AddressSanitizer reserves terabytes of address space: under it, the limit
# cannot be set, and the exit status and message are checked alone.
with open(cli, 'rb') as f:
    sanitized = b'__asan_init' in f.read()
p = run_to(['evaluate', '/dev/zero'], subprocess.PIPE, preexec=None if sanitized else limit_memory)
tap.check(p.returncode == 6 and b'/dev/zero: error: input larger than the limit of 8388608 bytes' in p.stderr,
          'evaluate /dev/zero%s: exit 6' % ('' if sanitized else ' under a 512 MiB address-space limit'),
          (p.returncode, p.stderr))
p = run(['evaluate', '-'], stdin=b' ' * ((8 << 20) + 1))
tap.check(p.returncode == 6 and b'-: error: input larger than the limit' in p.stderr,
          'stdin one byte over 8 MiB: exit 6', (p.returncode, p.stderr))

# --help for every command; usage errors are one line and a hint.
for c in ('evaluate', 'describe', 'schema', 'template', 'frameworks', 'check'):
    p = run([c, '--help'])
    tap.check(p.returncode == 0 and p.stdout.startswith(('Usage: boussole ' + c).encode()),
              '%s --help: its usage on stdout, exit 0' % c, (p.returncode, p.stdout, p.stderr))
p = run(['evaluate', '--bogus', example])
tap.check(p.stderr == b"boussole: unknown option '--bogus'\nTry 'boussole evaluate --help'.\n",
          'a usage error is one line and a hint', p.stderr)
p = run(['nosuch'])
tap.check(p.returncode == 2 and p.stderr.endswith(b"Try 'boussole --help'.\n") and
          p.stderr.count(b'\n') == 2, 'an unknown command: one line and a hint', p.stderr)
p = run(['check'])
tap.check(p.returncode == 2 and p.stderr.count(b'\n') == 2, 'check without a file: one line and a hint', p.stderr)

# --opt=value and --opt value; -- ends the options.
p = run(['evaluate', '--format=json', '--lang=en', example])
tap.check(p.returncode == 0 and b'"verdict": "favorable_with_reservations"' in p.stdout, '--opt=value')
dashed = write('-dashed.json', open(example, 'rb').read())
p = subprocess.run([cli, 'evaluate', '--format', 'json', '--', '-dashed.json'], capture_output=True,
                   cwd=tmp, env={'LANG': 'C'})
tap.check(p.returncode == 0 and b'"verdict"' in p.stdout, "'--' ends the options", p.stderr)
p = subprocess.run([cli, 'evaluate', '-dashed.json'], capture_output=True, cwd=tmp, env={'LANG': 'C'})
tap.equal(p.returncode, 2, 'without --, -dashed.json is an option')

# check - reads standard input.
p = run(['check', '-'], stdin=open(framework, 'rb').read())
tap.check(p.returncode == 0 and p.stdout.startswith(b'-: ok: nantes-2024'), 'check - reads stdin', p.stderr)

# -o FILE writes atomically; a failed run leaves no file, and no truncated one.
report_path = os.path.join(tmp, 'out', 'report.json')
os.mkdir(os.path.dirname(report_path))
p = run(['evaluate', '--format', 'json', '-o', report_path, example])
want = run(['evaluate', '--format', 'json', example]).stdout
tap.check(p.returncode == 0 and p.stdout == b'' and open(report_path, 'rb').read() == want,
          '-o FILE holds the report, nothing on stdout', p.stderr)
p = run(['evaluate', '--output=' + report_path, example, os.path.join(tmp, 'absent.json')])
tap.check(p.returncode == 3 and open(report_path, 'rb').read() == want,
          'a failed run leaves the previous FILE untouched', p.stderr)
tap.equal(os.listdir(os.path.dirname(report_path)), ['report.json'], 'and no temporary file behind')
fresh = os.path.join(tmp, 'out', 'fresh.txt')
p = run(['evaluate', '-o', fresh, bad])
tap.check(p.returncode == 4 and not os.path.exists(fresh), 'a failed run creates no FILE')
p = run(['schema', '-o', fresh])
tap.check(p.returncode == 0 and open(fresh, 'rb').read() == run(['schema']).stdout, 'schema -o FILE')
tap.check(os.stat(fresh).st_mode & 0o777 == 0o666 & ~0o022 or os.stat(fresh).st_mode & 0o044,
          '-o FILE is readable as a shell redirection would make it')

# Hostile input stays harmless: error messages on stderr carry no terminal controls.
hostile = write('hostile.json', '{"id": "x", "title": "t", "facts": {"hosting": '
                '"\\u001b[2J\\u001b]0;owned\\u0007\\r\\nVerdict: favorable"}}')
p = run(['evaluate', hostile])
tap.check(p.returncode == 5 and b'\x1b' not in p.stderr and b'\r' not in p.stderr and
          b'\x07' not in p.stderr and p.stderr.count(b'\n') == 1 and b'\\u001b[2J' in p.stderr,
          'escapes in a value: spelled \\uXXXX on stderr, one line', p.stderr)
hostile_key = write('hostile-key.json', '{"id": "x", "title": "t", "facts": {}, '
                    '"\\u001b[31m\\nforged": 1}')
p = run(['evaluate', hostile_key])
tap.check(p.returncode == 5 and b'\x1b' not in p.stderr and p.stderr.count(b'\n') == 1,
          'escapes in a key (message and path): one clean line', p.stderr)
nul = write('nul.json', '{"id": "x", "title": "t", "facts": {"hosting\\u0000x": "eu"}}')
p = run(['evaluate', nul])
tap.check(p.returncode == 5 and b'hosting\\u0000x' in p.stderr and b'(at $.facts)' in p.stderr,
          'a NUL in a key is a schema error that shows the whole key', p.stderr)
# validate: every problem at once, as a linter.
lint = write('lint.json', '{"id": "x", "title": "t", "facts": {"hostnig": "eu", '
             '"individual_surveillance": "yes", "x\\u001b[2J": 1, "personal_data": "none"}}')
p = run(['validate', lint])
err = p.stderr.decode('utf-8', 'replace')
tap.check(p.returncode == 5 and p.stdout == b'', 'validate: exit 5, nothing on stdout', p.stderr)
tap.check('error: unknown key "hostnig" (at $.facts.hostnig); did you mean "hosting"?' in err,
          'validate: an unknown key with its suggestion', err)
tap.check('unknown key "x\\u001b[2J"' in err and b'\x1b' not in p.stderr,
          'validate: a hostile key is spelled \\uXXXX', err)
tap.check('note: "individual_surveillance" is not read by nantes-2024' in err,
          'validate: a key the framework does not read is a note', err)
tap.check('error: missing required fact "legal_basis" (enum; allowed: none, identified, validated)' in err,
          'validate: missing required facts with their allowed values', err)
tap.check(err.count('\n') > 5, 'validate: every problem, not just the first', err)
p = run(['validate', example])
tap.check(p.returncode == 0 and p.stderr == b'' and p.stdout == b'', 'validate: a complete use-case is clean', p.stderr)
p = run(['validate', example, schema, '-'], stdin=open(example, 'rb').read())
tap.check(p.returncode == 5 and p.stderr.decode().startswith(schema + ':2:23: error: '),
          'validate: the schema error of a file, the others checked too', p.stderr)
tap.equal(run(['validate']).returncode, 2, 'validate without FILE: usage error')

# A leading UTF-8 byte order mark: dropped by the CLI, with a warning.
bom = write('bom.json', b'\xef\xbb\xbf' + open(example, 'rb').read())
p = run(['evaluate', '--format', 'json', bom])
tap.check(p.returncode == 0 and b'"verdict"' in p.stdout and
          p.stderr == (bom + ': warning: ignoring a UTF-8 byte order mark\n').encode(),
          'a byte order mark is ignored, with a warning', p.stderr)
bom_bad = write('bom-bad.json', b'\xef\xbb\xbf{"id": "x", "title": "t",\n "facts": {"hosting": "mars"}}')
p = run(['evaluate', bom_bad])
tap.check(p.returncode == 5 and (bom_bad + ':2:23: error: ').encode() in p.stderr,
          'after a byte order mark, lines and columns are unchanged', p.stderr)
p = run(['check', '-'], stdin=b'\xef\xbb\xbf' + open(framework, 'rb').read())
tap.check(p.returncode == 0 and b'byte order mark' in p.stderr, 'check - with a byte order mark', p.stderr)
# frameworks in a language, and compare.
p = run(['frameworks', '--lang', 'en'])
tap.check(p.returncode == 0 and b'\tNantes M\xc3\xa9tropole artificial intelligence boussole' in p.stdout,
          'frameworks --lang en: English titles', p.stdout)
tap.equal(len(p.stdout.splitlines()), 5, 'five embedded frameworks')
p = run(['compare', '--lang', 'en', example])
lines = p.stdout.decode().splitlines()
tap.check(p.returncode == 0 and lines[0].startswith('Use-case: ') and len(lines) == 6,
          'compare: the use-case, then a line per embedded framework', p.stdout)
p = run(['compare', '--framework', 'eu-ai-act-2024,nantes-2024', '--format', 'json', example])
tap.check(p.returncode == 0 and p.stdout.index(b'"id": "eu-ai-act-2024"') < p.stdout.index(b'"id": "nantes-2024"'),
          'compare --framework A,B: those columns, in that order', p.stderr)
p = run(['compare', '--framework=nantes-2024,' + framework, '--format=markdown', example])
tap.check(p.returncode == 0 and p.stdout.startswith('# Comparaison des référentiels'.encode()),
          'compare --format=markdown, with an id and a file', p.stderr)
bad = write('bad.json', '{"id": "x", "title": "x", "facts": {"hosting": "mars"}}')
p = run(['compare', '--format', 'json', bad, example])
tap.equal(p.returncode, 5, 'compare: a use-case that cannot be parsed is a schema error')
tap.check(b'bad.json:1:' in p.stderr and p.stdout.count(b'"id": "signalements-voirie"') == 1,
          'it is reported, and the others are compared', p.stderr)
tap.equal(run(['compare']).returncode, 2, 'compare without FILE: usage error')
tap.equal(run(['compare', '--framework', 'nowhere-2099', example]).returncode, 3,
          'compare with an unknown framework: I/O error')
tap.equal(run(['compare', '--framework', 'nantes-2024,,', example]).returncode, 2,
          'compare --framework with an empty name: usage error')
p = run(['compare', '--help'])
tap.check(p.returncode == 0 and b'Usage: boussole compare' in p.stdout, 'compare --help')

# check warns about what loads but looks wrong, and still succeeds.
old = os.path.join(root, 'tests', 'data', 'nantes-2024-1.0.0.json')
p = run(['check', old])
tap.check(p.returncode == 0 and b'ok: nantes-2024 1.0.0' in p.stdout, 'check: warnings do not fail it')
tap.check(p.stderr.count(b': warning: ') == 6 and
          b'$.criteria[1].indicators[5] (hosting): levels not ordered by points' in p.stderr,
          'check: the 1.0.0 levels listed best first are flagged', p.stderr)
# The warnings follow --lang and the locale, as the other diagnostics.
fr_warning = (old + ' : avertissement : $.criteria[1].indicators[5] (hosting) : niveaux non ordonnés par '
              'points : « eu » (90) vient après « france » (100), les valeurs allant de la pire à la '
              'meilleure\n').replace(' :', '\u00a0:').replace('« ', '«\u00a0').replace(' »', '\u00a0»').encode()
en_warning = (old + ': warning: $.criteria[1].indicators[5] (hosting): levels not ordered by points: '
              '"eu" (90) comes after "france" (100), worst first\n').encode()
for env, args, want, lang in (({'LANG': 'fr_FR.UTF-8'}, [], fr_warning, 'fr_FR locale: French'),
                              ({'LANG': 'C'}, ['--lang', 'fr'], fr_warning, '--lang fr: French'),
                              ({'LC_ALL': 'fr_FR.UTF-8'}, ['--lang=en'], en_warning, '--lang=en over fr_FR: English'),
                              ({'LANG': 'C'}, [], en_warning, 'C locale: English')):
    p = run(['check'] + args + [old], env=env)
    tap.check(p.returncode == 0 and want in p.stderr and p.stderr.count(b'\n') == 6,
              'check warnings, %s' % lang, p.stderr)
for fw in ['nantes-2024', 'bordeaux-2025', 'aix-marseille-provence-2023', 'grand-nancy', 'eu-ai-act-2024']:
    p = run(['check', os.path.join(root, 'frameworks', fw + '.json')])
    tap.check(p.returncode == 0 and p.stderr == b'', 'check: %s has no warning' % fw, p.stderr)

# Diagnostics follow --lang, else the locale: French for fr*, English
# otherwise (C included); the main error kinds in both languages.
FR = {'LANG': 'fr_FR.UTF-8'}
nbsp = '\u00a0'
syntax = write('diag-syntax.json', '{"id": "x",}')
schema = write('diag-schema.json', '{"id": 3}')
enum = write('diag-enum.json', '{"id": "x", "title": "t", "facts": {"hosting": "moon"}}')
diagnostics = [
    (['evaluate', syntax], 4,
     syntax + ":1:12: error: trailing comma: expected a string key, found '}'",
     syntax + ":1:12: erreur" + nbsp + ": virgule finale" + nbsp + ": une clé (chaîne) est attendue, "
     "trouvé" + nbsp + ": '}'"),
    (['evaluate', schema], 5,
     schema + ':1:8: error: expected string, found number (at $.id)',
     schema + ':1:8: erreur' + nbsp + ': type attendu' + nbsp + ': chaîne, trouvé' + nbsp
     + ': nombre (à $.id)'),
    (['evaluate', enum], 5,
     enum + ':1:48: error: "moon" is not a value of hosting (allowed: non_eu, eu, france) '
     '(at $.facts.hosting)',
     enum + ':1:48: erreur' + nbsp + ': «' + nbsp + 'moon' + nbsp + '» n\'est pas une valeur de '
     'hosting (valeurs autorisées' + nbsp + ': non_eu, eu, france) (à $.facts.hosting)'),
    (['evaluate', os.path.join(tmp, 'absent.json')], 3,
     os.path.join(tmp, 'absent.json') + ': error: cannot open: No such file or directory',
     os.path.join(tmp, 'absent.json') + nbsp + ': erreur' + nbsp + ': ouverture impossible' + nbsp
     + ': No such file or directory'),
    (['evaluate', '--bogus', example], 2,
     "boussole: unknown option '--bogus'\nTry 'boussole evaluate --help'.",
     'boussole' + nbsp + ': option «' + nbsp + '--bogus' + nbsp + '» inconnue\nVoir «' + nbsp
     + 'boussole evaluate --help' + nbsp + '».'),
    (['frobnicate'], 2, "boussole: unknown command 'frobnicate'\nTry 'boussole --help'.",
     'boussole' + nbsp + ': commande «' + nbsp + 'frobnicate' + nbsp + '» inconnue\nVoir «' + nbsp
     + 'boussole --help' + nbsp + '».'),
    (['validate', write('diag-typo.json', '{"id": "x", "title": "t", "facts": {"hostingg": "eu"}}')], 5,
     ': error: unknown key "hostingg" (at $.facts.hostingg); did you mean "hosting"?',
     ': erreur' + nbsp + ': clé inconnue «' + nbsp + 'hostingg' + nbsp + '» (à $.facts.hostingg)'
     + nbsp + '; vouliez-vous dire «' + nbsp + 'hosting' + nbsp + '»' + nbsp + '?'),
]
for args, code, en, fr in diagnostics:
    for env, lang_args, want, lang in (({'LANG': 'C'}, [], en, 'C locale: English'),
                                       (FR, [], fr, 'fr_FR locale: French'),
                                       ({'LANG': 'C'}, ['--lang=fr'], fr, '--lang=fr: French'),
                                       (FR, ['--lang', 'en'], en, '--lang en over fr_FR: English')):
        if args[0] == 'frobnicate' and lang_args:
            continue  # no command, no --lang: the locale only
        argv = args[:1] + lang_args + args[1:]
        p = run(argv, env=env)
        got = p.stderr.decode('utf-8')
        tap.check(p.returncode == code and want in got, '%s %s: %s' % (args[0], code, lang), got)
with open(framework, encoding='utf-8') as f:
    twice = write('diag-framework.json', f.read().replace('"id": "C3"', '"id": "C2"', 1))
p = run(['check', '--lang', 'fr', twice])
tap.check(p.returncode == 5 and ("erreur" + nbsp + ": l'identifiant de critère «" + nbsp + "C2" + nbsp
                                 + "» figure deux fois") in p.stderr.decode('utf-8'),
          "check --lang fr: a framework author's error in French", p.stderr)
p = run(['check', twice])
tap.check(p.returncode == 5 and b'error: criterion id "C2" is listed twice' in p.stderr,
          'check: the same error in English under the C locale', p.stderr)
p = run(['validate', '--lang', 'fr', write('diag-missing.json', '{"id": "x", "title": "t", "facts": {}}')])
tap.check('fait obligatoire «' + nbsp + 'hosting' + nbsp + '» manquant (enum' + nbsp
          + '; valeurs autorisées' + nbsp + ': non_eu, eu, france)' in p.stderr.decode('utf-8'),
          'validate --lang fr: missing facts in French', p.stderr)
p = run(['evaluate', '--lang', 'fr', write('diag-esc.json',
         '{"id": "x", "title": "t", "facts": {"hosting": "\\u001b[2J\\r\\nforged"}}')])
tap.check(p.returncode == 5 and b'\x1b' not in p.stderr and b'\r' not in p.stderr
          and p.stderr.count(b'\n') == 1 and b'n\'est pas une valeur' in p.stderr,
          'French diagnostics keep control characters escaped', p.stderr)

# bash completion: commands, options of a command, values of an option.
completion = os.path.join(root, 'examples', 'cli', 'boussole.bash-completion')


def complete(line):
    words = line.split(' ')
    script = ('source %s; COMP_WORDS=(%s); COMP_CWORD=%d; _boussole; printf "%%s\\n" "${COMPREPLY[@]}"'
              % (completion, ' '.join("'%s'" % w for w in words), len(words) - 1))
    p = subprocess.run(['bash', '-c', script], capture_output=True,
                       env={'PATH': os.path.dirname(cli) + ':/usr/bin:/bin', 'LANG': 'C'})
    return p.stdout.decode().split()


tap.equal(complete('boussole ev'), ['evaluate'], 'completion: a command')
tap.equal(sorted(complete('boussole compare --f')), ['--format', '--framework'], 'completion: options')
tap.equal(complete('boussole describe --format m'), ['markdown'], 'completion: a format')
tap.equal([complete('boussole whatif --m'), complete('boussole evaluate --max')], [['--max-nodes']] * 2,
          'completion: --max-nodes for whatif and evaluate')
tap.equal(complete('boussole whatif --max-nodes '), [], 'completion: no file offered for --max-nodes')
tap.check('bordeaux-2025' in complete('boussole evaluate --framework b'),
          'completion: the embedded frameworks, from the program')

# Colour (issue 15) and width: on a terminal the text report is coloured
# and fits the terminal; never in a pipe or a file; NO_COLOR and --color.
def run_on_pty(args, env, columns=100):
    """args run with stdout on a pseudo-terminal of the given width; its output."""
    import fcntl
    import pty
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 40, columns, 0, 0))
    proc = subprocess.Popen([cli] + args, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(master)
    return proc.returncode, b''.join(chunks).replace(b'\r\n', b'\n')


ESC = b'\x1b['
status, shown = run_on_pty(['evaluate', '--lang', 'en', example], {'LANG': 'C'})
tap.check(status == 0 and ESC + b'1mVerdict: ' in shown, 'a terminal gets colour', shown[:200])
tap.check(ESC + b'32m[ok]' + ESC + b'0m' in shown, 'a terminal: the markers are coloured')
tap.check(max(len(line) for line in shown.decode().replace('\x1b[', '').splitlines()) > 80,
          'a terminal of 100 columns: lines up to its width')
status, shown = run_on_pty(['evaluate', '--lang', 'en', example], {'LANG': 'C', 'NO_COLOR': '1'})
tap.check(status == 0 and ESC not in shown and b'[ok]' in shown, 'NO_COLOR turns colour off')
status, shown = run_on_pty(['evaluate', '--lang', 'en', example], {'LANG': 'C', 'NO_COLOR': ''})
tap.check(ESC in shown, 'an empty NO_COLOR does not')
status, shown = run_on_pty(['evaluate', '--color=never', example], {'LANG': 'C'})
tap.check(status == 0 and ESC not in shown, '--color=never on a terminal')
out_file = os.path.join(tmp, 'report.txt')
status, shown = run_on_pty(['evaluate', '-o', out_file, example], {'LANG': 'C'})
tap.check(status == 0 and ESC.decode() not in open(out_file, encoding='utf-8').read(),
          '-o FILE: no colour in the file, even from a terminal')
p = run(['evaluate', example])
tap.check(p.returncode == 0 and ESC not in p.stdout, 'a pipe: no colour')
tap.check(max(len(line) for line in p.stdout.decode().splitlines()) <= 80, 'a pipe: 80 columns')
p = run(['evaluate', '--color', 'always', example])
tap.check(p.returncode == 0 and ESC in p.stdout, '--color always in a pipe')
tap.equal(run(['evaluate', '--color=sometimes', example]).returncode, 2, 'bad --color: usage error')
hostile = write('hostile-title.json', open(example, encoding='utf-8').read().replace(
    '"title": "', '"title": "[!!] \\u001b[31mred ', 1))
p = run(['evaluate', '--color=always', '--lang', 'en', hostile])
tap.check(p.returncode == 0 and b'[!!] \\u001B[31mred' in p.stdout.replace(b'\\u001b', b'\\u001B'),
          'colour on: a hostile title stays escaped and unpainted', p.stdout[:300])


tap.done()
