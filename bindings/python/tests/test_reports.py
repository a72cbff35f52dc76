"""Result.to_html(), Result.to_svg() and the picture in _repr_html_: the
bytes the CLI writes, well-formed, and hostile strings kept as text."""
import os
import pathlib
import subprocess
import unittest
import xml.etree.ElementTree as ET

import support
import boussole

VOIRIE = pathlib.Path(support.EXAMPLES, 'signalements-voirie.json')
SVG = '{http://www.w3.org/2000/svg}'


class ReportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fw = boussole.Framework.default()
        cls.r = cls.fw.evaluate(VOIRIE)

    def cli(self, *args):
        return subprocess.run([os.environ['BOUSSOLE_CLI'], 'evaluate'] + list(args) + [str(VOIRIE)],
                              capture_output=True, check=True).stdout.decode('utf-8')

    def test_to_html_is_what_the_cli_writes(self):
        self.assertEqual(self.r.to_html(), self.cli('--lang', 'fr', '--format', 'html'))
        self.assertEqual(self.r.to_html('en'), self.cli('--lang', 'en', '--format', 'html'))
        self.assertTrue(self.r.to_html('en').startswith('<!DOCTYPE html>\n<html lang="en">'))

    def test_to_svg_is_what_the_cli_writes_and_parses(self):
        svg = self.r.to_svg('en')
        self.assertEqual(svg, self.cli('--lang', 'en', '--format', 'svg'))
        root = ET.fromstring(svg.encode('utf-8'))
        self.assertEqual(len(root.findall('.//%sline[@class="axis"]' % SVG)), len(self.r.criteria))

    def test_repr_html_shows_the_picture(self):
        h = self.r._repr_html_()
        self.assertIn('<svg xmlns="http://www.w3.org/2000/svg"', h)
        self.assertNotIn('<?xml', h)

    def test_hostile_title_stays_text(self):
        r = self.fw.evaluate({'id': 'x', 'title': '<script>x</script> ](javascript:y)', 'facts': {}})
        for page in (r.to_html(), r.to_svg(), r._repr_html_()):
            self.assertNotIn('<script', page)
            self.assertIn('&lt;script&gt;x&lt;/script&gt; ](javascript:y)', page)


if __name__ == '__main__':
    unittest.main()
