"""`pip install ./bindings/python` in a fresh venv, with no package index.

For this interpreter and Debian's /usr/bin/python3 (when it is another one):
create a venv in a temporary directory, pip-install the binding offline
(PIP_NO_INDEX), with and without build isolation, from the source directory
and from the sdist the backend builds, then import it from another directory
and score an example against the library of this build (BOUSSOLE_LIBRARY).
The wheel holds only Python: the C library comes from the system install (or
BOUSSOLE_LIBRARY).
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import support

PYTHONS = [sys.executable]
if os.path.exists('/usr/bin/python3') and (
        os.path.realpath('/usr/bin/python3') != os.path.realpath(sys.executable)):
    PYTHONS.append('/usr/bin/python3')

CHECK = r'''
import os, sys
import boussole
here = os.path.dirname(os.path.abspath(boussole.__file__))
assert here.startswith(sys.prefix), (here, sys.prefix)
r = boussole.Framework.default().evaluate(__import__('pathlib').Path(sys.argv[1]), lang="en")
print(boussole.__version__, r.verdict.value, r.score)
'''


def _env():
    env = support.python_env(PYTHONPATH=None, PYTHONHOME=None, PIP_NO_INDEX='1',
                             PIP_DISABLE_PIP_VERSION_CHECK='1', PIP_NO_CACHE_DIR='1',
                             PIP_FIND_LINKS=None, PIP_INDEX_URL=None, PIP_EXTRA_INDEX_URL=None,
                             PYTHONDONTWRITEBYTECODE=None, VIRTUAL_ENV=None)
    return env


def _run(cmd, cwd=None):
    p = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=cwd)
    if p.returncode != 0:
        raise AssertionError('%s exited %d\n%s\n%s' % (' '.join(cmd), p.returncode, p.stdout,
                                                       p.stderr))
    return p.stdout


def _has_venv(python):
    p = subprocess.run([python, '-c', 'import venv, ensurepip'], capture_output=True, env=_env())
    return p.returncode == 0


class VenvInstall(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='bsl-venv.')
        self.addCleanup(shutil.rmtree, self.tmp, True)
        # pip builds in the source directory: work on a copy, so that the
        # checkout stays clean whatever the backend writes.
        self.src = os.path.join(self.tmp, 'src')
        shutil.copytree(support.BINDING, self.src,
                        ignore=shutil.ignore_patterns('__pycache__', '*.pyc', 'tests'))
        self.usecase = os.path.join(support.EXAMPLES, 'signalements-voirie.json')

    def venv(self, python, name):
        if not _has_venv(python):
            self.skipTest('%s has no venv/ensurepip (Debian: apt-get install python3-venv)' % python)
        where = os.path.join(self.tmp, name)
        _run([python, '-m', 'venv', where])
        return os.path.join(where, 'bin', 'python')

    def check(self, vpy):
        out = _run([vpy, '-c', CHECK, self.usecase], cwd=self.tmp)
        self.assertEqual(out.split(), ['0.2.0', 'favorable_with_reservations', '81.2'])

    def test_pip_install(self):
        for i, python in enumerate(PYTHONS):
            with self.subTest(python=python):
                vpy = self.venv(python, 'plain%d' % i)
                _run([vpy, '-m', 'pip', 'install', self.src])
                self.check(vpy)

    def test_pip_install_no_build_isolation(self):
        for i, python in enumerate(PYTHONS):
            with self.subTest(python=python):
                vpy = self.venv(python, 'nbi%d' % i)
                _run([vpy, '-m', 'pip', 'install', '--no-build-isolation', self.src])
                self.check(vpy)

    def test_sdist_and_wheel(self):
        # The backend's own sdist is installable too, and the wheel holds
        # the package, its py.typed and valid metadata, and no C library.
        vpy = self.venv(sys.executable, 'sdist')
        dist = os.path.join(self.tmp, 'dist')
        _run([vpy, '-c', 'import sys; sys.path.insert(0, "_backend"); import boussole_backend as b;'
                         ' print(b.build_sdist(sys.argv[1])); print(b.build_wheel(sys.argv[1]))',
              dist], cwd=self.src)
        wheel, = glob.glob(os.path.join(dist, '*.whl'))
        sdist, = glob.glob(os.path.join(dist, '*.tar.gz'))
        self.assertEqual(os.path.basename(wheel), 'boussole-0.2.0-py3-none-any.whl')
        self.assertEqual(os.path.basename(sdist), 'boussole-0.2.0.tar.gz')
        names = zipfile.ZipFile(wheel).namelist()
        self.assertIn('boussole/__init__.py', names)
        self.assertIn('boussole/py.typed', names)
        self.assertIn('boussole-0.2.0.dist-info/RECORD', names)
        self.assertFalse([n for n in names if '.so' in n or n.endswith('_config.py')], names)
        _run([vpy, '-m', 'pip', 'install', sdist])
        self.check(vpy)


if __name__ == '__main__':
    unittest.main()
