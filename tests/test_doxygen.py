#!/usr/bin/env python3
"""The API reference builds from the public header without a single doxygen
warning (every declaration, parameter and return value documented).

Usage: test_doxygen.py DOXYGEN DOXYFILE

Runs doxygen with the configured doc/Doxyfile (as `ninja doc` does) but
writes into a temporary directory, and fails on any warning.
"""
import os
import shutil
import subprocess
import sys
import tempfile

doxygen, doxyfile = sys.argv[1:3]
tmp = tempfile.mkdtemp(prefix='bsl-doxygen-')
try:
    config = '@INCLUDE = %s\nOUTPUT_DIRECTORY = %s\nWARN_LOGFILE =\n' % (doxyfile, tmp)
    p = subprocess.run([doxygen, '-'], input=config, capture_output=True, text=True)
    warnings = [line for line in (p.stderr + p.stdout).splitlines() if line.strip()]
    index = os.path.join(tmp, 'html', 'index.html')
    ok = p.returncode == 0 and not warnings and os.path.exists(index)
    print('%s 1 - doxygen builds the API reference without warnings' % ('ok' if ok else 'not ok'))
    for line in warnings:
        print('#   ' + line)
    if p.returncode:
        print('#   doxygen exited with %d' % p.returncode)
    print('1..1')
    sys.exit(0 if ok else 1)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
