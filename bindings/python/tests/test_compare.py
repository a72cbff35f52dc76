"""boussole.compare(): use-cases under several frameworks, read back from the
library's comparison, and agreeing with Framework.evaluate()."""
import os
import pathlib
import unittest

import support
import boussole

VOIRIE = pathlib.Path(support.EXAMPLES, 'signalements-voirie.json')
OLD = pathlib.Path(support.ROOT, 'tests', 'data', 'nantes-2024-1.0.0.json')


class CompareTest(unittest.TestCase):
    def test_every_embedded_framework_by_default(self):
        c = boussole.compare(VOIRIE, lang='en')
        self.assertEqual(c.frameworks, tuple(boussole.frameworks()))
        self.assertEqual(len(c.usecases), 1)
        u = c.usecases[0]
        self.assertEqual(u.id, 'signalements-voirie')
        for fid in c.frameworks:
            r = boussole.Framework.embedded(fid).evaluate(VOIRIE, lang='en')
            cell = u.result(fid)
            self.assertEqual((cell.verdict, cell.score, cell.missing, cell.red_lines),
                             (r.verdict, r.score, r.missing, r.red_lines))

    def test_a_matrix_of_use_cases_and_given_frameworks(self):
        nantes, old = boussole.Framework.default(), boussole.Framework.load(OLD)
        no_need = nantes.template()
        no_need['id'], no_need['title'] = 'sans-besoin', 'Sans besoin'
        no_need['facts'].update({'service_need': 'none'})
        c = boussole.compare([VOIRIE, no_need], frameworks=[nantes, old], lang='en')
        self.assertEqual(len(c.usecases), 2)
        self.assertEqual(c.usecases[1].results[0].framework, 'nantes-2024')
        self.assertIn('service_need', c.usecases[1].results[0].failed_conditions)
        self.assertEqual(c.usecases[1].results[1].failed_conditions, ())
        self.assertIn('| Use-case |', c.to_markdown())
        self.assertIn('Use-case: ', str(c))
        self.assertEqual(len(c.records()), 4)
        self.assertEqual(c.to_dict()['format'], 'boussole-comparison/1')

    def test_errors(self):
        with self.assertRaises(boussole.SchemaError):
            boussole.compare({'id': 'u', 'title': 'U', 'facts': {'hosting': 'mars'}})
        with self.assertRaises(ValueError):
            boussole.compare([])
        with self.assertRaises(TypeError):
            boussole.compare(VOIRIE, frameworks='nantes-2024')
        with self.assertRaises(boussole.NotFoundError):
            boussole.compare(VOIRIE, frameworks=['paris-2030'])


if __name__ == '__main__':
    unittest.main()
