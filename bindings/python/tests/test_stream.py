"""Registers streamed through the library: evaluate_many and evaluate_stream
on generators, NaN / numpy scalars / None rows / non-dict rows as not
answered or ErrorRecords in place, pandas DataFrames in the wide form of a
CSV register (checked against the CLI on the same CSV), the summary detail,
records() columns and Results.to_dataframe()."""
import csv
import io
import json
import math
import os
import tempfile
import unittest

import support
import boussole

try:
    import numpy
    import pandas
except ImportError:   # CI installs python3-pandas (.ci/run): only a bare machine skips
    if os.environ.get('CI'):
        raise
    numpy = pandas = None

GOOD = {'id': 'good', 'title': 't', 'facts': {'hosting': 'eu'}}


def example_docs():
    return [json.loads(p.read_text(encoding='utf-8')) for p in support.example_files()]


class StreamTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()

    def test_generator_of_unknown_length(self):
        docs = example_docs()
        gen = (docs[i % len(docs)] for i in range(100))
        results = self.fw.evaluate_many(gen, lang='en')
        self.assertEqual(len(results), 100)
        self.assertEqual([r.id for r in results[:12]], [d['id'] for d in docs])
        want = [self.fw.evaluate(d, lang='en').to_json(compact=True) for d in docs]
        self.assertEqual([r.to_json(compact=True) for r in results[:12]], want)

    def test_bad_rows_become_error_records_in_place(self):
        rows = [GOOD, None, 42, {'id': 'x', 'title': 't', 'facts': {'hosting': object()}},
                dict(GOOD, id='after')]
        results = self.fw.evaluate_many(rows)
        self.assertEqual([r.ok for r in results], [True, False, False, False, True])
        self.assertEqual([r.index for r in results.errors], [1, 2, 3])
        self.assertEqual(results.errors[2].id, 'x')
        self.assertEqual(results.errors[0].name, 'arg')
        self.assertEqual(results[4].id, 'after')

    def test_a_lone_surrogate_is_an_error_record_in_place(self):
        # Dicts are serialised with \u escapes: a str holding a lone
        # surrogate (which UTF-8 cannot encode, and which raised
        # UnicodeEncodeError out of the whole batch) is refused by the
        # library as that use-case's error, at its position.
        bad = {'id': 'a', 'title': 'x\ud800y', 'facts': {}}
        results = self.fw.evaluate_many([bad, GOOD], lang='en')
        self.assertEqual([r.ok for r in results], [False, True])
        self.assertEqual((results[0].name, results[0].line, results[0].column), ('syntax', 1, 21))
        self.assertIn('lone surrogate', results[0].message)
        with self.assertRaises(boussole.JSONSyntaxError) as cm:
            self.fw.evaluate(bad, lang='en')
        self.assertEqual(str(cm.exception), str(results[0]))

    def test_nan_is_not_answered(self):
        with_nan = {'id': 'n', 'title': 't', 'facts': {'hosting': 'eu', 'energy_kwh_per_year': math.nan}}
        without = {'id': 'n', 'title': 't', 'facts': {'hosting': 'eu'}}
        got = self.fw.evaluate_many([with_nan])[0]
        self.assertTrue(got.ok, got)
        self.assertEqual(got.to_json(), self.fw.evaluate(without).to_json())

    @unittest.skipIf(numpy is None, 'numpy not installed')
    def test_numpy_scalars(self):
        uc = {'id': 'np', 'title': 't', 'facts': {'energy_kwh_per_year': numpy.int64(1500),
                                                   'users_per_year': numpy.float64(20.0),
                                                   'human_override': numpy.bool_(True)}}
        plain = {'id': 'np', 'title': 't', 'facts': {'energy_kwh_per_year': 1500,
                                                      'users_per_year': 20.0,
                                                      'human_override': True}}
        got = self.fw.evaluate_many([uc])[0]
        self.assertTrue(got.ok, got)
        self.assertEqual(got.to_json(), self.fw.evaluate(plain).to_json())

    def test_summary_detail(self):
        docs = example_docs()
        results = self.fw.evaluate_many(docs + ['{"id": 1}'], detail='summary')
        code, out, _ = support.cli('evaluate', '--input', 'jsonl', '--detail', 'summary',
                                   self._jsonl(docs))
        want = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([r.verdict.value for r in results[:12]], [w['verdict'] for w in want])
        self.assertEqual([r.score for r in results[:12]], [w['score'] for w in want])
        self.assertFalse(results[12].ok)
        self.assertEqual(results[0].provenance['framework']['id'], 'nantes-2024')
        with self.assertRaises(ValueError):
            self.fw.evaluate_many(docs, detail='brief')

    def test_compact_summaries_are_the_json_summaries(self):
        # evaluate_many keeps each summary as a compact CSV record; what it
        # builds from it is what the CLI's JSON summary line says, to the
        # last member, for ids and unknown keys holding the CSV's
        # separators, quotes, line breaks and its list separator '|'.
        odd = [{'id': 'a,b "q"\n|x', 'title': 't', 'facts': {'hosting': 'eu', 'ho|st': 1, 'a,b': 2}},
               {'id': 'x', 'title': 't', 'facts': {}},
               {'id': 'é$', 'title': 't', 'facts': {'hostnig': 'eu'},
                'evidence': {'zz|z': 'q', 'hosting': 'h'}}]
        docs = example_docs() + odd
        code, out, err = support.cli('evaluate', '--input', 'jsonl', '--detail', 'summary',
                                     self._jsonl(docs))
        want = [boussole.Summary.from_line(line) for line in out.splitlines()]
        self.assertEqual(len(want), len(docs), err)
        self.assertTrue(any('|' in p for p in want[-3].unknown), want[-3].unknown)
        results = self.fw.evaluate_many(docs + [None] + docs, detail='summary')
        self.assertEqual(list(results[:len(docs)]), want)
        self.assertEqual(list(results[len(docs) + 1:]), want)
        self.assertEqual(list(self.fw.evaluate_stream(docs, detail='summary')), want)
        self.assertEqual([e.index for e in results.errors], [len(docs)])
        self.assertIsInstance(results[0], boussole.Summary)

    def _jsonl(self, docs):
        f = tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8')
        self.addCleanup(os.unlink, f.name)
        with f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + '\n')
        return f.name

    def test_evaluate_stream_yields_as_it_reads(self):
        read = []

        def gen():
            for i in range(5):
                read.append(i)
                yield dict(GOOD, id=str(i))
        it = self.fw.evaluate_stream(gen(), detail='summary')
        first = next(it)
        self.assertEqual((first.id, read), ('0', [0]))
        self.assertEqual([r.id for r in it], ['1', '2', '3', '4'])

    def test_records_columns(self):
        uc = {'id': 'r', 'title': 't', 'facts': {'hosting': 'eu', 'hostnig': 'x'}}
        for detail in ('full', 'summary'):
            rec = self.fw.evaluate_many([uc], detail=detail).records()[0]
            self.assertEqual(rec['unknown'], 'hostnig', detail)
            self.assertIn('dpia', rec['missing_facts'].split(', '), detail)
            self.assertEqual(rec['failed_conditions'], '', detail)
            self.assertEqual(rec['framework'], 'nantes-2024', detail)
            self.assertEqual(rec['framework_version'], self.fw.version, detail)
        full = self.fw.evaluate_many([uc]).records()[0]
        summary = self.fw.evaluate_many([uc], detail='summary').records()[0]
        self.assertEqual({k: v for k, v in full.items() if k != 'title'},
                         {k: v for k, v in summary.items() if k != 'title'})

    @unittest.skipIf(pandas is None, 'pandas not installed')
    def test_dataframe_in_the_wide_form_of_a_csv_register(self):
        docs = example_docs()
        keys = []
        for d in docs:
            keys += [k for k in d['facts'] if k not in keys]
        rows = []
        for d in docs:
            row = {f: d.get(f) for f in ('id', 'title', 'service', 'description', 'phase')}
            for k in keys:
                v = d['facts'].get(k)
                if isinstance(v, list):   # a set: '|'-separated, [] the empty one
                    v = '|'.join(v) if v else '[]'
                row[k] = numpy.nan if v is None else v
            rows.append(row)
        df = pandas.DataFrame(rows)
        results = self.fw.evaluate_many(df, detail='summary')
        # The CLI on the same frame written as CSV.
        path = os.path.join(tempfile.mkdtemp(), 'register.csv')
        df.to_csv(path, index=False)
        code, out, err = support.cli('evaluate', '--detail', 'summary', path)
        self.assertEqual(code, 0, err)
        want = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([r.verdict.value for r in results], [w['verdict'] for w in want])
        self.assertEqual([r.score for r in results], [w['score'] for w in want])
        self.assertEqual([r.verdict.value for r in results],
                         [self.fw.evaluate(d).verdict.value for d in docs])
        bad = pandas.DataFrame([{'id': 'b', 'title': 'B', 'energy_kwh_per_year': 'lots'},
                                {'id': 'c', 'title': 'C', 'energy_kwh_per_year': 3}])
        got = self.fw.evaluate_many(bad)
        self.assertEqual([r.ok for r in got], [False, True])
        self.assertIn('(column energy_kwh_per_year)', got[0].message)

    @unittest.skipIf(pandas is None, 'pandas not installed')
    def test_to_dataframe(self):
        docs = example_docs()
        results = self.fw.evaluate_many(docs + ['{"id": 1}'])
        df = results.to_dataframe()
        self.assertEqual(len(df), 13)
        self.assertTrue(df['verdict'].cat.ordered)
        self.assertEqual(list(df['verdict'].cat.categories),
                         ['red_line', 'incomplete', 'unfavorable', 'favorable_with_reservations',
                          'favorable'])
        self.assertTrue(pandas.isna(df['verdict'].iloc[12]))
        self.assertEqual(df.sort_values('verdict')['verdict'].iloc[0], 'red_line')


if __name__ == '__main__':
    unittest.main()
