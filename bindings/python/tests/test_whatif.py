"""Framework.whatif(): the plan read back from the library, and true: the
changes written into the use-case and evaluated again give the verdict and
score announced."""
import pathlib
import unittest

import support
import boussole

VOIRIE = pathlib.Path(support.EXAMPLES, 'signalements-voirie.json')
FACIALE = pathlib.Path(support.EXAMPLES, 'videoprotection-tramway-reconnaissance-faciale.json')


class WhatIfTest(unittest.TestCase):
    def test_plan_applied_gives_the_announced_verdict(self):
        fw = boussole.Framework.embedded('nantes-2024')
        plan = fw.whatif(VOIRIE, lang='en')
        self.assertTrue(plan.reachable)
        self.assertEqual([c.fact for c in plan.changes], ['energy_kwh_per_year', 'hosting_efficiency'])
        self.assertEqual(plan.changes[0].from_value, 2400)
        doc = __import__('json').loads(VOIRIE.read_text(encoding='utf-8'))
        for c in plan.changes:
            doc['facts'][c.fact] = c.to
        r = fw.evaluate(doc, lang='en')
        self.assertEqual((r.verdict, r.score), (plan.verdict_after, plan.score_after))
        self.assertIs(plan.verdict_after, boussole.Verdict.FAVORABLE)
        self.assertIn('energy_kwh_per_year', str(plan))
        self.assertIn('| `hosting_efficiency` |', plan.to_markdown())
        self.assertEqual(plan.to_dict()['format'], 'boussole-whatif/1')

    def test_not_actionable_fact_blocks(self):
        plan = boussole.Framework.embedded('nantes-2024').whatif(FACIALE, lang='en')
        self.assertFalse(plan.reachable)
        self.assertEqual(plan.changes, ())
        self.assertEqual(plan.blocked_by, ('ai_act_risk',))

    def test_target_and_errors(self):
        fw = boussole.Framework.embedded('nantes-2024')
        with self.assertRaises(ValueError):
            fw.whatif(VOIRIE, target='unfavorable')
        with self.assertRaises(boussole.SchemaError):
            fw.whatif({'id': 'x', 'title': 't', 'facts': {'hosting': 'moon'}})
        plan = fw.whatif(VOIRIE, target='favorable_with_reservations')
        self.assertIs(plan.target, boussole.Verdict.FAVORABLE_WITH_RESERVATIONS)

    def test_search_budget(self):
        # classement-courrier's plan takes some hundred states: 10 run out
        fw = boussole.Framework.embedded('nantes-2024')
        courrier = pathlib.Path(support.EXAMPLES, 'classement-courrier.json')
        full, tiny = fw.whatif(courrier, lang='en'), fw.whatif(courrier, lang='en', max_nodes=10)
        self.assertFalse(full.search_limit_reached)
        self.assertTrue(tiny.search_limit_reached)
        self.assertTrue(tiny.to_dict()['search_limit_reached'])
        self.assertIn('Search limit reached', str(tiny))
        self.assertEqual(fw.whatif(courrier, lang='en', max_nodes=2 ** 32 - 1).to_dict(), full.to_dict())
        for bad in (0, -1, 2 ** 32):
            with self.assertRaises(ValueError):
                fw.whatif(courrier, max_nodes=bad)
        for bad in (True, 10.0, '10'):
            with self.assertRaises(TypeError):
                fw.whatif(courrier, max_nodes=bad)


if __name__ == '__main__':
    unittest.main()
