"""The package is typed: Debian's mypy, in strict mode, finds no error in
the package itself (every function annotated, ctypes calls included), nor
in a program using every public function and method (typed_client.py)
against the package's annotations (py.typed), and catches a type error in
such a program. Skipped without mypy (Debian: apt-get install mypy; CI
installs it, .ci/run)."""
import os
import shutil
import subprocess
import tempfile
import unittest

import support

MYPY = shutil.which('mypy')


@unittest.skipIf(MYPY is None, 'mypy not installed (apt-get install mypy)')
class StrictTypingTest(unittest.TestCase):
    def mypy(self, *args):
        with tempfile.TemporaryDirectory() as cache:
            env = support.python_env(MYPYPATH=support.BINDING, PYTHONPATH=None)
            p = subprocess.run([MYPY, '--strict', '--cache-dir', cache,
                                '--no-error-summary'] + list(args),
                               capture_output=True, text=True, env=env)
        return p.returncode, p.stdout + p.stderr

    def test_the_package_is_clean_under_strict(self):
        rc, out = self.mypy(os.path.join(support.BINDING, 'boussole'))
        self.assertEqual((rc, out), (0, ''))

    def test_a_user_of_the_public_api_type_checks(self):
        rc, out = self.mypy(os.path.join(support.HERE, 'typed_client.py'))
        self.assertEqual((rc, out), (0, ''))

    def test_a_type_error_is_caught(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, 'bad.py')
            with open(bad, 'w', encoding='utf-8') as f:
                f.write('import boussole\n'
                        'score: str = boussole.Framework.default().evaluate({}).score\n'
                        'n: int = boussole.frameworks()\n')
            rc, out = self.mypy(bad)
        self.assertEqual(rc, 1, out)
        self.assertIn('bad.py:2: error: Incompatible types', out)
        self.assertIn('bad.py:3: error: Incompatible types', out)


if __name__ == '__main__':
    unittest.main()
