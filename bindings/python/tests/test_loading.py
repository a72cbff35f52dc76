"""Loading the library: BOUSSOLE_LIBRARY, the SONAME, the install directory,
a clear ImportError listing every place tried; prototypes for every C
function the package calls; handles as full-width pointers."""
import ctypes
import ctypes.util
import glob
import os
import re
import shutil
import tempfile
import unittest

import support
import boussole
from boussole import _native

PACKAGE = os.path.join(support.BINDING, 'boussole')


def copy_package(dest, libdir=None):
    """The package alone, outside any development tree; with an
    install-time _config.py pointing at libdir when given."""
    pkg = os.path.join(dest, 'boussole')
    shutil.copytree(PACKAGE, pkg, ignore=shutil.ignore_patterns('__pycache__', '*.in'))
    if libdir is not None:
        with open(os.path.join(pkg, '_config.py'), 'w') as f:
            f.write('LIBDIR = %r\n' % libdir)
    return dest


class LoadingTest(unittest.TestCase):
    def test_loaded_from_the_environment_variable(self):
        self.assertEqual(boussole.library_path, os.environ['BOUSSOLE_LIBRARY'])

    def test_bad_environment_variable(self):
        p = support.run_python('import boussole',
                               env=support.python_env(BOUSSOLE_LIBRARY='/nonexistent/libboussole.so.0'))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn('ImportError', p.stderr)
        self.assertIn('BOUSSOLE_LIBRARY=/nonexistent/libboussole.so.0', p.stderr)
        # When the variable is set, nothing else is tried.
        self.assertNotIn('SONAME', p.stderr)

    def test_a_library_that_is_not_libboussole(self):
        libc = ctypes.util.find_library('c')
        p = support.run_python('import boussole', env=support.python_env(BOUSSOLE_LIBRARY=libc))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn('lacks bsl_', p.stderr)

    def test_every_place_is_listed(self):
        with tempfile.TemporaryDirectory() as tmp:
            copy_package(tmp, libdir=os.path.join(tmp, 'nowhere'))
            env = support.python_env(BOUSSOLE_LIBRARY=None, PYTHONPATH=tmp, LD_LIBRARY_PATH=None)
            p = support.run_python('import boussole; print(boussole.library_path)', env=env, cwd=tmp)
            if p.returncode == 0:
                # libboussole is installed on this machine: found by SONAME.
                self.assertEqual(p.stdout.strip(), 'libboussole.so.0')
                return
            self.assertIn('SONAME libboussole.so.0', p.stderr)
            self.assertIn('install directory %s' % os.path.join(tmp, 'nowhere', 'libboussole.so.0'),
                          p.stderr)
            self.assertIn('BOUSSOLE_LIBRARY', p.stderr)   # the advice names the variable

    def test_found_in_the_install_directory(self):
        built = os.environ['BOUSSOLE_LIBRARY']
        with tempfile.TemporaryDirectory() as tmp:
            libdir = os.path.join(tmp, 'lib')
            os.mkdir(libdir)
            shutil.copy(built, os.path.join(libdir, 'libboussole.so.0'))
            copy_package(tmp, libdir=libdir)
            env = support.python_env(BOUSSOLE_LIBRARY=None, PYTHONPATH=tmp, LD_LIBRARY_PATH=None)
            p = support.run_python('import boussole; print(boussole.library_path); '
                                   'print(boussole.Framework.default().id)', env=env, cwd=tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            lines = p.stdout.split()
            self.assertIn(lines[0], ('libboussole.so.0', os.path.join(libdir, 'libboussole.so.0')))
            self.assertEqual(lines[1], 'nantes-2024')

    def test_development_tree_fallback(self):
        # The package in a checkout tries <checkout>/build/lib first.
        with tempfile.TemporaryDirectory() as tmp:
            for f in ('meson.build', os.path.join('include', 'boussole.h')):
                os.makedirs(os.path.dirname(os.path.join(tmp, f)), exist_ok=True)
                open(os.path.join(tmp, f), 'w').close()
            os.makedirs(os.path.join(tmp, 'build', 'lib'))
            shutil.copy(os.environ['BOUSSOLE_LIBRARY'],
                        os.path.join(tmp, 'build', 'lib', 'libboussole.so.0'))
            binding = os.path.join(tmp, 'bindings', 'python')
            os.makedirs(binding)
            copy_package(binding)
            env = support.python_env(BOUSSOLE_LIBRARY=None, PYTHONPATH=binding)
            p = support.run_python('import boussole; print(boussole.library_path)', env=env, cwd=tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout.strip(), os.path.join(tmp, 'build', 'lib', 'libboussole.so.0'))


class PrototypeTest(unittest.TestCase):
    def test_every_function_used_is_declared(self):
        used = set()
        for f in glob.glob(os.path.join(PACKAGE, '*.py')):
            used |= set(re.findall(r'\blib\.(bsl_\w+)', support.read_text(f)))
        self.assertTrue(used)
        self.assertLessEqual(used, set(_native._PROTOTYPES))
        for name, (restype, argtypes) in _native._PROTOTYPES.items():
            fn = getattr(_native.lib, name)
            self.assertEqual(fn.restype, restype, name)
            self.assertEqual(fn.argtypes, argtypes, name)

    def test_declared_functions_exist_in_the_header(self):
        header = support.read_text(os.path.join(support.ROOT, 'include', 'boussole.h'))
        for name in _native._PROTOTYPES:
            self.assertRegex(header, r'\b%s\(' % name)

    def test_handles_are_pointers(self):
        for name, (restype, argtypes) in _native._PROTOTYPES.items():
            # No pointer travels as a C int.
            self.assertNotIn(restype, (ctypes.c_long, ctypes.c_longlong), name)
        fw = boussole.Framework.default()
        self.assertIsInstance(fw._handle.ptr, int)
        self.assertGreater(fw._handle.ptr, 0)

    def test_error_struct_layout(self):
        # struct bsl_error: int, size_t, unsigned, unsigned, char[128], char[256].
        e = _native.bsl_error
        self.assertEqual(e.path.offset, e.column.offset + ctypes.sizeof(ctypes.c_uint))
        self.assertEqual(ctypes.sizeof(e), e.message.offset + 256 +
                         (-(e.message.offset + 256) % ctypes.alignment(ctypes.c_size_t)))

    def test_high_addresses_survive(self):
        # A pointer above 4 GiB goes through c_void_p unchanged.
        high = 0x7f0012345678
        echo = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(lambda p: p)
        self.assertEqual(echo(high), high)



class ImportCostTest(unittest.TestCase):
    def test_import_loads_only_the_library_and_the_exceptions(self):
        # The rest comes on first use (boussole.__getattr__): import time.
        p = support.run_python(
            'import sys, boussole; '
            'print(" ".join(m for m in ("dataclasses", "json", "html", "boussole._model", '
            '"boussole._framework", "boussole._vocabulary") if m in sys.modules)); '
            'from boussole import Framework, Verdict; print(Framework.default().id, Verdict.FAVORABLE); '
            'print("Results" in dir(boussole))')
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.split('\n')[:3], ['', 'nantes-2024 favorable', 'True'])
        with self.assertRaises(AttributeError):
            boussole.no_such_name

if __name__ == '__main__':
    unittest.main()
