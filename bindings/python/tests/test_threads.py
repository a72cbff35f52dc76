"""Several threads evaluating on one Framework give exactly the results of
one thread; the C calls release the GIL."""
import ctypes
import threading
import unittest

import support
import boussole
from boussole._native import lib

THREADS = 8
ROUNDS = 6


class ThreadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()
        cls.files = support.example_files()
        cls.bad = ['{"id": 1}', '{"id": "x", "title": "t", "facts": {"hosting": "moon"}}']
        cls.want = {lang: [cls.fw.evaluate(f, lang=lang).to_dict() for f in cls.files]
                    for lang in ('fr', 'en')}
        cls.want_text = {lang: str(cls.fw.evaluate(cls.files[0], lang=lang)) for lang in ('fr', 'en')}
        cls.want_records = cls.fw.evaluate_many(cls.files + cls.bad, lang='fr').records()

    def run_threads(self, work):
        errors = []
        barrier = threading.Barrier(THREADS)

        def body(k):
            try:
                barrier.wait()
                for i in range(ROUNDS):
                    work(k, i)
            except BaseException as e:   # reported below, in the main thread
                errors.append(e)
        threads = [threading.Thread(target=body, args=(k,)) for k in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]

    def test_evaluate_from_many_threads(self):
        def work(k, i):
            lang = ('fr', 'en')[(k + i) % 2]
            got = [self.fw.evaluate(f, lang=lang).to_dict() for f in self.files]
            self.assertEqual(got, self.want[lang])
            self.assertEqual(str(self.fw.evaluate(self.files[0], lang=lang)), self.want_text[lang])
            with self.assertRaises(boussole.SchemaError):
                self.fw.evaluate(self.bad[0])
        self.run_threads(work)

    def test_evaluate_many_from_many_threads(self):
        def work(k, i):
            lang = ('fr', 'en')[(k + i) % 2]
            results = self.fw.evaluate_many(self.files + self.bad, lang=lang)
            self.assertEqual([r.to_dict() for r in results.results], self.want[lang])
            self.assertEqual(len(results.errors), 2)
            if lang == 'fr':
                self.assertEqual(results.records(), self.want_records)
        self.run_threads(work)

    def test_one_results_object_read_from_many_threads(self):
        results = self.fw.evaluate_many(self.files * 4)
        seen = [None] * THREADS

        def work(k, i):
            seen[k] = [r.to_dict() for r in results]
        self.run_threads(work)
        for s in seen:
            self.assertEqual(s, self.want['fr'] * 4)
        # Each position was built once, whatever the thread that got there first.
        self.assertEqual(len({id(results[i]) for _ in range(3) for i in range(len(results))}),
                         len(results))

    def test_frameworks_loaded_and_closed_in_threads(self):
        def work(k, i):
            with boussole.Framework.default() as fw:
                self.assertEqual(fw.evaluate(self.files[k % len(self.files)]).to_dict(),
                                 self.want['fr'][k % len(self.files)])
        self.run_threads(work)

    def test_the_library_is_called_without_the_gil(self):
        # ctypes.CDLL (not PyDLL) releases the GIL around every call.
        self.assertIs(type(lib), ctypes.CDLL)
        self.assertFalse(isinstance(lib, ctypes.PyDLL))


if __name__ == '__main__':
    unittest.main()
