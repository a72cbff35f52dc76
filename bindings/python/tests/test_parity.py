"""Parity with the C CLI on every example use-case, in French and English:
the same verdict and scores, the same JSON bytes as
`boussole evaluate --format json`, the same text as `boussole evaluate`;
and evaluate_many agrees with evaluate."""
import json
import os
import unittest

import support
import boussole
from boussole import _model


class ParityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()
        cls.files = support.example_files()

    def test_there_are_twelve_examples(self):
        self.assertEqual(len(self.files), 12)

    def test_every_example_in_both_languages(self):
        for lang in ('fr', 'en'):
            for f in self.files:
                with self.subTest(example=os.path.basename(f), lang=lang):
                    status, cli_json, _ = support.cli('evaluate', '--format', 'json', '--lang', lang, f)
                    self.assertEqual(status, 0)
                    status, cli_text, _ = support.cli('evaluate', '--lang', lang, f)
                    self.assertEqual(status, 0)
                    r = self.fw.evaluate(f, lang=lang)
                    # Byte for byte.
                    self.assertEqual(r.to_json().encode('utf-8'), cli_json)
                    self.assertEqual(str(r).encode('utf-8'), cli_text)
                    # The same figures, read through the dataclasses.
                    doc = json.loads(cli_json)
                    self.assertEqual(r.to_dict(), doc)
                    self.assertEqual(r.verdict.value, doc['verdict'])
                    self.assertEqual(r.score, doc['score'])
                    self.assertEqual([(c.id, c.score, c.status.value) for c in r.criteria],
                                     [(c['id'], c['score'], c['status']) for c in doc['criteria']])
                    self.assertEqual([[(o.fact, o.points, o.rule) for o in c.indicators]
                                      for c in r.criteria],
                                     [[(o['fact'], o['points'], o['rule']) for o in c['indicators']]
                                      for c in doc['criteria']])
                    self.assertEqual(list(r.missing), doc['missing'])
                    self.assertEqual(list(r.red_lines), doc['red_lines'])
                    self.assertEqual([u.key for u in r.unknown], [u['key'] for u in doc['unknown']])
                    self.assertEqual([m.text for m in r.remediations],
                                     [m['text'] for m in doc['remediations']])
                    self.assertEqual([x.text for x in r.reasons], [x['text'] for x in doc['reasons']])
                    # Compact JSON is the same document.
                    self.assertEqual(json.loads(r.to_json(compact=True)), doc)

    def test_golden_files_too(self):
        golden = os.path.join(support.ROOT, 'tests', 'golden')
        for f in self.files:
            name = os.path.basename(f)[:-5]
            for lang in ('fr', 'en'):
                g = os.path.join(golden, '%s.%s.json' % (name, lang))
                if os.path.exists(g):
                    with self.subTest(name=name, lang=lang):
                        with open(g, 'rb') as gf:
                            self.assertEqual(self.fw.evaluate(f, lang=lang).to_json().encode(), gf.read())

    def test_markdown_matches_the_golden_files(self):
        golden = os.path.join(support.ROOT, 'tests', 'golden')
        for f in self.files:
            name = os.path.basename(f)[:-5]
            for lang in ('fr', 'en'):
                with self.subTest(name=name, lang=lang):
                    with open(os.path.join(golden, '%s.%s.md' % (name, lang)), 'rb') as gf:
                        self.assertEqual(self.fw.evaluate(f, lang=lang).to_markdown().encode(), gf.read())

    def test_evaluate_many_agrees_with_evaluate(self):
        for lang in ('fr', 'en'):
            single = [self.fw.evaluate(f, lang=lang) for f in self.files]
            many = self.fw.evaluate_many(self.files, lang=lang)
            self.assertEqual(list(many), single)
            self.assertEqual([r.to_dict() for r in many], [r.to_dict() for r in single])
            self.assertEqual(str(many[3]), str(single[3]))
            self.assertEqual(many[5].to_json(), single[5].to_json())
            # As dicts, JSON text and bytes too.
            docs = [json.loads(support.read_text(f)) for f in self.files]
            self.assertEqual(list(self.fw.evaluate_many(docs, lang=lang)), single)
            texts = [support.read_text(f) for f in self.files]
            self.assertEqual(list(self.fw.evaluate_many(texts, lang=lang)), single)
            self.assertEqual(list(self.fw.evaluate_many([t.encode() for t in texts], lang=lang)), single)

    def test_records_fast_path_equals_full_parse(self):
        ids = self.fw.criterion_ids
        tricky = {'id': '{"id":"C2","title":', 'title': '],"red_lines":["x"],"missing":[',
                  'facts': {'hosting': 'eu', '{"id":"C3","title":': 1},
                  'evidence': {'hosting': '"score":99'}}
        inputs = self.files + [tricky]
        for lang in ('fr', 'en'):
            results = self.fw.evaluate_many(inputs, lang=lang)
            fast = results.records()
            full = [_model.record_from_doc(r.to_dict(), ids) for r in results]
            self.assertEqual(fast, full)
            self.assertEqual(fast[-1]['id'], tricky['id'])
            self.assertEqual(fast[-1]['title'], tricky['title'])


if __name__ == '__main__':
    unittest.main()
