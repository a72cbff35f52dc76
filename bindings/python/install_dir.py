"""Print the directory `meson install` puts the boussole package in, for the
interpreter running this script.

Usage: python3 install_dir.py PREFIX

Rule (doc/python.md, "Install"), the first that applies:

1. a package directory (site-packages or dist-packages) on this
   interpreter's sys.path that lies under PREFIX: there it is found with no
   set-up. Debian's /usr/bin/python3 and PREFIX /usr/local give
   /usr/local/lib/python3.X/dist-packages;
2. PREFIX /usr/local (the default, the README's set-up) and an interpreter
   that searches nothing under it (pyenv, a python3 built from source): the
   interpreter's own purelib, where `pip install` would put the package;
3. otherwise the directory this interpreter would use for PREFIX: its
   purelib with its installation prefix replaced by PREFIX
   (PREFIX/lib/python3.X/site-packages; dist-packages for Debian's). Such a
   prefix is not searched unless it is added (PYTHONPATH, site.addsitedir).

`--for-prefix PREFIX` prints the directory of rule 3 only (the install test
uses it to know where to look in a temporary prefix).
"""
import os
import sys
import sysconfig


def for_prefix(prefix):
    paths = sysconfig.get_paths()
    rel = os.path.relpath(paths['purelib'], paths['data'])
    return os.path.normpath(os.path.join(prefix, rel))


def install_dir(prefix):
    for entry in sys.path:
        entry = os.path.abspath(entry) if entry else ''
        if (os.path.basename(entry) in ('site-packages', 'dist-packages')
                and entry.startswith(prefix.rstrip('/') + '/')):
            return entry
    if prefix == '/usr/local':
        return sysconfig.get_paths()['purelib']
    return for_prefix(prefix)


def main(argv):
    if len(argv) == 3 and argv[1] == '--for-prefix':
        print(for_prefix(os.path.abspath(argv[2])))
    elif len(argv) == 2:
        print(install_dir(os.path.abspath(argv[1])))
    else:
        sys.exit('usage: install_dir.py [--for-prefix] PREFIX')


if __name__ == '__main__':
    main(sys.argv)
