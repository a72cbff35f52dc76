"""examples/python/score_register.py on examples/usecases: a summary table
and a CSV with one row per use-case (12), agreeing with the library."""
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import support
import boussole


def run(*args, cwd=None):
    return subprocess.run([sys.executable, support.SCORE_REGISTER] + list(args),
                          capture_output=True, text=True, env=support.python_env(), cwd=cwd)


class ScoreRegisterTest(unittest.TestCase):
    def test_examples(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'register.csv')
            p = run(support.EXAMPLES, '--csv', out)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stderr, '')
            with open(out, newline='', encoding='utf-8') as f:
                rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 12)
        fw = boussole.Framework.default()
        self.assertEqual(list(rows[0]), ['file', 'id', 'title', 'verdict', 'score']
                         + [c + s for c in fw.criterion_ids for s in ('_score', '_status')]
                         + ['missing', 'red_lines', 'error', 'missing_facts', 'failed_conditions',
                            'unknown', 'framework', 'framework_version'])
        files = support.example_files()
        self.assertEqual([r['file'] for r in rows], [os.path.basename(f) for f in files])
        for row, f in zip(rows, files):
            r = fw.evaluate(f)
            # the CSV writes an empty cell for a criterion with no score (None)
            self.assertEqual((row['id'], row['verdict'], float(row['score'])),
                             (r.id, r.verdict.value, r.score))
            self.assertEqual([float(row[c.id + '_score']) if row[c.id + '_score'] else None
                              for c in r.criteria],
                             [c.score for c in r.criteria])
            self.assertEqual(int(row['missing']), len(r.missing))
            self.assertEqual(row['error'], '')
        # The table: a header, a rule, one line per use-case, the totals.
        lines = p.stdout.splitlines()
        self.assertTrue(lines[0].startswith('use-case'))
        self.assertIn('C7', lines[0])
        self.assertTrue(any('signalements-voirie' in l and '81.2' in l for l in lines))
        self.assertIn('12 use-cases (nantes-2024):', p.stdout)
        for v in boussole.Verdict:
            self.assertIn(v.value, p.stdout)

    def test_a_bad_file_does_not_stop_the_others(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, 'register')
            shutil.copytree(support.EXAMPLES, folder)
            with open(os.path.join(folder, 'zz-broken.json'), 'w') as f:
                f.write('{"id": "broken",\n "title": 3, "facts": {}}\n')
            p = run(folder, '--lang', 'en', '--csv', 'out.csv', cwd=tmp)
            self.assertEqual(p.returncode, 1)
            self.assertIn('zz-broken.json:2:11: expected string, found number (at $.title)', p.stderr)
            with open(os.path.join(tmp, 'out.csv'), newline='', encoding='utf-8') as f:
                rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 13)
        self.assertEqual(rows[-1]['file'], 'zz-broken.json')
        self.assertEqual(rows[-1]['verdict'], '')
        self.assertIn('expected string', rows[-1]['error'])
        self.assertIn('1 error', p.stdout)


if __name__ == '__main__':
    unittest.main()
