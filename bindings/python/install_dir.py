"""Print the directory `meson install` puts the boussole package in.

Usage: install_dir.py PREFIX MESON_DEFAULT_DIR

meson's python module computes <prefix>/<purelib relative to the
interpreter's base>, which on Debian gives /usr/local/lib/python3/dist-packages:
a directory Debian's python3 does not search. So prefer a package directory
on this interpreter's own sys.path under PREFIX (/usr/local/lib/python3.X/
dist-packages on Debian), and fall back to meson's choice otherwise.
"""
import os
import sys

prefix, default = os.path.abspath(sys.argv[1]), sys.argv[2]
for entry in sys.path:
    entry = os.path.abspath(entry) if entry else ''
    if (os.path.basename(entry) in ('site-packages', 'dist-packages')
            and entry.startswith(prefix.rstrip('/') + '/')):
        print(entry)
        break
else:
    print(default)
