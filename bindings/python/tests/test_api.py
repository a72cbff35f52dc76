"""The public Python API: version, frameworks, inputs, Result and its parts,
enums against the library's tokens, rendering, HTML, records."""
import dataclasses
import json
import os
import pathlib
import re
import subprocess
import sys
import unittest

import support
import boussole
from boussole._native import lib

VOIRIE = pathlib.Path(support.EXAMPLES, 'signalements-voirie.json')


class _PathLike:
    """An os.PathLike that is not a pathlib.Path."""
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return str(self.path)


class VersionTest(unittest.TestCase):
    def test_version_is_the_library_version(self):
        self.assertEqual(boussole.__version__, lib.bsl_version_string().decode())
        major, minor, patch = map(int, boussole.__version__.split('.'))
        self.assertEqual(boussole.version_number, major * 10000 + minor * 100 + patch)

    def test_version_matches_meson_and_pyproject(self):
        meson = support.read_text(os.path.join(support.ROOT, 'meson.build'))
        self.assertEqual(re.search(r"version\s*:\s*'([^']+)'", meson).group(1), boussole.__version__)
        pyproject = support.read_text(os.path.join(support.BINDING, 'pyproject.toml'))
        self.assertEqual(re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1),
                         boussole.__version__)

    def test_result_provenance_names_the_library(self):
        r = boussole.Framework.default().evaluate(VOIRIE)
        self.assertEqual(r.provenance.library_name, 'libboussole')
        self.assertEqual(r.provenance.library_version, boussole.__version__)


class FrameworkTest(unittest.TestCase):
    def test_frameworks_lists_the_embedded_ids(self):
        ids = boussole.frameworks()
        self.assertEqual(ids[0], 'nantes-2024')
        self.assertEqual(len(ids), lib.bsl_embedded_framework_count())

    def test_default(self):
        fw = boussole.Framework.default()
        self.assertEqual(fw.id, 'nantes-2024')
        self.assertEqual(fw.version, '1.1.0')
        self.assertRegex(fw.sha256, '^[0-9a-f]{64}$')
        self.assertEqual(fw.criterion_ids, ('C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'))
        self.assertIn('Boussole', fw.title('fr'))
        self.assertIn('boussole', fw.title('en'))
        self.assertTrue(fw.criterion_title('C1', 'en').startswith('No biometric identification'))
        self.assertIn('nantes-2024', repr(fw))
        self.assertEqual(boussole.Framework.embedded('nantes-2024').sha256, fw.sha256)

    def test_load_from_every_kind_of_input(self):
        sha = boussole.Framework.default().sha256
        text = support.read_text(support.NANTES)
        for what, arg in [('Path', support.NANTES), ('PathLike', _PathLike(support.NANTES)),
                          ('JSON str', text), ('JSON bytes', text.encode()),
                          ('dict', json.loads(text)), ('bytearray', bytearray(text.encode()))]:
            with self.subTest(what):
                with boussole.Framework.load(arg) as fw:
                    self.assertEqual(fw.sha256, sha)

    def test_constructor_is_not_public(self):
        with self.assertRaises(TypeError):
            boussole.Framework(0x1234)

    def test_wrong_input_type(self):
        with self.assertRaises(TypeError):
            boussole.Framework.load(42)
        fw = boussole.Framework.default()
        with self.assertRaises(TypeError):
            fw.evaluate(3.5)
        with self.assertRaises(TypeError):
            fw.evaluate({'id': 'x', 'title': 't', 'facts': {'users_per_year': object()}})
        with self.assertRaises(ValueError):
            fw.evaluate(VOIRIE, lang='de')


class PathRuleTest(unittest.TestCase):
    """Only an os.PathLike names a file: text is never a file name."""
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()

    def test_a_str_is_never_a_file_name(self):
        for f in (str(VOIRIE), str(support.NANTES), '/etc/passwd', 'signalements-voirie.json'):
            with self.subTest(f):
                with self.assertRaises(boussole.JSONSyntaxError) as cm:
                    self.fw.evaluate(f)
                self.assertIsNone(cm.exception.source)
                with self.assertRaises(boussole.JSONSyntaxError):
                    boussole.Framework.load(f)
                rec = self.fw.evaluate_many([f])[0]
                self.assertEqual((rec.name, rec.source), ('syntax', None))
                with self.assertRaises(boussole.JSONSyntaxError):
                    self.fw.evaluate(f.encode())

    def test_evaluate_many_refuses_a_single_use_case(self):
        for arg in ({'id': 'x', 'title': 't', 'facts': {}}, '{"id": "x"}', b'{}', VOIRIE):
            with self.subTest(type(arg).__name__):
                with self.assertRaises(TypeError):
                    self.fw.evaluate_many(arg)
        self.assertEqual(len(self.fw.evaluate_many(({'id': 'x', 'title': 't', 'facts': {}},))), 1)

    def test_embedded_id_must_be_a_str(self):
        for arg in (123, b'nantes-2024', ['nantes-2024']):
            with self.subTest(arg):
                with self.assertRaises(TypeError):
                    boussole.Framework.embedded(arg)

    def test_nul_in_a_path_or_an_id(self):
        with self.assertRaises(ValueError):
            boussole.Framework.embedded('nantes-2024\0x')
        bad = pathlib.Path(str(VOIRIE) + '\0.txt')
        with self.assertRaises(ValueError):
            self.fw.evaluate(bad)
        with self.assertRaises(ValueError):
            self.fw.evaluate_many([bad])
        with self.assertRaises(ValueError):
            boussole.Framework.load(pathlib.Path(str(support.NANTES) + '\0x'))


class VerdictOrderTest(unittest.TestCase):
    def test_verdicts_order_by_severity(self):
        V = boussole.Verdict
        self.assertEqual(sorted(V, reverse=True)[-1], V.RED_LINE)
        self.assertEqual(sorted([V.FAVORABLE, V.RED_LINE, V.UNFAVORABLE, V.INCOMPLETE,
                                 V.FAVORABLE_WITH_RESERVATIONS]), list(V))
        self.assertEqual(min(V.FAVORABLE, V.FAVORABLE_WITH_RESERVATIONS), V.FAVORABLE_WITH_RESERVATIONS)
        self.assertLess(V.INCOMPLETE, V.FAVORABLE)          # alphabetically 'f' < 'i'
        self.assertGreater(V.FAVORABLE, 'unfavorable')      # a token compares as its verdict
        self.assertLessEqual(V.RED_LINE, V.RED_LINE)
        self.assertGreaterEqual(V.FAVORABLE, V.FAVORABLE)
        with self.assertRaises(TypeError):
            V.FAVORABLE < 'excellent'
        self.assertEqual(V.FAVORABLE, 'favorable')          # still a str

    def test_worst_of_a_register(self):
        fw = boussole.Framework.default()
        results = fw.evaluate_many(support.example_files())
        worst = min(r.verdict for r in results.results)
        self.assertEqual(worst, boussole.Verdict.RED_LINE)


class DefaultLanguageTest(unittest.TestCase):
    """Without lang, evaluate and evaluate_many follow the locale as the CLI does."""
    def lang_with(self, **env):
        code = ('import boussole, pathlib, sys; fw = boussole.Framework.default(); '
                'p = pathlib.Path(sys.argv[1]); '
                'print(fw.evaluate(p).lang, fw.evaluate_many([p])[0].lang)')
        clean = {k: None for k in ('LC_ALL', 'LC_MESSAGES', 'LANG')}
        clean.update(env)
        p = subprocess.run([sys.executable, '-c', code, str(VOIRIE)], capture_output=True,
                           text=True, env=support.python_env(**clean))
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.split()

    def test_locale(self):
        for env, want in [({}, 'fr'), ({'LANG': 'en_GB.UTF-8'}, 'en'), ({'LANG': 'C.UTF-8'}, 'fr'),
                          ({'LANG': 'fr_FR.UTF-8', 'LC_MESSAGES': 'en_US.UTF-8'}, 'en'),
                          ({'LANG': 'en_US.UTF-8', 'LC_ALL': 'de_DE.UTF-8'}, 'fr'),
                          ({'LC_ALL': '', 'LANG': 'en'}, 'en')]:
            with self.subTest(env):
                self.assertEqual(self.lang_with(**env), [want, want])


class ResultsHtmlTest(unittest.TestCase):
    def test_a_table_of_the_register(self):
        fw = boussole.Framework.default()
        rows = [{'id': '<b>&x', 'title': 't', 'facts': {'hosting': 'eu'}}, VOIRIE, '{"id": 1}']
        page = fw.evaluate_many(rows, lang='en')._repr_html_()
        self.assertEqual(page.count('<tr>'), 1 + 3)          # a head, one row per use-case
        self.assertIn('&lt;b&gt;&amp;x', page)
        self.assertNotIn('<b>&x', page)
        self.assertIn('signalements-voirie', page)
        self.assertIn('favorable with reservations', page)
        self.assertIn('81.2', page)
        for c in fw.criterion_ids:
            self.assertIn('<th>%s</th>' % c, page)
        self.assertIn('expected string, found number', page)   # the error row


class EvaluateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()
        cls.r = cls.fw.evaluate(VOIRIE, lang='fr')

    def test_every_kind_of_use_case_input_gives_the_same_result(self):
        text = support.read_text(VOIRIE)
        for what, arg in [('Path', VOIRIE), ('PathLike', _PathLike(VOIRIE)),
                          ('JSON str', text), ('JSON str with leading space', '\n  ' + text),
                          ('JSON bytes', text.encode()), ('dict', json.loads(text))]:
            with self.subTest(what):
                self.assertEqual(self.fw.evaluate(arg), self.r)

    def test_result_fields(self):
        r = self.r
        self.assertEqual(r.id, 'signalements-voirie')
        self.assertEqual(r.title, 'Tri assisté par IA des signalements de voirie')
        self.assertEqual(r.lang, 'fr')
        self.assertIs(r.verdict, boussole.Verdict.FAVORABLE_WITH_RESERVATIONS)
        self.assertEqual(r.verdict, 'favorable_with_reservations')   # a str enum
        self.assertEqual(r.verdict_label, 'favorable sous réserves')
        self.assertEqual(r.score, 81.2)
        self.assertEqual([c.id for c in r.criteria], list(self.fw.criterion_ids))
        c1 = r.criteria[0]
        self.assertIsInstance(c1, boussole.CriterionResult)
        self.assertEqual((c1.score, c1.status, c1.met_threshold, c1.reservations_threshold),
                         (80.0, boussole.CriterionStatus.MET, 70.0, 40.0))
        self.assertIs(r.criterion('C1'), c1)
        with self.assertRaises(KeyError):
            r.criterion('C99')
        o = c1.indicators[0]
        self.assertIsInstance(o, boussole.IndicatorOutcome)
        self.assertEqual((o.criterion, o.fact, o.value, o.rule, o.missing),
                         ('C1', 'biometric_identification', False, 'level:false', False))
        sensitive = [o for o in c1.indicators if o.fact == 'sensitive_data'][0]
        self.assertEqual(sensitive.value, ())   # JSON arrays become tuples
        self.assertEqual(r.missing, ())
        self.assertEqual(r.red_lines, ())
        self.assertIsInstance(r.reasons[0], boussole.Reason)
        self.assertIsInstance(r.reasons[0].kind, boussole.ReasonKind)
        self.assertTrue(r.remediations)
        self.assertTrue(all(isinstance(m, boussole.Remediation) for m in r.remediations))
        self.assertEqual(r.provenance.framework_sha256, self.fw.sha256)
        self.assertTrue(r.ok)

    def test_necessary_condition(self):
        # Nantes with service_need "none" failing a necessary condition
        # (REFERENTIEL §6): C3 is not_met whatever its score.
        doc = json.loads(support.read_text(os.path.join(support.ROOT, 'frameworks', 'nantes-2024.json')))
        for c in doc['criteria']:
            for ind in c['indicators']:
                if ind['fact'] == 'service_need':
                    ind['levels'][0]['fails_necessary_condition'] = True
        uc = json.loads(support.read_text(VOIRIE))
        uc['facts']['service_need'] = 'none'
        with boussole.Framework.load(doc) as fw:
            r = fw.evaluate(uc)
            self.assertEqual(r.failed_conditions, ('service_need',))
            self.assertIs(r.criterion('C3').status, boussole.CriterionStatus.NOT_MET)
            self.assertIs(r.verdict, boussole.Verdict.UNFAVORABLE)
            o = [o for o in r.criterion('C3').indicators if o.fact == 'service_need'][0]
            self.assertTrue(o.fails_necessary_condition)
            self.assertFalse(o.red_line)
            self.assertEqual([(x.kind, x.fact) for x in r.reasons][:1],
                             [(boussole.ReasonKind.NECESSARY_CONDITION, 'service_need')])
            self.assertNotIn(('not_met', 'C3'), [(x.kind.value, x.criterion) for x in r.reasons])
            recs = fw.evaluate_many([uc]).records()
            self.assertEqual((recs[0]['C3_status'], recs[0]['verdict']), ('not_met', 'unfavorable'))
        self.assertEqual(self.r.failed_conditions, ())
        self.assertFalse(any(o.fails_necessary_condition for c in self.r.criteria for o in c.indicators))

    def test_missing_and_unknown(self):
        r = self.fw.evaluate({'id': 'x', 'title': 't', 'facts': {'hostnig': 'eu'}}, lang='en')
        self.assertIs(r.verdict, boussole.Verdict.INCOMPLETE)
        self.assertIn('hosting', r.missing)
        self.assertEqual(r.unknown, (boussole.UnknownKey('hostnig', '$.facts.hostnig', 'hosting'),))
        # Nothing answered: no score anywhere, None rather than a made-up 0.
        self.assertIsNone(r.score)
        self.assertEqual([c.score for c in r.criteria], [None] * len(r.criteria))
        self.assertIsNone(r.criterion('C2').indicators[0].points)
        self.assertEqual(r.to_dict()['score'], None)
        leaks = self.fw.evaluate(pathlib.Path(support.EXAMPLES, 'detection-fuites-eau.json'))
        dpia = [o for o in leaks.criterion('C2').indicators if o.fact == 'dpia'][0]
        self.assertEqual((dpia.not_applicable, dpia.points), (True, None))
        recs = self.fw.evaluate_many([{'id': 'x', 'title': 't', 'facts': {}}]).records()
        self.assertEqual((recs[0]['score'], recs[0]['C1_score']), (None, None))
        red = self.fw.evaluate(pathlib.Path(support.EXAMPLES,
                                            'videoprotection-tramway-reconnaissance-faciale.json'))
        self.assertIs(red.verdict, boussole.Verdict.RED_LINE)
        self.assertIn('biometric_identification', red.red_lines)

    def test_frozen_and_hashable(self):
        with self.assertRaises(dataclasses.FrozenInstanceError):
            self.r.score = 100
        with self.assertRaises(dataclasses.FrozenInstanceError):
            self.r.criteria[0].score = 100
        self.assertEqual(hash(self.r), hash(self.fw.evaluate(VOIRIE)))
        self.assertEqual(len({self.r, self.fw.evaluate(VOIRIE)}), 1)
        self.assertNotEqual(self.r, self.fw.evaluate(VOIRIE, lang='en'))

    def test_results_are_lazy_and_equal_to_built_ones(self):
        # evaluate() reads the scalars with the accessors; the rest is built
        # on first access and is then what a full build from the JSON gives.
        for lang in ('fr', 'en'):
            for path in sorted(pathlib.Path(support.EXAMPLES).glob('*.json')):
                with self.subTest(lang=lang, example=path.name):
                    r = self.fw.evaluate(path, lang=lang)
                    self.assertNotIn('criteria', r.__dict__)
                    self.assertNotIn('reasons', r.__dict__)
                    full = boussole._model.result_from_doc(json.loads(r.to_json()), None, None)
                    self.assertEqual((r.id, r.title, r.verdict, r.verdict_label, r.score),
                                     (full.id, full.title, full.verdict, full.verdict_label,
                                      full.score))
                    self.assertNotIn('criteria', r.__dict__)   # the scalars built nothing
                    self.assertEqual(r, full)                  # compares every field
                    self.assertEqual(r.reasons, full.reasons)
                    self.assertIn('criteria', r.__dict__)
                    many = self.fw.evaluate_many([path], lang=lang)[0]
                    self.assertNotIn('criteria', many.__dict__)
                    self.assertEqual((many.verdict, many.score, many.title), (r.verdict, r.score,
                                                                              r.title))
                    self.assertEqual(many, full)
        with self.assertRaises(AttributeError):
            self.fw.evaluate(VOIRIE).no_such_field
        self.assertFalse(hasattr(self.fw.evaluate(VOIRIE), '__deepcopy__x'))

    def test_to_dict_and_to_json(self):
        d = self.r.to_dict()
        self.assertEqual(d['format'], 'boussole-result/2')
        self.assertEqual(json.loads(self.r.to_json()), d)
        self.assertEqual(json.loads(self.r.to_json(compact=True)), d)
        self.assertNotIn('\n', self.r.to_json(compact=True)[:-1])
        self.assertTrue(self.r.to_json().endswith('\n}\n'))
        d['score'] = 0      # a copy
        self.assertEqual(self.r.to_dict()['score'], 81.2)
        self.assertEqual(json.loads(self.r.to_json(lang='en'))['lang'], 'en')

    def test_str_is_the_text_report(self):
        text = str(self.r)
        self.assertTrue(text.startswith('Verdict\u00a0: favorable sous réserves (score global 81,2/100)\n'))
        self.assertEqual(text, self.r.text())
        self.assertTrue(self.r.text('en').startswith('Verdict: favorable with reservations'))
        self.assertIn("signalements-voirie", repr(self.r))

    def test_repr_html_is_an_escaped_table(self):
        r = self.fw.evaluate({'id': 'x', 'title': '<script>alert("&")</script>', 'facts': {}})
        h = r._repr_html_()
        self.assertNotIn('<script>', h)
        self.assertIn('&lt;script&gt;alert(&quot;&amp;&quot;)&lt;/script&gt;', h)
        self.assertEqual(h.count('<tr>'), 1 + len(r.criteria))
        h = self.r._repr_html_()
        for c in self.r.criteria:
            self.assertIn('<td>%s</td>' % c.id, h)
            self.assertIn('%.1f' % c.score if c.score is not None else '\u2014', h)
            self.assertIn(c.status_label, h)

    def test_repr_html_colours_statuses_and_says_them(self):
        red = self.fw.evaluate(pathlib.Path(support.EXAMPLES, 'videoprotection-tramway-reconnaissance-faciale.json'),
                               lang='en')._repr_html_()
        self.assertIn('<td class="boussole-red_line" style="background:#721c24;color:#ffffff;font-weight:bold">'
                      'red line</td>', red)
        self.assertIn('class="boussole-met"', self.r._repr_html_())


class EnumTest(unittest.TestCase):
    """The enums' values are the library's own tokens, in the C order."""

    def test_verdict(self):
        self.assertEqual([v.value for v in boussole.Verdict],
                         [lib.bsl_verdict_token(i).decode() for i in range(5)])
        self.assertIsNone(lib.bsl_verdict_token(5))
        self.assertEqual([v.rank for v in boussole.Verdict], list(range(5)))
        self.assertEqual(str(boussole.Verdict.RED_LINE), 'red_line')
        self.assertEqual(boussole.Verdict('favorable'), boussole.Verdict.FAVORABLE)

    def test_criterion_status(self):
        self.assertEqual([s.value for s in boussole.CriterionStatus],
                         [lib.bsl_criterion_status_token(i).decode() for i in range(6)])
        self.assertIsNone(lib.bsl_criterion_status_token(6))
        self.assertEqual(boussole.CriterionStatus('incomplete'), boussole.CriterionStatus.INCOMPLETE)

    def test_reason_kind(self):
        self.assertEqual([k.value for k in boussole.ReasonKind],
                         [lib.bsl_reason_kind_token(i).decode() for i in range(7)])
        self.assertIsNone(lib.bsl_reason_kind_token(7))


class RecordsTest(unittest.TestCase):
    def test_columns(self):
        fw = boussole.Framework.default()
        recs = fw.evaluate_many([VOIRIE]).records()
        self.assertEqual(list(recs[0]), ['id', 'title', 'verdict', 'score']
                         + [c + s for c in fw.criterion_ids for s in ('_score', '_status')]
                         + ['missing', 'red_lines', 'error', 'missing_facts', 'failed_conditions',
                            'unknown', 'framework', 'framework_version'])
        self.assertEqual(recs[0]['C1_score'], 80.0)
        self.assertEqual(recs[0]['C1_status'], 'met')
        self.assertEqual(recs[0]['verdict'], 'favorable_with_reservations')
        self.assertIs(type(recs[0]['verdict']), str)
        self.assertEqual(recs[0]['missing'], 0)
        self.assertEqual(recs[0]['red_lines'], '')
        self.assertIsNone(recs[0]['error'])


if __name__ == '__main__':
    unittest.main()
