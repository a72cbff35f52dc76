#!/usr/bin/env python3
"""The HTML report and the SVG boussole, read back as a browser or a
screen reader would, through the CLI:

- the SVG of every example parses as XML, has a <title> and a <desc>, one
  axis per criterion, and its polygon's vertices are where the JSON
  result's scores put them (recomputed from each axis's ends); the two
  threshold rings pass through each criterion's thresholds; red-line and
  not-assessed criteria carry their own shapes;
- the HTML of every example is well-formed (every element closed, in
  order), has lang, one h1, no script and nothing fetched, tables with a
  caption and th scope, and the SVG inline;
- hostile use-case strings (<script>, ](javascript:, quotes, controls,
  bidirectional overrides) come out as text in both;
- one or two criteria give bars instead of a radar.

Usage: test_reports.py BOUSSOLE_CLI SOURCE_ROOT
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root = sys.argv[1], sys.argv[2]
tap = Tap()
SVG = '{http://www.w3.org/2000/svg}'
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source',
        'track', 'wbr'}


def run(*args, stdin=None):
    return subprocess.run([cli] + list(args), capture_output=True, input=stdin, env={'LANG': 'C'})


def examples():
    """(path, framework id) of every example use-case."""
    base = os.path.join(root, 'examples', 'usecases')
    for name in sorted(os.listdir(base)):
        full = os.path.join(base, name)
        if name.endswith('.json'):
            yield full, 'nantes-2024'
        elif os.path.isdir(full):
            for sub in sorted(os.listdir(full)):
                if sub.endswith('.json'):
                    yield os.path.join(full, sub), name


def points(text):
    return [tuple(float(v) for v in pair.split(',')) for pair in text.split()]


def near(a, b):
    return abs(a[0] - b[0]) <= 0.01 and abs(a[1] - b[1]) <= 0.01


def along(axis, value):
    """The point at value (0..100) of an axis line element."""
    x1, y1, x2, y2 = (float(axis.get(k)) for k in ('x1', 'y1', 'x2', 'y2'))
    t = max(0.0, min(100.0, value)) / 100.0
    return (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)


def check_svg(name, svg_bytes, result):
    try:
        tree = ET.fromstring(svg_bytes)
    except ET.ParseError as e:
        tap.check(False, '%s: SVG parses as XML' % name, str(e))
        return
    tap.check(tree.tag == SVG + 'svg', '%s: SVG parses as XML, an <svg> root' % name)
    tap.check(tree.find(SVG + 'title') is not None and tree.find(SVG + 'desc') is not None,
              '%s: <title> and <desc>' % name)
    groups = tree.findall('.//%sg[@class="criterion"]' % SVG)
    crits = result['criteria']
    tap.equal([g.get('data-criterion') for g in groups], [c['id'] for c in crits],
              '%s: one axis group per criterion, in order' % name)
    axes = [g.find(SVG + 'line[@class="axis"]') for g in groups]
    tap.check(all(a is not None for a in axes) and len(axes) == len(crits),
              '%s: each criterion has its axis' % name)
    if len(crits) < 3 or len(axes) != len(crits) or None in axes:
        return
    poly = tree.find('.//%spolygon[@class="usecase"]' % SVG)
    want = [along(a, c['score'] if c['score'] is not None else 0) for a, c in zip(axes, crits)]
    got = points(poly.get('points'))
    tap.check(len(got) == len(want) and all(near(g, w) for g, w in zip(got, want)),
              '%s: polygon vertices at the scores' % name, 'got %r\nwant %r' % (got, want))
    for ring, key in (('met-ring', 'met'), ('reservations-ring', 'reservations')):
        poly = tree.find('.//%spolygon[@class="%s"]' % (SVG, ring))
        want = [along(a, c['thresholds'][key]) for a, c in zip(axes, crits)]
        got = points(poly.get('points'))
        tap.check(all(near(g, w) for g, w in zip(got, want)), '%s: %s at the thresholds' % (name, ring),
                  'got %r\nwant %r' % (got, want))
    for g, c in zip(groups, crits):
        red = g.find(SVG + 'path[@class="red-line-mark"]') is not None
        hollow = g.find(SVG + 'circle[@class="not-assessed-mark"]') is not None
        words = ''.join(g.itertext())
        if (red != (c['status'] == 'red_line') or hollow != (c['score'] is None and c['status'] != 'red_line')
                or c['status_label'] not in words):
            tap.check(False, '%s %s: the shape and words of status %s' % (name, c['id'], c['status']))
            return
    tap.check(True, '%s: red lines and criteria without a score have their shape and words' % name)


class Strict(html.parser.HTMLParser):
    """Records what the checks need, and every tag that closes out of
    order or stays open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.text = [], [], [], []
        self.attrs = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append('</%s> closes %r' % (tag, self.stack[-1:] or 'nothing'))
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(data):
    p = Strict()
    p.feed(data.decode('utf-8'))
    p.close()
    if p.stack:
        p.errors.append('never closed: %r' % p.stack)
    return p


def check_html(name, data, lang):
    p = parse_html(data)
    tap.check(not p.errors, '%s: HTML well-formed' % name, '\n'.join(p.errors[:5]))
    tags = [t for t, _ in p.tags]
    tap.check(data.startswith(b'<!DOCTYPE html>\n') and p.tags[0] == ('html', {'lang': lang}),
              '%s: doctype and lang="%s"' % (name, lang))
    tap.check(tags.count('h1') == 1 and 'main' in tags and 'svg' in tags, '%s: one h1, main, the SVG inline' % name)
    fetched = [(t, a) for t, a in p.tags if t in ('script', 'img', 'link', 'iframe', 'object')
               or any(k in ('src', 'href') or k.startswith('on') for k in a)]
    tap.check(not fetched, '%s: no script, nothing fetched, no handler' % name, repr(fetched[:3]))
    ths = [a for t, a in p.tags if t == 'th']
    tap.check(ths and all(a.get('scope') in ('col', 'row') for a in ths), '%s: every th has a scope' % name)
    tap.equal(tags.count('caption'), tags.count('table'), '%s: every table has a caption' % name)
    levels = [int(t[1]) for t in tags if len(t) == 2 and t[0] == 'h' and t[1].isdigit()]
    tap.check(all(b - a <= 1 for a, b in zip(levels, levels[1:])), '%s: headings in order' % name, levels)


def check_examples():
    for path, fw in examples():
        name = os.path.relpath(path, os.path.join(root, 'examples', 'usecases'))
        result = json.loads(run('evaluate', '--framework', fw, '--lang', 'en', '--format', 'json', path).stdout)
        svg = run('evaluate', '--framework', fw, '--lang', 'en', '--format', 'svg', path)
        tap.equal(svg.returncode, 0, '%s: svg exit status' % name)
        check_svg(name, svg.stdout, result)
        for lang in ('fr', 'en'):
            page = run('evaluate', '--framework', fw, '--lang', lang, '--format', 'html', path)
            tap.equal(page.returncode, 0, '%s %s: html exit status' % (name, lang))
            check_html('%s %s' % (name, lang), page.stdout, lang)


HOSTILE = ('<script>alert(1)</script> ](javascript:alert(1)) **bold** & "q" \'a\' '
           '\u202egnp.exe \u0007bell <!-- --> ]]>')


def check_hostile():
    doc = json.loads(open(os.path.join(root, 'examples', 'usecases', 'classement-courrier.json'),
                          encoding='utf-8').read())
    doc['title'] = HOSTILE
    doc['evidence'] = {'legal_basis': HOSTILE}
    data = json.dumps(doc).encode('utf-8')
    page = run('evaluate', '--format', 'html', '-', stdin=data)
    tap.equal(page.returncode, 0, 'hostile: html exit status')
    p = parse_html(page.stdout)
    tap.check(not p.errors, 'hostile: HTML well-formed', p.errors[:3])
    tap.check(not any(t == 'script' for t, _ in p.tags), 'hostile: no script element')
    shown = ''.join(p.text)
    visible = HOSTILE.replace('\u202e', '\ufffd').replace('\u0007', '\ufffd')
    tap.check(shown.count(visible) >= 3, 'hostile: the title and evidence shown as text (h1, title, evidence)',
              shown.count(visible))
    tap.check(b'\xe2\x80\xae' not in page.stdout and b'\x07' not in page.stdout,
              'hostile: no bidirectional override, no control character in the page')
    svg = run('evaluate', '--format', 'svg', '-', stdin=data)
    try:
        tree = ET.fromstring(svg.stdout)
        title = tree.find(SVG + 'title').text
        tap.check(visible in title and tree.find('.//%sscript' % SVG) is None,
                  'hostile: the SVG parses and shows the title as text')
    except ET.ParseError as e:
        tap.check(False, 'hostile: the SVG parses', str(e))


def check_bars():
    """A framework of two criteria: no radar, a bar per criterion."""
    fw = json.load(open(os.path.join(root, 'frameworks', 'nantes-2024.json'), encoding='utf-8'))
    fw['id'] = 'two-criteria'
    fw['criteria'] = fw['criteria'][2:4]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'two.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(fw, f)
        usecase = os.path.join(root, 'examples', 'usecases', 'classement-courrier.json')
        p = run('evaluate', '--framework', path, '--lang', 'en', '--format', 'svg', usecase)
        tap.equal(p.returncode, 0, 'two criteria: svg exit status')
        result = json.loads(run('evaluate', '--framework', path, '--lang', 'en', '--format', 'json', usecase).stdout)
        tree = ET.fromstring(p.stdout)
        tap.check(tree.find('.//%spolygon[@class="usecase"]' % SVG) is None, 'two criteria: no radar polygon')
        bars = tree.findall('.//%srect[@class="usecase"]' % SVG)
        axes = tree.findall('.//%sline[@class="axis"]' % SVG)
        tap.equal(len(bars), 2, 'two criteria: two bars')
        tap.check(all(abs(float(b.get('width')) - (along(a, c['score'] or 0)[0] - float(a.get('x1')))) <= 0.01
                      for b, a, c in zip(bars, axes, result['criteria'])),
                  'two criteria: bar lengths at the scores')


def check_cli():
    one = os.path.join(root, 'examples', 'usecases', 'classement-courrier.json')
    p = run('evaluate', '--format', 'html', one, one)
    tap.check(p.returncode == 2 and b'one FILE' in p.stderr, 'html with two FILEs: usage error', p.stderr)
    p = run('evaluate', '--format', 'pdf', one)
    tap.check(p.returncode == 2 and b"html, svg" in p.stderr, 'an unknown format lists html and svg', p.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'r.html')
        p = run('evaluate', '--format', 'html', '-o', out, one)
        tap.check(p.returncode == 0 and open(out, 'rb').read() == run('evaluate', '--format', 'html', one).stdout,
                  '-o FILE writes the same HTML')


check_examples()
check_hostile()
check_bars()
check_cli()
tap.done()
