"""evaluate_many: good and bad rows, error records with positions, order,
every kind of input, blank and unreadable inputs, records(), one crossing
of the C boundary per batch."""
import os
import pathlib
import tempfile
import unittest

import support
import boussole
from boussole import _framework

GOOD = {'id': 'good', 'title': 't', 'facts': {'hosting': 'eu'}}
VOIRIE = pathlib.Path(support.EXAMPLES, 'signalements-voirie.json')


class BatchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_good_and_bad_rows(self):
        multi_line_bad = '{\n  "id": "m",\n  "title": "t",\n  "facts": {"hosting": "moon"}\n}\n'
        unreadable = os.path.join(self.tmp.name, 'missing.json')
        rows = [
            GOOD,                                                     # 0 good dict
            '{"id": "s", "title": "t", "facts": {},}',                # 1 syntax
            {'id': 'typed', 'title': 5, 'facts': {}},                 # 2 type (a dict: its id is known)
            VOIRIE,                                                   # 3 good path (a pathlib.Path)
            multi_line_bad,                                           # 4 enum, on line 4 of its text
            b'   ',                                                   # 5 blank bytes
            pathlib.Path(unreadable),                                 # 6 io
            b'{"id": "b", "title": "t", "facts": {"users_per_year": 1e999}}',  # 7 limit
            '{"id": "last", "title": "t", "facts": {}}',              # 8 good text
        ]
        results = self.fw.evaluate_many(rows, lang='en')
        self.assertEqual(len(results), len(rows))
        self.assertEqual([r.ok for r in results], [True, False, False, True, False, False, False,
                                                   False, True])
        self.assertEqual([r.index for r in results.errors], [1, 2, 4, 5, 6, 7])
        by_index = {e.index: e for e in results.errors}
        e = by_index[1]
        self.assertEqual((e.code, e.name, e.line, e.column, e.path, e.id),
                         (-5, 'syntax', 1, 39, '', None))
        self.assertIsInstance(e.exception(), boussole.JSONSyntaxError)
        e = by_index[2]
        self.assertEqual((e.code, e.name, e.path, e.id), (-6, 'type', '$.title', 'typed'))
        self.assertEqual(e.message, 'expected string, found number')
        e = by_index[4]   # positions are in the text as given, not in its one-line form
        self.assertEqual((e.name, e.line, e.column, e.path), ('enum', 4, 24, '$.facts.hosting'))
        with self.assertRaises(boussole.SchemaError) as cm:
            self.fw.evaluate(multi_line_bad)
        self.assertEqual((cm.exception.line, cm.exception.column, cm.exception.message),
                         (e.line, e.column, e.message))
        self.assertEqual(by_index[5].name, 'syntax')
        e = by_index[6]
        self.assertEqual((e.code, e.name, e.source), (-3, 'io', unreadable))
        self.assertIsInstance(e.exception(), boussole.FileError)
        e = by_index[7]
        self.assertEqual((e.name, e.line, e.column), ('limit', 1, 55))
        self.assertIsInstance(e.exception(), boussole.LimitError)
        # Good rows around the bad ones are evaluated, in order.
        self.assertEqual([r.id for r in results.results], ['good', 'signalements-voirie', 'last'])
        self.assertEqual(results[3], self.fw.evaluate(VOIRIE, lang='en'))
        self.assertEqual(results[0].lang, 'en')

    def test_error_records_match_single_evaluation(self):
        bad = ['{"id": 1}', '{"id": "x", "title": "t", "facts": {"hosting": "moon"}}',
               '{"id": "x", "title": "t", "facts": [] }', '[', '{"id": "x", "facts": {}}']
        results = self.fw.evaluate_many(bad)
        for text, rec in zip(bad, results):
            with self.assertRaises(boussole.Error) as cm:
                self.fw.evaluate(text)
            e = cm.exception
            self.assertEqual((rec.code, rec.name, rec.message, rec.line, rec.column, rec.path),
                             (e.code, e.name, e.message, e.line, e.column, e.path))
            self.assertEqual(str(rec), str(e))

    def test_records(self):
        results = self.fw.evaluate_many([GOOD, '{"id": 1}', VOIRIE])
        recs = results.records()
        self.assertEqual(len(recs), 3)
        self.assertEqual([list(r) for r in recs], [list(recs[0])] * 3)   # same columns
        self.assertEqual(recs[0]['verdict'], 'incomplete')
        self.assertGreater(recs[0]['missing'], 0)
        self.assertIsNone(recs[1]['verdict'])
        self.assertEqual(recs[1]['error'], '<input>:1:8: expected string, found number (at $.id)')
        self.assertEqual(recs[2]['score'], 81.2)
        # The same once the results are built.
        list(results)
        self.assertEqual(results.records(), recs)

    def test_records_and_results_read_the_line_without_parsing_it(self):
        # The fast paths of _model (record_from_line, result_from_line) fall
        # back to a full parse when a line does not look as expected: make
        # the fallback fail, so that a broken fast path cannot pass unseen.
        from boussole import _model

        def no_full_parse(*args, **kwargs):
            raise AssertionError('the compact line was parsed in full')

        results = self.fw.evaluate_many([GOOD, VOIRIE])
        want = [self.fw.evaluate(GOOD), self.fw.evaluate(VOIRIE)]
        saved = _model.record_from_doc, _model.result_from_doc
        _model.record_from_doc = _model.result_from_doc = no_full_parse
        try:
            recs = results.records()
            got = [(r.id, r.title, r.verdict, r.score) for r in results]
        finally:
            _model.record_from_doc, _model.result_from_doc = saved
        self.assertEqual([(r['id'], r['verdict'], r['score']) for r in recs],
                         [(w.id, w.verdict.value, w.score) for w in want])
        self.assertEqual(got, [(w.id, w.title, w.verdict, w.score) for w in want])

    def test_red_lines_in_records(self):
        f = pathlib.Path(support.EXAMPLES, 'videoprotection-tramway-reconnaissance-faciale.json')
        rec = self.fw.evaluate_many([f]).records()[0]
        self.assertEqual(rec['verdict'], 'red_line')
        self.assertEqual(rec['red_lines'], ', '.join(self.fw.evaluate(f).red_lines))
        self.assertIn('biometric_identification', rec['red_lines'])

    def test_empty_and_generators(self):
        self.assertEqual(len(self.fw.evaluate_many([])), 0)
        self.assertEqual(self.fw.evaluate_many([]).records(), [])
        gen = (dict(GOOD, id='g%d' % i) for i in range(50))
        results = self.fw.evaluate_many(gen)
        self.assertEqual([r.id for r in results], ['g%d' % i for i in range(50)])
        self.assertEqual([r.id for r in results[10:13]], ['g10', 'g11', 'g12'])
        self.assertEqual(results[-1].id, 'g49')
        self.assertIn('50 use-cases, 0 errors', repr(results))

    def test_streamed_a_chunk_at_a_time(self):
        # evaluate_many feeds the library CHUNK use-cases per call and takes
        # their records back before reading more: a generator is consumed
        # lazily, never more than a chunk ahead (evaluate_stream: one).
        from boussole import _stream
        feeds, read = [], []
        real = _stream.lib.bsl_stream_feed

        def counting(*args):
            feeds.append(len(read))
            return real(*args)

        def gen():
            for i in range(600):
                read.append(i)
                yield dict(GOOD, id=str(i)) if i != 300 else None
            yield VOIRIE
            yield '{"id": 2}'
        chunk = _stream.CHUNK
        for detail in ('full', 'summary'):
            with self.subTest(detail=detail):
                feeds.clear()
                read.clear()
                _stream.lib.bsl_stream_feed = counting
                try:
                    results = self.fw.evaluate_many(gen(), detail=detail)
                finally:
                    _stream.lib.bsl_stream_feed = real
                self.assertEqual(feeds, list(range(chunk, 601, chunk)) + [600])
                self.assertEqual(len(results), 602)
                self.assertEqual([e.index for e in results.errors], [300, 601])
                self.assertEqual([r.id for r in results[:300]], [str(i) for i in range(300)])
                self.assertEqual([r.id for r in results[301:600]],
                                 [str(i) for i in range(301, 600)])
                self.assertEqual(results[600].id, 'signalements-voirie')
        feeds.clear()
        read.clear()
        _stream.lib.bsl_stream_feed = counting
        try:
            first = next(self.fw.evaluate_stream(gen()))
        finally:
            _stream.lib.bsl_stream_feed = real
        self.assertEqual((first.id, feeds), ('0', [1]))

    def test_newlines_inside_strings_stay_invalid(self):
        # A raw newline inside a string is invalid JSON; joining the lines of
        # a batch must not make it valid.
        text = '{"id": "x", "title": "a\nb", "facts": {}}'
        with self.assertRaises(boussole.JSONSyntaxError) as cm:
            self.fw.evaluate(text)
        rec = self.fw.evaluate_many([text])[0]
        self.assertFalse(rec.ok)
        self.assertEqual((rec.line, rec.column, rec.message),
                         (cm.exception.line, cm.exception.column, cm.exception.message))

    def test_non_ascii_and_unusual_characters(self):
        uc = {'id': 'é\u2028x', 'title': 'tab\there "quoted" \\ back', 'facts': {'hosting': 'eu'}}
        r = self.fw.evaluate_many([uc])[0]
        self.assertEqual((r.id, r.title), (uc['id'], uc['title']))
        self.assertEqual(r, self.fw.evaluate(uc))
        # An error whose path the library had to cut inside a character.
        bad = {'id': 'x', 'title': 't', 'facts': {}, 'a' + 'é' * 200: 1}
        rec = self.fw.evaluate_many([bad])[0]
        self.assertEqual((rec.ok, rec.name), (False, 'value'))
        self.assertTrue(rec.path.startswith('$["aé'))

    def test_json_lines_read_lazily(self):
        # The lines of a JSON Lines file, bytes or str, each with its final
        # newline: fed as they are, a blank one and a bad one in place, the
        # bad one's position as evaluate() gives it for the same text.
        lines = ['{"id": "a", "title": "t", "facts": {"hosting": "eu"}}\n',
                 '\n',
                 '{"id": "b", "title": "é"\n',
                 '{"id": "c", "title": "t", "facts": {}}\r\n',
                 '   \n',
                 '{"id": "d", "title": "t", "facts": {"hosting": "eu"}}']
        path = os.path.join(self.tmp.name, 'register.jsonl')
        with open(path, 'w', encoding='utf-8', newline='') as f:
            f.write(''.join(lines))
        with self.assertRaises(boussole.JSONSyntaxError) as cm:
            self.fw.evaluate(lines[2])
        for mode in ('rb', 'r'):
            for detail in ('full', 'summary'):
                with self.subTest(mode=mode, detail=detail), \
                        open(path, mode, **({} if mode == 'rb' else {'encoding': 'utf-8',
                                                                     'newline': ''})) as f:
                    results = self.fw.evaluate_many(f, detail=detail)
                    self.assertEqual([r.ok for r in results],
                                     [True, False, False, True, False, True])
                    self.assertEqual([results[i].id for i in (0, 3, 5)], ['a', 'c', 'd'])
                    self.assertEqual([e.index for e in results.errors], [1, 2, 4])
                    bad = results[2]
                    self.assertEqual((bad.name, bad.line, bad.column, bad.message),
                                     (cm.exception.name, cm.exception.line, cm.exception.column,
                                      cm.exception.message))
                    if detail == 'full':
                        self.assertEqual(results[0], self.fw.evaluate(lines[0]))

    def test_a_dict_that_fails_leaves_nothing_behind(self):
        # The C encoder is made once per batch; a dict it refuses must not
        # stay in its cycle check, which would keep it alive and take a
        # dict given again, mended, for a cycle.
        import gc
        import weakref

        class Odd:
            pass
        odd = Odd()
        gone = weakref.ref(odd)
        row = {'id': 'r', 'title': 't', 'facts': {'hosting': 'eu', 'x': [odd]}}
        del odd
        seen = []

        def gen():
            yield row
            del row['facts']['x']   # mended: the same dict, now serialisable
            gc.collect()
            seen.append(gone())
            yield row
        results = self.fw.evaluate_many(gen())
        self.assertEqual(seen, [None])
        self.assertEqual([r.ok for r in results], [False, True])
        self.assertEqual(results[1], self.fw.evaluate(row))

    def test_summaries_kept_in_bulk_are_the_streamed_ones(self):
        # More than one packed chunk of summaries (4096), errors and an
        # unknown path holding '|' among them: what evaluate_many keeps
        # reads back as what evaluate_stream yields one by one.
        odd = {'id': 'o', 'title': 't', 'facts': {'hosting': 'eu', 'ho|st': 1}}

        def gen():
            for i in range(9000):
                yield (None if i in (7, 4500) else odd if i % 1000 == 3
                       else dict(GOOD, id='g%d' % i))
        kept = self.fw.evaluate_many(gen(), detail='summary')
        streamed = list(self.fw.evaluate_stream(gen(), detail='summary'))
        self.assertEqual(len(kept), 9000)
        self.assertEqual(list(kept), streamed)
        self.assertEqual([e.index for e in kept.errors], [7, 4500])
        self.assertEqual([kept[i].id for i in (4095, 4096, 8191, 8192, 8999)],
                         ['g4095', 'g4096', 'g8191', 'g8192', 'g8999'])
        self.assertEqual(kept[3].unknown, ('$.facts["ho|st"]',))
        self.assertEqual(kept.records()[4003], self.fw.evaluate_many([odd], detail='summary')
                         .records()[0])


if __name__ == '__main__':
    unittest.main()
