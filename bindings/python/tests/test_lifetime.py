"""Lifetimes: frameworks and results dropped in any order, context managers,
weakref.finalize, a loop creating and freeing many objects, and objects
still alive at interpreter exit."""
import gc
import os
import pathlib
import random
import resource
import textwrap
import unittest
import weakref

import support
import boussole

VOIRIE = pathlib.Path(support.EXAMPLES, 'signalements-voirie.json')


def handle_of(fw):
    return fw._handle


class LifetimeTest(unittest.TestCase):
    def test_context_manager_releases_the_framework(self):
        with boussole.Framework.default() as fw:
            handle = weakref.ref(handle_of(fw))
            finalizer = handle().free
            self.assertTrue(finalizer.alive)
            fw.evaluate(VOIRIE)
        self.assertTrue(fw.closed)
        self.assertIsNone(handle())          # released at once: nothing else needed it
        self.assertFalse(finalizer.alive)    # bsl_framework_free ran

    def test_results_keep_what_they_need(self):
        with boussole.Framework.default() as fw:
            r = fw.evaluate(VOIRIE)
            many = fw.evaluate_many([VOIRIE, VOIRIE])
            finalizer = handle_of(fw).free
        # The framework is closed, but the results can still print themselves.
        self.assertTrue(finalizer.alive)
        self.assertTrue(str(r).startswith('Verdict'))
        self.assertEqual(many[1].to_json(), r.to_json())
        del r
        gc.collect()
        self.assertTrue(finalizer.alive)     # `many` still holds it
        del many
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_garbage_collection_releases_the_framework(self):
        fw = boussole.Framework.default()
        finalizer = handle_of(fw).free
        del fw
        gc.collect()
        self.assertFalse(finalizer.alive)

    def check_still_usable(self, objects):
        for other in objects:
            if isinstance(other, boussole.Result):
                self.assertEqual(other.to_dict()['format'], 'boussole-result/2')
            elif isinstance(other, boussole.Results):
                self.assertEqual(len(other.records()), 2)
            elif isinstance(other, boussole.Framework) and not other.closed:
                self.assertEqual(other.evaluate(VOIRIE).score, 81.2)

    def test_drop_in_any_order(self):
        rng = random.Random(20240328)
        for round_ in range(40):
            fw = boussole.Framework.default()
            finalizer = handle_of(fw).free
            objects = [fw, fw.evaluate(VOIRIE), fw.evaluate_many([VOIRIE, '{"id": 1}']),
                       fw.evaluate(VOIRIE, lang='en')]
            objects.append(objects[2][0])    # a Result out of a batch
            objects.append(objects[2][1])    # an ErrorRecord
            if round_ % 2:
                fw.close()
            del fw
            rng.shuffle(objects)
            while objects:
                obj = objects.pop()
                if isinstance(obj, boussole.Result):
                    self.assertTrue(str(obj))
                del obj
                self.check_still_usable(objects)   # whatever is left still works
            gc.collect()
            self.assertFalse(finalizer.alive)

    @unittest.skipIf(os.environ.get('BOUSSOLE_SANITIZED'), 'ASan keeps freed memory in quarantine')
    def test_many_objects_do_not_leak(self):
        def cycle(n):
            for i in range(n):
                with boussole.Framework.default() as fw:
                    r = fw.evaluate(VOIRIE)
                    many = fw.evaluate_many([VOIRIE, '{"id": %d}' % i])
                    str(many[0])
                    del r, many
                fw2 = boussole.Framework.load(support.NANTES)
                fw2.evaluate_many([VOIRIE])
                del fw2
        cycle(30)   # warm up the allocators
        gc.collect()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cycle(300)
        gc.collect()
        grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        # A framework is ~100 KiB of C memory: 300 leaked ones would show.
        self.assertLess(grown_kib, 8 * 1024, 'peak RSS grew by %d KiB' % grown_kib)

    def test_objects_alive_at_exit(self):
        code = textwrap.dedent('''
            import boussole, pathlib, sys
            fw = boussole.Framework.default()
            r = fw.evaluate(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else %r))
            many = fw.evaluate_many([pathlib.Path(%r)] * 3)
            class Cycle: pass
            c = Cycle(); c.self = c; c.fw = fw; c.r = r; c.many = many
            closed = boussole.Framework.default(); closed.close()
            r2 = closed  # a closed framework alive at exit
            print(r.verdict.value)
        ''' % (str(VOIRIE), str(VOIRIE)))
        p = support.run_python(code)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), 'favorable_with_reservations')
        self.assertEqual(p.stderr, '')

    def test_daemon_threads_evaluating_at_exit(self):
        code = textwrap.dedent('''
            import boussole, pathlib, threading
            fw = boussole.Framework.default()
            started = threading.Event()
            def loop():
                started.set()
                while True:
                    fw.evaluate_many([pathlib.Path(%r)] * 20).records()
            for _ in range(3):
                threading.Thread(target=loop, daemon=True).start()
            started.wait()
            print('exiting')
        ''' % str(VOIRIE))
        for _ in range(3):
            p = support.run_python(code)
            self.assertEqual((p.returncode, p.stdout.strip()), (0, 'exiting'), p.stderr)


if __name__ == '__main__':
    unittest.main()
