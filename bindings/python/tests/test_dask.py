"""examples/python/dask_register.py on a generated register of 100 000
use-cases (JSON Lines, with bad lines) and on a CSV register, on a
LocalCluster of two workers: its counts equal the CLI's on the same file."""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest

import support

try:
    import dask  # noqa: F401
    import distributed  # noqa: F401
    import pandas  # noqa: F401
except ImportError:   # CI installs python3-dask and python3-distributed (.ci/run)
    if os.environ.get('CI'):
        raise
    dask = None

EXAMPLE = os.path.join(support.ROOT, 'examples', 'python', 'dask_register.py')


def cli_counts(path):
    code, out, err = support.cli('evaluate', '--detail', 'summary', path)
    c = collections.Counter()
    for line in out.splitlines():
        rec = json.loads(line)
        c['usecases'] += 1
        c['errors' if 'error' in rec else rec['verdict']] += 1
    return dict(c)


@unittest.skipIf(dask is None, 'dask.distributed not installed')
class DaskRegisterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.docs = [json.loads(p.read_text(encoding='utf-8')) for p in support.example_files()]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_example(self, path, *args):
        env = support.python_env(PYTHONPATH=support.BINDING)
        p = subprocess.run([sys.executable, EXAMPLE, '--workers', '2'] + list(args) + [path],
                           capture_output=True, env=env, timeout=240)
        self.assertEqual(p.returncode, 0, p.stderr.decode()[-2000:])
        return json.loads(p.stdout)

    def test_jsonl_100k(self):
        path = os.path.join(self.tmp.name, 'register.jsonl')
        lines = [json.dumps(d, ensure_ascii=False, separators=(',', ':')) for d in self.docs]
        with open(path, 'w', encoding='utf-8') as f:
            for i in range(100_000):
                f.write(lines[i % len(lines)] + '\n')
                if i % 25_000 == 7:
                    f.write('{"id": %d}\n' % i)   # an error record in its place
        got = self.run_example(path, '--blocksize', str(16 << 20))
        want = cli_counts(path)
        self.assertEqual(got, want)
        self.assertEqual(got['usecases'], 100_004)
        self.assertEqual(got['errors'], 4)

    def test_csv_register(self):
        keys = []
        for d in self.docs:
            keys += [k for k in d['facts'] if k not in keys]
        path = os.path.join(self.tmp.name, 'register.csv')
        with open(path, 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, delimiter=';')
            w.writerow(['id', 'title'] + keys)
            for i in range(1200):
                d = self.docs[i % len(self.docs)]
                cells = []
                for k in keys:
                    v = d['facts'].get(k)
                    if isinstance(v, list):
                        v = '|'.join(v) if v else '[]'
                    cells.append('' if v is None else str(v).replace('.', ','))
                w.writerow([d['id'], d['title']] + cells)
        got = self.run_example(path, '--blocksize', '100000')
        self.assertEqual(got, cli_counts(path))
        self.assertEqual(got['usecases'], 1200)


if __name__ == '__main__':
    unittest.main()
