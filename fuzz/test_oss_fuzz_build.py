#!/usr/bin/env python3
"""fuzz/oss-fuzz-build.sh builds what OSS-Fuzz expects, with libFuzzer.

Usage: test_oss_fuzz_build.py SOURCE_ROOT

Runs the script as OSS-Fuzz would (CC, CXX, CFLAGS, CXXFLAGS,
LIB_FUZZING_ENGINE, OUT, WORK from the environment; the compilers are
wrappers that log their arguments, to see the variables honoured) into a
temporary $OUT, then checks, for every harness fuzz/fuzz_<name>.c: the
binary, a valid seed corpus zip holding every file of fuzz/corpus/<name>/,
the dictionary and the .options file; and that each binary runs its seed
corpus (-runs=0). Needs clang and libFuzzer (Debian clang,
libclang-rt-14-dev); without them it skips, except in CI, where it fails.
"""
import configparser
import glob
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests'))
from taplib import Tap  # noqa: E402

root = os.path.abspath(sys.argv[1])
tap = Tap()
clang, clangxx = shutil.which('clang'), shutil.which('clang++')
if not (clang and clangxx):
    if os.environ.get('CI'):
        tap.check(False, 'clang and clang++ are installed (.ci/run installs them)')
        tap.done()
    print('1..0 # SKIP needs clang and libFuzzer')
    sys.exit(0)

tmp = tempfile.mkdtemp(prefix='bsl-oss-fuzz-')
out, work = os.path.join(tmp, 'out'), os.path.join(tmp, 'work')
log = os.path.join(tmp, 'compilers.log')


def wrapper(name, real):
    """A compiler that logs its arguments, then runs the real one."""
    path = os.path.join(tmp, name)
    with open(path, 'w') as f:
        f.write('#!/bin/sh\necho "%s $*" >>%s\nexec %s "$@"\n' % (name, log, real))
    os.chmod(path, 0o755)
    return path


mark_c, mark_cxx = '-DBSL_MARK_CFLAGS=1', '-DBSL_MARK_CXXFLAGS=1'
env = dict(os.environ, CC=wrapper('cc', clang), CXX=wrapper('cxx', clangxx),
           CFLAGS='-O1 -fsanitize=fuzzer-no-link ' + mark_c,
           CXXFLAGS='-O1 -fsanitize=fuzzer-no-link ' + mark_cxx,
           LIB_FUZZING_ENGINE='-fsanitize=fuzzer', OUT=out, WORK=work)
build = subprocess.run(['bash', os.path.join(root, 'fuzz', 'oss-fuzz-build.sh')], env=env,
                       capture_output=True, text=True, cwd=tmp)
tap.check(build.returncode == 0, 'oss-fuzz-build.sh succeeds', build.stdout + build.stderr)
with open(log) as f:
    calls = f.read().splitlines()
tap.check(any(c.startswith('cc ') and mark_c in c for c in calls), '$CC is used with $CFLAGS')
links = [c for c in calls if c.startswith('cxx ')]
tap.check(links and all(mark_cxx in c and '-fsanitize=fuzzer' in c.split() for c in links),
          '$CXX links with $CXXFLAGS and $LIB_FUZZING_ENGINE', '\n'.join(links))

harnesses = sorted(os.path.basename(p)[len('fuzz_'):-2]
                   for p in glob.glob(os.path.join(root, 'fuzz', 'fuzz_*.c')))
tap.check(len(harnesses) >= 5, 'harnesses found: %s' % ' '.join(harnesses))
for h in harnesses:
    binary = os.path.join(out, 'fuzz_' + h)
    if not tap.check(os.path.isfile(binary) and os.stat(binary).st_mode & stat.S_IXUSR,
                     '%s: executable fuzz_%s' % (h, h)):
        continue
    seeds = sorted(n for n in os.listdir(os.path.join(root, 'fuzz', 'corpus', h)))
    zpath = os.path.join(out, 'fuzz_%s_seed_corpus.zip' % h)
    try:
        with zipfile.ZipFile(zpath) as z:
            bad, names = z.testzip(), sorted(z.namelist())
            corpus = os.path.join(tmp, 'corpus-' + h)
            z.extractall(corpus)
    except (OSError, zipfile.BadZipFile) as e:
        tap.check(False, '%s: seed corpus zip' % h, e)
        continue
    tap.check(bad is None and names and names == seeds,
              '%s: the seed corpus zip is valid and holds the %d seeds' % (h, len(seeds)))
    with open(os.path.join(out, 'fuzz_%s.dict' % h), 'rb') as f:
        tap.check(b'"' in f.read(), '%s: a dictionary with entries' % h)
    options = configparser.ConfigParser()
    options.read(os.path.join(out, 'fuzz_%s.options' % h))
    tap.check(options.has_section('libfuzzer') and int(options['libfuzzer']['max_len']) > 0 and
              os.path.isfile(os.path.join(out, options['libfuzzer']['dict'])),
              '%s: .options with max_len and a dict present in $OUT' % h)
    run = subprocess.run([binary, '-runs=0', corpus], capture_output=True, text=True,
                         timeout=600)
    tap.check(run.returncode == 0 and 'Done ' in run.stderr,
              '%s: runs its seed corpus (-runs=0)' % h, run.stderr[-3000:])
shutil.rmtree(tmp, ignore_errors=True)
tap.done()
