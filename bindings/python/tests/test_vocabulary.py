"""The fact vocabulary from Python: boussole.vocabulary(), Framework.facts,
and their agreement with what the library checks and requires."""
import dataclasses
import json
import pathlib
import unittest

import support
import boussole


class VocabularyTest(unittest.TestCase):
    def test_every_fact_once_with_labels_and_help(self):
        facts = boussole.vocabulary()
        self.assertEqual(len(facts), 75)
        self.assertEqual(len({f.key for f in facts}), 75)
        for f in facts:
            self.assertIn(f.type, ('boolean', 'enum', 'number', 'set', 'text'), f.key)
            self.assertTrue(f.label.fr and f.label.en, f.key)
            self.assertTrue(f.help and f.help.fr and f.help.en, f.key)
            self.assertEqual(bool(f.values), f.type in ('enum', 'set'), f.key)
            for v in f.values:
                self.assertTrue(v.label.fr and v.label.en, (f.key, v.value))
            self.assertIsNone(f.criterion)

    def test_values_and_bounds(self):
        by_key = {f.key: f for f in boussole.vocabulary()}
        self.assertEqual(by_key['hosting'].allowed, ('non_eu', 'eu', 'france'))
        self.assertEqual(by_key['social_scoring'].allowed, (False, True))
        self.assertEqual(by_key['measured_gain_percent'].min, -100)
        self.assertIsNone(by_key['measured_gain_percent'].max)
        self.assertEqual(by_key['energy_kwh_per_year'].unit.get('en'), 'kWh/year')
        self.assertIn('sexual_orientation', by_key['sensitive_data'].allowed)

    def test_frozen_and_hashable(self):
        f = boussole.vocabulary()[0]
        with self.assertRaises(dataclasses.FrozenInstanceError):
            f.key = 'x'
        self.assertEqual(hash(f), hash(boussole.vocabulary()[0]))


class FrameworkFactsTest(unittest.TestCase):
    def setUp(self):
        self.fw = boussole.Framework.default()

    def test_the_framework_reads_vocabulary_facts(self):
        facts = self.fw.facts
        self.assertEqual(len(facts), 43)
        keys = {f.key for f in boussole.vocabulary()}
        self.assertTrue(all(f.key in keys for f in facts))
        self.assertEqual([f.criterion for f in facts][:7], ['C1'] * 7)
        dpia = next(f for f in facts if f.key == 'dpia')
        self.assertTrue(dpia.required)
        self.assertEqual(dpia.applies_if,
                         boussole.Condition('personal_data', ('identifying', 'pseudonymised'), False))
        gate = next(f for f in facts if f.key == 'biometric_identification')
        self.assertEqual(gate.weight, 0)

    def test_a_blank_use_case_lists_every_required_fact_as_missing(self):
        facts = self.fw.facts
        blank = {'id': 'blank', 'title': 'Blank', 'facts': {f.key: None for f in facts}}
        r = self.fw.evaluate(blank)
        self.assertEqual(r.verdict, boussole.Verdict.INCOMPLETE)
        self.assertEqual(list(r.missing), [f.key for f in facts if f.required])

    def test_every_value_the_facts_allow_is_accepted(self):
        for f in self.fw.facts:
            for v in f.allowed:
                value = [v] if f.type == 'set' else v
                self.fw.evaluate({'id': 'u', 'title': 'U', 'facts': {f.key: value}})

    def test_format_1_facts_have_no_help(self):
        old = boussole.Framework.load(pathlib.Path(support.ROOT, 'tests', 'data', 'nantes-2024-1.0.0.json'))
        self.assertEqual(len(old.facts), 43)
        self.assertIsNone(old.facts[5].help)
        self.assertIsNone(old.facts[5].values[0].label)


class DocumentsTest(unittest.TestCase):
    def setUp(self):
        self.fw = boussole.Framework.default()

    def test_describe_is_what_the_cli_prints(self):
        for fmt in ('markdown', 'text'):
            for lang in ('fr', 'en'):
                status, out, _ = support.cli('describe', '--format', fmt, '--lang', lang)
                self.assertEqual(status, 0)
                self.assertEqual(self.fw.describe(fmt, lang), out.decode('utf-8'))
        d = self.fw.describe('json', 'en')
        self.assertEqual(d['format'], 'boussole-description/1')
        with self.assertRaises(ValueError):
            self.fw.describe('pdf')

    def test_schema_and_template(self):
        schema = self.fw.schema('en')
        self.assertEqual(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema')
        facts = schema['properties']['facts']['properties']
        self.assertEqual(set(facts), {f.key for f in boussole.vocabulary()})
        blank = self.fw.template('en')
        self.assertEqual(list(blank['facts']), [f.key for f in self.fw.facts])
        self.assertTrue(all(v is None for v in blank['facts'].values()))
        self.assertEqual(self.fw.evaluate(blank).verdict, boussole.Verdict.INCOMPLETE)


class NotUsedTest(unittest.TestCase):
    def test_a_vocabulary_fact_the_framework_ignores_is_not_used(self):
        fw = boussole.Framework.default()
        r = fw.evaluate({'id': 'u', 'title': 'U',
                         'facts': {'provider_jurisdiction': 'eu', 'hostnig': 'eu'}})
        self.assertEqual(r.not_used, (boussole.NotUsedKey('provider_jurisdiction',
                                                          '$.facts.provider_jurisdiction'),))
        self.assertEqual([u.key for u in r.unknown], ['hostnig'])
        self.assertEqual(r.unknown[0].suggestion, 'hosting')
        with self.assertRaises(boussole.SchemaError) as cm:
            fw.evaluate({'id': 'u', 'title': 'U', 'facts': {'provider_jurisdiction': 'mars'}})
        self.assertEqual(cm.exception.path, '$.facts.provider_jurisdiction')

    def test_provenance_names_the_vocabulary(self):
        r = boussole.Framework.default().evaluate({'id': 'u', 'title': 'U', 'facts': {}})
        self.assertEqual(r.provenance.vocabulary_id, 'boussole')
        self.assertEqual(r.provenance.vocabulary_version, '1.0.0')
        self.assertEqual(len(r.provenance.vocabulary_sha256), 64)


class ImportGraphTest(unittest.TestCase):
    def test_no_module_of_the_package_imports_itself_back(self):
        # At run time: imports under `if TYPE_CHECKING:` are for mypy only.
        import ast
        import os
        pkg = os.path.dirname(boussole.__file__)
        graph = {}

        def runtime_nodes(tree):
            todo = [tree]
            while todo:
                node = todo.pop()
                yield node
                if (isinstance(node, ast.If) and isinstance(node.test, ast.Name)
                        and node.test.id == 'TYPE_CHECKING'):
                    todo.extend(node.orelse)
                else:
                    todo.extend(ast.iter_child_nodes(node))

        for name in os.listdir(pkg):
            if name.startswith('_') and name.endswith('.py') and name != '__init__.py':
                with open(os.path.join(pkg, name), encoding='utf-8') as f:
                    tree = ast.parse(f.read())
                deps = set()
                for node in runtime_nodes(tree):
                    if isinstance(node, ast.ImportFrom) and node.level == 1:
                        if node.module:
                            deps.add(node.module)
                        else:
                            deps.update(a.name for a in node.names)
                graph[name[:-3]] = deps & {n[:-3] for n in os.listdir(pkg) if n.endswith('.py')}

        def reaches(start, goal, seen=()):
            return any(d == goal or (d not in seen and reaches(d, goal, seen + (d,)))
                       for d in graph.get(start, ()))
        cycles = [m for m in graph if reaches(m, m)]
        self.assertEqual(cycles, [], graph)


if __name__ == '__main__':
    unittest.main()
