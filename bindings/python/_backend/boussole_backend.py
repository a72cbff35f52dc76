"""The PEP 517 build backend of the boussole package: standard library only.

pyproject.toml names it with `backend-path`, so `pip install ./bindings/python`
needs nothing from a package index, nor setuptools or wheel: it works
offline in a fresh venv, with or without build isolation. It builds

- a wheel (boussole-VERSION-py3-none-any.whl): the pure-Python package and
  its py.typed. It does not contain the C library: libboussole.so.0 comes
  from the system install (`meson install`, then ldconfig) or
  BOUSSOLE_LIBRARY (doc/python.md);
- an sdist (boussole-VERSION.tar.gz): the package, pyproject.toml and this
  backend, so that it builds the same way;
- an editable wheel (PEP 660): a .pth file pointing at this directory.

Name, version, description and requires-python are read from pyproject.toml.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = 'boussole'
# Files of the package directory that are not shipped: the generated
# configuration of `meson install` and its template.
_SKIP = ('_config.py', '_config.py.in')


def _project():
    with open(os.path.join(HERE, 'pyproject.toml'), encoding='utf-8') as f:
        text = f.read()
    section = re.search(r'^\[project\]\s*$(.*?)(?=^\[|\Z)', text, re.M | re.S).group(1)

    def field(name):
        m = re.search(r'^%s\s*=\s*"([^"]*)"' % re.escape(name), section, re.M)
        return m.group(1) if m else None
    return {k: field(k) for k in ('name', 'version', 'description', 'requires-python')}


def _metadata():
    p = _project()
    lines = ['Metadata-Version: 2.1', 'Name: ' + p['name'], 'Version: ' + p['version'],
             'Summary: ' + (p['description'] or ''), 'License: MIT',
             'Classifier: Programming Language :: Python :: 3',
             'Classifier: Operating System :: POSIX :: Linux',
             'Classifier: License :: OSI Approved :: MIT License']
    if p['requires-python']:
        lines.append('Requires-Python: ' + p['requires-python'])
    return ('\n'.join(lines) + '\n').encode('utf-8')


def _dist_name():
    p = _project()
    return '%s-%s' % (re.sub(r'[-_.]+', '_', p['name']).lower(), p['version'])


def _package_files():
    """(path relative to HERE, absolute path) of the package's files, sorted."""
    out = []
    root = os.path.join(HERE, PACKAGE)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != '__pycache__')
        for name in sorted(filenames):
            if name in _SKIP or name.endswith(('.pyc', '.pyo')):
                continue
            full = os.path.join(dirpath, name)
            out.append((os.path.relpath(full, HERE).replace(os.sep, '/'), full))
    return out


def _wheel(wheel_directory, files):
    """Write a wheel of files ([(name in the archive, bytes)]) plus its dist-info."""
    dist = _dist_name()
    info = dist + '.dist-info'
    files = list(files) + [
        (info + '/METADATA', _metadata()),
        (info + '/WHEEL', b'Wheel-Version: 1.0\nGenerator: boussole_backend\n'
                          b'Root-Is-Purelib: true\nTag: py3-none-any\n'),
    ]
    record = io.StringIO()
    for name, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=')
        record.write('%s,sha256=%s,%d\n' % (name, digest.decode('ascii'), len(data)))
    record.write(info + '/RECORD,,\n')
    files.append((info + '/RECORD', record.getvalue().encode('utf-8')))
    filename = dist + '-py3-none-any.whl'
    os.makedirs(wheel_directory, exist_ok=True)
    stamp = time.gmtime(int(os.environ.get('SOURCE_DATE_EPOCH', '315532800')))[:6]
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), 'w',
                         zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, stamp)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return filename


def _read(path):
    with open(path, 'rb') as f:
        return f.read()


# PEP 517 hooks ---------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info = _dist_name() + '.dist-info'
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    with open(os.path.join(metadata_directory, info, 'METADATA'), 'wb') as f:
        f.write(_metadata())
    return info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, [(rel, _read(full)) for rel, full in _package_files()])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, [(PACKAGE + '.pth', (HERE + '\n').encode('utf-8'))])


def build_sdist(sdist_directory, config_settings=None):
    dist = _dist_name()
    members = _package_files() + [
        ('pyproject.toml', os.path.join(HERE, 'pyproject.toml')),
        ('_backend/boussole_backend.py', os.path.abspath(__file__)),
    ]
    filename = dist + '.tar.gz'
    os.makedirs(sdist_directory, exist_ok=True)
    mtime = int(os.environ.get('SOURCE_DATE_EPOCH', '315532800'))

    def add(tar, name, data):
        ti = tarfile.TarInfo(dist + '/' + name)
        ti.size, ti.mtime, ti.mode = len(data), mtime, 0o644
        tar.addfile(ti, io.BytesIO(data))
    with tarfile.open(os.path.join(sdist_directory, filename), 'w:gz',
                      format=tarfile.PAX_FORMAT) as tar:
        for rel, full in members:
            add(tar, rel, _read(full))
        add(tar, 'PKG-INFO', _metadata())
    return filename
