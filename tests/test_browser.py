#!/usr/bin/env python3
"""The HTML reports in a real browser: each example's report (French and
English in turn) is written by the CLI into BUILD_DIR/browser/, opened in headless Chromium
(Debian chromium, driven by npm puppeteer-core, see browser_check.js):
axe-core must report no violation, the page must fetch nothing, a
screenshot is kept beside it as an artefact, and the first page of its
print to PDF (A4) must hold the verdict (pdftotext, Debian poppler-utils).

npm packages are looked for in $BSL_NODE_MODULES, else
SOURCE_ROOT/build-npm/node_modules (.ci/run installs them there). When
node, chromium, pdftotext or the packages are missing the test is skipped
(exit 77), except when CI is set: then it fails. Outside CI only every
third report is opened (BSL_BROWSER_ALL=1: all), to keep it short on a
shared machine.

BSL_UPDATE_SCREENSHOT=1 also copies the screenshot of the README's example
to doc/report-screenshot.png.

Usage: test_browser.py BOUSSOLE_CLI SOURCE_ROOT BUILD_DIR
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

cli, root, build = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
modules = os.path.abspath(os.environ.get('BSL_NODE_MODULES') or os.path.join(root, 'build-npm', 'node_modules'))
chromium = os.environ.get('BSL_CHROMIUM', '/usr/bin/chromium')
README_EXAMPLE = 'videoprotection-tramway-reconnaissance-faciale.en'


def missing_tools():
    missing = [t for t in ('node', 'pdftotext') if not shutil.which(t)]
    if not os.access(chromium, os.X_OK):
        missing.append(chromium)
    for package in ('puppeteer-core', 'axe-core'):
        if not os.path.isdir(os.path.join(modules, package)):
            missing.append(os.path.join(modules, package))
    return missing


missing = missing_tools()
if missing:
    print('# missing: %s (npm install --no-save --no-audit --no-fund --prefix build-npm '
          'puppeteer-core axe-core; apt-get install chromium poppler-utils nodejs)' % ', '.join(missing))
    if os.environ.get('CI'):
        print('not ok 1 - the browser test has what it needs (CI is set)')
        print('1..1')
        sys.exit(1)
    print('1..0 # SKIP browser tools missing')
    sys.exit(77)

tap = Tap()
out_dir = os.path.join(build, 'browser')
os.makedirs(out_dir, exist_ok=True)

# Every example, in French and English alternately (both languages of
# every example would double the time for little more): (html path,
# verdict label, lang).
reports = []
base = os.path.join(root, 'examples', 'usecases')
for folder, framework in [(base, 'nantes-2024')] + [
        (os.path.join(base, d), d) for d in sorted(os.listdir(base)) if os.path.isdir(os.path.join(base, d))]:
    for name in sorted(f for f in os.listdir(folder) if f.endswith('.json')):
        for lang in (('fr', 'en')[len(reports) % 2],):
            stem = '%s%s.%s' % ('' if folder == base else framework + '--', name[:-5], lang)
            target = os.path.join(out_dir, stem + '.html')
            args = ['evaluate', '--framework', framework, '--lang', lang]
            p = subprocess.run([cli] + args + ['--format', 'html', '-o', target, os.path.join(folder, name)],
                               capture_output=True)
            result = json.loads(subprocess.run([cli] + args + ['--format', 'json', os.path.join(folder, name)],
                                               capture_output=True).stdout)
            tap.equal(p.returncode, 0, '%s: written' % stem)
            reports.append((target, result['verdict_label'], lang))

# A browser takes seconds per report on a loaded machine: outside CI, every
# third report unless BSL_BROWSER_ALL=1 (CI checks them all).
if not (os.environ.get('CI') or os.environ.get('BSL_BROWSER_ALL') == '1'):
    print('# checking %d of %d reports (CI or BSL_BROWSER_ALL=1: all)' % (len(reports[::3]), len(reports)))
    reports = reports[::3]
p = subprocess.run(['node', os.path.join(here, 'browser_check.js'), modules, chromium, out_dir]
                   + [r[0] for r in reports], capture_output=True, text=True, timeout=1500)
tap.equal(p.returncode, 0, 'the browser ran (%s)' % p.stderr.strip()[-300:])
seen = {}
for line in p.stdout.splitlines():
    if line.startswith('{'):
        record = json.loads(line)
        seen[record['report']] = record

for target, verdict, lang in reports:
    stem = os.path.basename(target)[:-5]
    record = seen.get(target)
    if not tap.check(record is not None and 'error' not in record, '%s: opened in Chromium' % stem,
                     record and record.get('error')):
        continue
    tap.check(not record['violations'], '%s: axe-core finds no violation' % stem,
              json.dumps(record['violations'], indent=1))
    tap.check(not record['fetched'], '%s: nothing fetched' % stem, record['fetched'])
    tap.check(os.path.getsize(record['screenshot']) > 10000, '%s: screenshot %s' %
              (stem, os.path.relpath(record['screenshot'], build)))
    first = subprocess.run(['pdftotext', '-f', '1', '-l', '1', '-layout', record['pdf'], '-'],
                           capture_output=True, text=True).stdout
    pages = subprocess.run(['pdfinfo', record['pdf']], capture_output=True, text=True).stdout
    a4 = any(line.startswith('Page size:') and '(A4)' in line for line in pages.splitlines())
    tap.check(a4, '%s: the PDF is A4' % stem, pages)
    words = ' '.join(first.split())
    tap.check('Verdict' in words and verdict in words, '%s: the first printed page holds the verdict (%s)'
              % (stem, verdict), words[:400])
    if stem == README_EXAMPLE and os.environ.get('BSL_UPDATE_SCREENSHOT') == '1':
        shutil.copyfile(record['screenshot'], os.path.join(root, 'doc', 'report-screenshot.png'))

tap.done()
