#!/usr/bin/env python3
"""The man page doc/boussole.1: renders without warnings, and says what the
CLI does: its exit codes are exactly those of examples/cli/ (cli.h), and
it documents every command and option of the CLI's usage text.

Usage: test_manpage.py SOURCE_ROOT
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

root = sys.argv[1]
page = os.path.join(root, 'doc', 'boussole.1')
cli = os.path.join(root, 'examples', 'cli')
tap = Tap()

with open(page, encoding='utf-8') as f:
    man = f.read()
src = ''
for name in sorted(os.listdir(cli)):  # the CLI's sources: its exit codes are in cli.h
    if name.endswith(('.c', '.h')):
        with open(os.path.join(cli, name), encoding='utf-8') as f:
            src += f.read()


def section(name):
    m = re.search(r'^\.SH "?%s"?\n(.*?)(?=^\.SH |\Z)' % re.escape(name), man, re.M | re.S)
    return m.group(1) if m else ''


env = dict(os.environ, LC_ALL='C.UTF-8', MANWIDTH='80', MANROFFSEQ='', MAN_DISABLE_SECCOMP='1')
if shutil.which('groff'):
    p = subprocess.run(['groff', '-man', '-ww', '-z', page], capture_output=True, text=True, env=env)
    tap.check(p.returncode == 0 and not p.stdout and not p.stderr,
              'groff -man -ww -z: no warning', p.stdout + p.stderr)
else:
    print('ok %d - groff -man -ww -z # SKIP groff not found' % (tap.count + 1))
    tap.count += 1
if shutil.which('man'):
    p = subprocess.run(['man', '--warnings', '-l', page], capture_output=True, text=True, env=env)
    tap.check(p.returncode == 0 and not p.stderr and 'EXIT STATUS' in p.stdout,
              'man --warnings -l: renders without warning', p.stderr)
else:
    print('ok %d - man --warnings -l # SKIP man not found' % (tap.count + 1))
    tap.count += 1

for name in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'OPTIONS', 'EXIT STATUS',
             'FILES', 'EXAMPLES', 'SEE ALSO'):
    tap.check(section(name).strip() != '', 'section %s' % name)

# Exit codes: the CLI's enum and the man page's EXIT STATUS list.
enum = re.search(r'enum\s*\{([^}]*EXIT_OK[^}]*)\}', src, re.S)
codes = sorted(int(n) for n in re.findall(r'EXIT_\w+\s*=\s*(\d+)', enum.group(1))) if enum else []
listed = sorted(int(n) for n in re.findall(r'^\.TP\n\.B (\d+)\n', section('EXIT STATUS'), re.M))
tap.check(len(codes) > 0, 'the CLI declares its exit codes')
tap.equal(listed, codes, 'EXIT STATUS lists exactly the exit codes of the CLI')
usage_help = re.search(r'Exit status: (.*?)\\n";', src, re.S)
if usage_help:
    helped = sorted(int(n) for n in re.findall(r'(\d+) [A-Za-z-]', usage_help.group(1)))
    tap.equal(helped, codes, '--help lists the same exit codes')

# Commands and options of the usage text.
usage = re.search(r'static const char usage\[\] =(.*?);\n', src, re.S)
usage = usage.group(1) if usage else ''
options = sorted(set(re.findall(r'--[a-z][a-z-]*', usage)))
tap.check(len(options) > 0, 'the CLI usage names options')
plain = man.replace('\\-', '-')
for opt in options:
    tap.check(re.search(r'^\.[BI]R? %s\b' % re.escape(opt), plain, re.M) is not None,
              'option %s is documented' % opt)
commands = sorted(set(re.findall(r'boussole ([a-z]+)', usage)))
for cmd in commands:
    tap.check(re.search(r'^\.(B|BI) "?%s\b' % cmd, section('COMMANDS'), re.M) is not None,
              'command %s is documented' % cmd)

tap.done()
