"""Paths and helpers shared by the binding's tests.

meson runs each test_*.py with the python3 it found, with BOUSSOLE_LIBRARY
set to the library of the build, PYTHONPATH to bindings/python, BOUSSOLE_CLI
to the built CLI and BOUSSOLE_SOURCE_ROOT to the checkout. Run by hand, they
fall back to the checkout around them and its build/ directory.
"""
import os
import pathlib
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BINDING = os.path.dirname(HERE)
ROOT = os.environ.get('BOUSSOLE_SOURCE_ROOT') or os.path.dirname(os.path.dirname(BINDING))
if BINDING not in sys.path:
    sys.path.insert(0, BINDING)
CLI = os.environ.get('BOUSSOLE_CLI') or os.path.join(ROOT, 'build', 'examples', 'boussole')
EXAMPLES = os.path.join(ROOT, 'examples', 'usecases')
# Files are pathlib.Paths: the binding reads a str as JSON text, never as a file name.
NANTES = pathlib.Path(ROOT, 'frameworks', 'nantes-2024.json')
SCORE_REGISTER = os.path.join(ROOT, 'examples', 'python', 'score_register.py')


def example_files():
    return sorted(pathlib.Path(EXAMPLES, f) for f in os.listdir(EXAMPLES) if f.endswith('.json'))


def cli(*args):
    """Run the C CLI; (exit status, stdout bytes, stderr text)."""
    p = subprocess.run([CLI] + [str(a) for a in args], capture_output=True, env={'LANG': 'C', 'PATH': '/usr/bin:/bin'})
    return p.returncode, p.stdout, p.stderr.decode('utf-8')


def python_env(**changes):
    """The environment for a child python, with changes (None removes)."""
    env = dict(os.environ)
    for k, v in changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def run_python(code, env=None, cwd=None):
    """Run code in a child of this same interpreter."""
    return subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                          env=env if env is not None else python_env(), cwd=cwd)


def read_text(path):
    with open(path, encoding='utf-8') as f:
        return f.read()
