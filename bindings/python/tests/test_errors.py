"""Every kind of error as an exception, with the library's code, message,
line, column and path, checked against what the C CLI reports for the same
document."""
import copy
import json
import os
import pathlib
import pickle
import re
import tempfile
import unittest

import support
import boussole
from boussole import _errors

GOOD = {'id': 'x', 'title': 't', 'facts': {'hosting': 'eu'}}

# (what, text, exception class, name, line, column, path)
USECASE_CASES = [
    ('syntax: trailing comma',
     '{\n  "id": "x",\n  "title": "t",\n  "facts": {},\n}\n',
     boussole.JSONSyntaxError, 'syntax', 5, 1, ''),
    ('syntax: duplicate key',
     '{"id": "x", "id": "y", "title": "t", "facts": {}}',
     boussole.JSONSyntaxError, 'syntax', 1, 13, ''),
    ('syntax: bad UTF-8 after accents',
     b'{"id": "\xc3\xa9t\xc3\xa9", "title": "t\xff", "facts": {}}',
     boussole.JSONSyntaxError, 'syntax', 1, None, None),
    ('schema: wrong type',
     '{\n  "id": 12,\n  "title": "t",\n  "facts": {}\n}',
     boussole.SchemaError, 'type', 2, 9, '$.id'),
    ('schema: value not allowed',
     '{"id": "été", "title": "t",\n "facts": {"hosting": "moon"}}',
     boussole.SchemaError, 'enum', 2, 23, '$.facts.hosting'),
    ('schema: missing field',
     '{"id": "x", "facts": {}}',
     boussole.SchemaError, 'missing', 1, 1, '$.title'),
    ('schema: invalid value',
     '{"id": "x", "title": "t", "facts": {"users_per_year": -3}}',
     boussole.SchemaError, 'value', 1, 55, '$.facts.users_per_year'),
    ('schema: unknown top-level field',
     '{"id": "x", "title": "t", "facts": {}, "colour": "blue"}',
     boussole.SchemaError, 'value', 1, 40, '$.colour'),
    ('limit: number out of range',
     '{"id": "x", "title": "t", "facts": {"users_per_year": 1e999}}',
     boussole.LimitError, 'limit', 1, 55, None),
    ('limit: nesting too deep',
     '{"id": "x", "title": "t", "facts": {"sensitive_data": ' + '[' * 70 + ']' * 70 + '}}',
     boussole.LimitError, 'limit', 1, None, None),
    ('limit: string too long',
     '{"id": "x", "title": "' + 'a' * 70000 + '", "facts": {}}',
     boussole.LimitError, 'limit', 1, 22, None),
]

CLI_EXIT = {'syntax': 4, 'type': 5, 'enum': 5, 'missing': 5, 'value': 5, 'limit': 6, 'io': 3}


def parse_cli_error(stderr):
    """FILE:LINE:COL: error: MESSAGE (at PATH) -> (line, column, message, path)."""
    m = re.match(r'^.*?:(\d+):(\d+): error: (.*?)(?: \(at (\$[^)]*)\))?\n', stderr)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), m.group(3), m.group(4) or ''


class UseCaseErrorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_kind(self):
        for i, (what, text, cls, name, line, column, path) in enumerate(USECASE_CASES):
            with self.subTest(what):
                data = text if isinstance(text, bytes) else text.encode('utf-8')
                with self.assertRaises(cls) as cm:
                    self.fw.evaluate(data)
                e = cm.exception
                self.assertIsInstance(e, boussole.Error)
                self.assertEqual(e.name, name)
                self.assertEqual(e.code, {'syntax': -5, 'type': -6, 'enum': -7, 'missing': -8,
                                          'value': -9, 'limit': -4}[name])
                self.assertEqual(e.line, line)
                if column is not None:
                    self.assertEqual(e.column, column)
                if path is not None:
                    self.assertEqual(e.path, path)
                self.assertTrue(e.message)
                self.assertIsNone(e.source)
                # The same document in a file: the same error, the file named,
                # and exactly what the C CLI reports.
                f = os.path.join(self.tmp.name, 'case%d.json' % i)
                with open(f, 'wb') as out:
                    out.write(data)
                with self.assertRaises(cls) as cm2:
                    self.fw.evaluate(pathlib.Path(f))
                e2 = cm2.exception
                self.assertEqual((e2.code, e2.line, e2.column, e2.path, e2.message),
                                 (e.code, e.line, e.column, e.path, e.message))
                self.assertEqual(e2.source, f)
                status, _, stderr = support.cli('evaluate', f)
                self.assertEqual(status, CLI_EXIT[name])
                self.assertEqual(parse_cli_error(stderr), (e.line, e.column, e.message, e.path))
                self.assertTrue(str(e2).startswith('%s:%d:%d: %s' % (f, e.line, e.column, e.message)))

    def test_str_like_the_cli(self):
        with self.assertRaises(boussole.SchemaError) as cm:
            self.fw.evaluate('{"id": 1, "title": "t", "facts": {}}')
        self.assertEqual(str(cm.exception), '<input>:1:8: expected string, found number (at $.id)')

    def test_unreadable_file(self):
        missing = os.path.join(self.tmp.name, 'nope.json')
        with self.assertRaises(boussole.FileError) as cm:
            self.fw.evaluate(pathlib.Path(missing))
        e = cm.exception
        self.assertIsInstance(e, OSError)
        self.assertEqual((e.code, e.name, e.source, e.line, e.column, e.path),
                         (-3, 'io', missing, 0, 0, ''))
        self.assertIn('No such file', e.message)
        self.assertTrue(str(e).startswith(missing + ': '))

    def test_errors_pickle(self):
        with self.assertRaises(boussole.SchemaError) as cm:
            self.fw.evaluate('{"id": 1, "title": "t", "facts": {}}')
        e = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(e), boussole.SchemaError)
        self.assertEqual((e.code, e.line, e.column, e.path, e.message, str(e)),
                         (cm.exception.code, 1, 8, '$.id', cm.exception.message, str(cm.exception)))
        self.assertEqual((e.message_id, cm.exception.message_id), ('schema.type', 'schema.type'))


class FrameworkErrorTest(unittest.TestCase):
    def setUp(self):
        with open(support.NANTES, encoding='utf-8') as f:
            self.nantes = json.load(f)

    def test_schema_error_with_path(self):
        fw = copy.deepcopy(self.nantes)
        fw['criteria'][1]['weight'] = 'heavy'
        with self.assertRaises(boussole.SchemaError) as cm:
            boussole.Framework.load(fw)
        self.assertEqual(cm.exception.name, 'type')
        self.assertEqual(cm.exception.path, '$.criteria[1].weight')
        self.assertEqual(cm.exception.line, 1)

    def test_errors_in_a_framework_file_match_the_cli(self):
        text = support.read_text(support.NANTES)
        bad = text.replace('"id": "C3"', '"id": "C2"', 1)
        self.assertNotEqual(bad, text)
        with tempfile.TemporaryDirectory() as tmp:
            f = os.path.join(tmp, 'fw.json')
            with open(f, 'w', encoding='utf-8') as out:
                out.write(bad)
            with self.assertRaises(boussole.SchemaError) as cm:
                boussole.Framework.load(pathlib.Path(f))
            e = cm.exception
            self.assertEqual(e.source, f)
            self.assertGreater(e.line, 1)
            status, _, stderr = support.cli('check', f)
            self.assertEqual(status, 5)
            self.assertEqual(parse_cli_error(stderr), (e.line, e.column, e.message, e.path))
            # From text, the same position.
            with self.assertRaises(boussole.SchemaError) as cm:
                boussole.Framework.load(bad)
            self.assertEqual((cm.exception.line, cm.exception.column, cm.exception.path),
                             (e.line, e.column, e.path))

    def test_syntax_error(self):
        with self.assertRaises(boussole.JSONSyntaxError) as cm:
            boussole.Framework.load('{"id": "x",\n "version": tru}')
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 16))

    def test_unreadable_framework_file(self):
        with self.assertRaises(boussole.FileError) as cm:
            boussole.Framework.load(pathlib.Path('/nonexistent/fw.json'))
        self.assertEqual(cm.exception.code, -3)
        self.assertEqual(cm.exception.source, '/nonexistent/fw.json')
        self.assertTrue(cm.exception.message)   # the library's own message

    def test_not_found(self):
        with self.assertRaises(boussole.NotFoundError) as cm:
            boussole.Framework.embedded('paris-2031')
        self.assertIsInstance(cm.exception, LookupError)
        self.assertEqual((cm.exception.code, cm.exception.name), (-10, 'notfound'))
        self.assertTrue(cm.exception.message)


class ClassesTest(unittest.TestCase):
    def test_hierarchy(self):
        for cls in (boussole.JSONSyntaxError, boussole.SchemaError, boussole.LimitError,
                    boussole.OutOfMemoryError, boussole.FileError, boussole.NotFoundError,
                    boussole.ArgumentError):
            self.assertTrue(issubclass(cls, boussole.Error))
        self.assertTrue(issubclass(boussole.OutOfMemoryError, MemoryError))
        self.assertTrue(issubclass(boussole.JSONSyntaxError, ValueError))
        # The builtins are not shadowed.
        self.assertFalse(hasattr(boussole, 'SyntaxError'))
        self.assertFalse(hasattr(boussole, 'MemoryError'))

    def test_every_code_maps_to_its_class(self):
        want = {-1: boussole.OutOfMemoryError, -2: boussole.ArgumentError, -3: boussole.FileError,
                -4: boussole.LimitError, -5: boussole.JSONSyntaxError, -6: boussole.SchemaError,
                -7: boussole.SchemaError, -8: boussole.SchemaError, -9: boussole.SchemaError,
                -10: boussole.NotFoundError}
        for code, cls in want.items():
            e = _errors.make_error(code, 'm', 1, 2, '$.a')
            self.assertIs(type(e), cls)
            self.assertEqual((e.code, e.line, e.column, e.path), (code, 1, 2, '$.a'))
            self.assertNotEqual(e.name, 'unknown')
        self.assertIs(type(_errors.make_error(-99, 'm')), boussole.Error)

    def test_closed_framework(self):
        fw = boussole.Framework.default()
        fw.close()
        self.assertTrue(fw.closed)
        with self.assertRaises(boussole.ArgumentError):
            fw.evaluate(GOOD)
        with self.assertRaises(boussole.ArgumentError):
            fw.evaluate_many([GOOD])


class FrenchMessagesTest(unittest.TestCase):
    """Messages follow lang when given, else the locale as the CLI's
    diagnostics do (French for fr*, English otherwise)."""
    BAD = '{"id": 3}'
    FR = 'type attendu\u00a0: chaîne, trouvé\u00a0: nombre'
    EN = 'expected string, found number'

    def setUp(self):
        self.fw = boussole.Framework.default()
        saved = {k: os.environ.get(k) for k in ('LC_ALL', 'LC_MESSAGES', 'LANG')}
        self.addCleanup(self.restore, saved)

    @staticmethod
    def restore(saved):
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def error(self, *args, **kwargs):
        with self.assertRaises(boussole.Error) as cm:
            self.fw.evaluate(*args, **kwargs)
        return cm.exception

    def test_lang_sets_the_language_of_the_message(self):
        e = self.error(self.BAD, lang='fr')
        self.assertEqual((e.message, e.message_id, e.path), (self.FR, 'schema.type', '$.id'))
        self.assertEqual(str(e), '<input>:1:8: %s (at $.id)' % self.FR)
        self.assertEqual(self.error(self.BAD, lang='en').message, self.EN)

    def test_without_lang_the_locale_decides(self):
        os.environ.pop('LC_ALL', None)
        os.environ.pop('LC_MESSAGES', None)
        os.environ['LANG'] = 'fr_FR.UTF-8'
        self.assertEqual(self.error(self.BAD).message, self.FR)
        with self.assertRaises(boussole.NotFoundError) as cm:
            boussole.Framework.embedded('nope')
        self.assertEqual(cm.exception.message, 'aucun référentiel intégré «\u00a0nope\u00a0»')
        os.environ['LANG'] = 'C.UTF-8'
        self.assertEqual(self.error(self.BAD).message, self.EN)
        os.environ['LC_ALL'] = 'fr_CA.UTF-8'
        self.assertEqual(self.error(self.BAD).message, self.FR)

    def test_batch_records_follow_lang(self):
        bad = [self.BAD, '{"id": "x", "title": "t", "facts": {"hosting": "moon"}}', '{\n"id": 3}']
        results = self.fw.evaluate_many(bad, lang='fr')
        for text, rec in zip(bad, results):
            e = self.error(text, lang='fr')
            self.assertEqual((rec.message, rec.line, rec.column), (e.message, e.line, e.column))
        self.assertEqual(results[0].message, self.FR)
        self.assertIn('n\'est pas une valeur de hosting', results[1].message)

    def test_unreadable_file_follows_lang(self):
        missing = pathlib.Path(tempfile.gettempdir(), 'boussole-absent', 'nope.json')
        e = self.error(missing, lang='fr')
        self.assertIsInstance(e, boussole.FileError)
        self.assertTrue(e.message.startswith('lecture impossible\u00a0: '), e.message)
        self.assertTrue(self.error(missing, lang='en').message.startswith('cannot read: '))
        os.environ['LC_ALL'] = 'fr_FR.UTF-8'
        self.assertTrue(self.error(missing).message.startswith('lecture impossible\u00a0: '))
        record = self.fw.evaluate_many([missing], lang='en')[0]
        self.assertTrue(record.message.startswith('cannot read: '), record.message)
        with self.assertRaises(boussole.FileError) as cm:
            boussole.compare(missing, lang='fr')
        self.assertTrue(cm.exception.message.startswith('lecture impossible\u00a0: '))
        os.environ['LC_ALL'] = 'C'
        self.assertTrue(self.error(missing).message.startswith('cannot read: '))

    def test_escapes_stay(self):
        e = self.error('{"id": "x", "title": "t", "facts": {"hosting": "\\u001b[2J\\r\\n"}}', lang='fr')
        self.assertIn('\\u001b[2J\\u000d\\u000a', e.message)
        self.assertFalse(re.search('[\x00-\x1f\x7f]', e.message), e.message)


if __name__ == '__main__':
    unittest.main()
