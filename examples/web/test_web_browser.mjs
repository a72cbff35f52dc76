// The page in a real browser: headless Debian chromium driven by
// puppeteer-core, the site served on 127.0.0.1 by this test (a free port,
// closed at the end). Four examples are entered, in each way a person
// enters them: by pointer, by keyboard only, by loading the JSON file (two);
// each verdict and score must be the native CLI's, and so must the
// downloaded use-case's and report. axe-core must find no violation on the
// form nor on the result. Prints how long the page takes to be usable
// (budget 1 s, reported; fails past 5 s); screenshots go to BUILD_DIR/web-screenshots/.
// Usage: node test_web_browser.mjs SITE_DIR BOUSSOLE_CLI SOURCE_ROOT BUILD_DIR
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';

const [site, cli, root, buildDir] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
// The page's budget is 1 s, printed with the figure; the test fails only
// past a ceiling five times that, as the machine it runs on may be shared
// (a load average of 17 on 2 cores gave 1.7 s): timing is reported, a page
// that hangs or compiles its module the slow way fails.
const READY_BUDGET_MS = 1000;
const READY_CEILING_MS = 5000;
const modules = process.env.BSL_NODE_MODULES || join(root, 'build-npm', 'node_modules');

// Missing tools: skip on a developer's machine, fail in CI (.ci/run installs them).
for (const [what, path] of [['chromium', CHROMIUM], ['puppeteer-core', join(modules, 'puppeteer-core')],
  ['axe-core', join(modules, 'axe-core')]]) {
  if (!existsSync(path)) {
    console.log(`missing ${what} (${path}); see .ci/run`);
    process.exit(process.env.CI ? 1 : 77);
  }
}
const require = createRequire(join(modules, 'index.js'));
const puppeteer = require('puppeteer-core');
const axePath = require.resolve('axe-core/axe.min.js');

const shots = join(buildDir, 'web-screenshots');
mkdirSync(shots, { recursive: true });
const examples = join(root, 'examples', 'usecases');

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
}

/* ---- a static server for the site ----------------------------------- */

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json' };
function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
    const file = join(site, path || 'index.html');
    if (!file.startsWith(site) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/* ---- helpers ------------------------------------------------------ */

function cliResult(framework, file) {
  const out = execFileSync(cli, ['evaluate', '--framework', framework, '--format', 'json', '--lang', 'fr', file],
    { env: { LANG: 'C' } });
  return JSON.parse(out);
}

/* axe checks a frame only when axe is loaded in it too: it is injected into
 * every frame (the HTML report's <iframe srcdoc>), and each frame is also
 * checked on its own, so that the report is named when it fails. */
async function axe(page, what) {
  const listed = (violations) => violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0].target.join(' ')}`);
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  for (const frame of [page.mainFrame(), ...frames]) await frame.addScriptTag({ path: axePath });
  for (const frame of frames) {
    const violations = await frame.evaluate(async () => (await window.axe.run(document)).violations);
    const detail = violations.length ? '\n  ' + listed(violations).join('\n  ') : '';
    check(violations.length === 0, `axe: no violation in the frame of ${what} (${frame.url()})${detail}`);
  }
  const violations = await page.evaluate(async () => (await window.axe.run(document, { iframes: true })).violations);
  const detail = violations.length ? '\n  ' + listed(violations).join('\n  ') : '';
  check(violations.length === 0, `axe: no violation on ${what}${frames.length ? ', frames included' : ''}${detail}`);
  return frames.length;
}

function cliWhatif(framework, file) {
  return JSON.parse(execFileSync(cli, ['whatif', '--framework', framework, '--format', 'json', '--lang', 'fr', file],
    { env: { LANG: 'C' } }));
}

/** The plan the page shows (read back from the table) is the CLI's: changes and after. */
async function checkPlan(page, framework, file, name) {
  const expected = cliWhatif(framework, file);
  const shown = await page.evaluate(() => ({
    changes: [...document.querySelectorAll('#whatif-plan tbody tr')].map((r) => ({
      fact: r.dataset.fact, criterion: r.dataset.criterion, from: JSON.parse(r.dataset.from),
      to: JSON.parse(r.dataset.to), gain: Number(r.dataset.gain), remediation: r.cells[5].textContent })),
    after: document.getElementById('whatif-after')
      ? { verdict: document.getElementById('whatif-after').dataset.verdict,
        score: JSON.parse(document.getElementById('whatif-after').dataset.score) } : null,
    summary: document.getElementById('whatif-summary') ? document.getElementById('whatif-summary').textContent : null,
  }));
  if (expected.reachable && expected.changes.length) {
    const same = JSON.stringify(shown.changes) === JSON.stringify(expected.changes) &&
      JSON.stringify(shown.after) === JSON.stringify(expected.after);
    check(same, `${name}: the page's plan (${shown.changes.length} changes, after ${JSON.stringify(shown.after)}) ` +
      `is the CLI's (${expected.changes.length} changes, after ${JSON.stringify(expected.after)})`);
  } else {
    check(shown.changes.length === 0 && shown.summary !== null,
      `${name}: no change to show, the page says so (${shown.summary})`);
  }
  return expected.changes.length;
}

async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
}

async function submitAndCheck(page, framework, file, name) {
  await page.waitForSelector('#result:not([hidden])');
  const [verdict, score] = await page.$eval('#verdict', (e) => [e.dataset.verdict, e.dataset.score]);
  const expected = cliResult(framework, file);
  check(verdict === expected.verdict && score === String(expected.score),
    `${name}: verdict ${verdict} ${score}, the CLI says ${expected.verdict} ${expected.score}`);
  const changes = await checkPlan(page, framework, file, name);
  const rows = await page.$$eval('#comparison tbody tr', (r) => r.length);
  check(rows === 5, `${name}: the comparison has a row per embedded framework (${rows})`);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  await page.screenshot({ path: join(shots, `${name}-result.png`) }); // the verdict, where focus moved
  return changes;
}

/** Entered with puppeteer's pointer and typing, field by field. */
async function fillByPointer(page, framework, file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  await page.select('#framework', framework);
  await page.click('#uc-id', { clickCount: 3 });
  await page.type('#uc-id', doc.id);
  await page.click('#uc-title', { clickCount: 3 });
  await page.type('#uc-title', doc.title);
  for (const [key, value] of Object.entries(doc.facts)) {
    const control = await page.$(`#fact-${key}`);
    if (!control || value === null) continue;
    const type = await control.evaluate((e) => e.dataset.type);
    if (type === 'set') {
      for (const v of value.length ? value : ['__none__']) await page.click(`input[name="fact-${key}"][value="${v}"]`);
    } else if (type === 'number') {
      await control.type(String(value));
    } else {
      await page.select(`#fact-${key}`, String(value));
    }
  }
  await page.click('#evaluate');
}

/** Entered with the keyboard alone: Tab from the top of the page to Evaluate. */
async function fillByKeyboard(page, framework, file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    const options = e.tagName === 'SELECT' ? [...e.options].map((o) => o.value) : null;
    return { id: e.id, tag: e.tagName, type: e.type, name: e.name, value: e.value, options,
      index: e.selectedIndex, fact: e.dataset.fact || (e.name || '').replace(/^fact-/, '') };
  });
  const choose = async (f, wanted) => {
    const target = f.options.indexOf(wanted);
    if (target < 0) throw new Error(`${f.id}: no option ${wanted}`);
    for (let i = f.index; i !== target; i += target > f.index ? 1 : -1) {
      await page.keyboard.press(target > f.index ? 'ArrowDown' : 'ArrowUp');
    }
  };
  for (let steps = 0; steps < 1000; steps++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f.id === 'evaluate') {
      await page.keyboard.press('Enter');
      return;
    }
    if (f.id === 'framework') await choose(f, framework);
    else if (f.id === 'uc-id' || f.id === 'uc-title') {
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.type(f.id === 'uc-id' ? doc.id : doc.title);
    } else if (f.fact && f.fact in doc.facts && doc.facts[f.fact] !== null) {
      const value = doc.facts[f.fact];
      if (f.type === 'checkbox') {
        const wanted = value.length ? value.includes(f.value) : f.value === '__none__';
        if (wanted) await page.keyboard.press('Space');
      } else if (f.tag === 'SELECT') await choose(f, String(value));
      else await page.keyboard.type(String(value));
    }
  }
  throw new Error('the Evaluate button was never reached by Tab');
}

/** Loaded from the file; then every field must show the file's value. */
async function fillByLoading(page, framework, file, name) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const input = await page.$('#load');
  await input.uploadFile(file);
  await page.waitForFunction((id) => document.getElementById('uc-id').value === id, {}, doc.id);
  const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#criteria [data-fact]')]
    .map((c) => [c.dataset.fact, c.dataset.type === 'set'
      ? [...c.querySelectorAll('input:checked')].map((b) => b.value) : c.value])));
  const frameworkShown = await page.$eval('#framework', (e) => e.value);
  check(frameworkShown === framework, `${name}: loading selects the file's framework (${frameworkShown})`);
  const wrong = Object.entries(doc.facts).filter(([k, v]) => k in shown && v !== null &&
    JSON.stringify(shown[k]) !== JSON.stringify(Array.isArray(v) ? (v.length ? v : ['__none__']) : String(v)));
  const detail = wrong.length ? ` (not ${wrong.map(([k]) => k).join(', ')})` : '';
  check(wrong.length === 0, `${name}: loading fills every field${detail}`);
  await page.click('#evaluate');
}

/** The downloaded use-case, through the CLI, gives the page's verdict, and
 * the downloaded report is the CLI's report of that use-case, byte for byte. */
async function checkDownloads(page, framework, original) {
  const downloads = join(shots, 'downloads');
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads);
  const cdp = await page.createCDPSession();
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  const saved = async (button) => {
    const before = new Set(readdirSync(downloads));
    await page.click(button);
    for (let i = 0; i < 100; i++) {
      const file = readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.crdownload'));
      if (file) return join(downloads, file);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${button}: nothing downloaded`);
  };
  const usecase = await saved('#download-usecase');
  const report = await saved('#download-report');
  const [got, want] = [cliResult(framework, usecase), cliResult(framework, original)];
  check(got.verdict === want.verdict && got.score === want.score,
    `the downloaded use-case scores as the original (${got.verdict} ${got.score})`);
  // The page shows and saves the HTML report (BSL_FORMAT_HTML) when the engine renders it.
  const format = report.endsWith('.html') ? 'html' : 'text';
  const cliReport = execFileSync(cli, ['evaluate', '--framework', framework, '--format', format, '--lang', 'fr',
    usecase], { env: { LANG: 'C' } });
  check(format === 'html', 'the downloaded report is the HTML report');
  check(readFileSync(report).equals(cliReport), `the downloaded report is the CLI ${format} report of the downloaded use-case`);
}

/** A value out of its bounds: the engine's error, with its path, in the status line. */
async function checkError(page) {
  await open(page, url);
  await page.type('#fact-users_per_year', '-5');
  await page.click('#evaluate');
  const message = await page.$eval('#status', (e) => (e.className === 'error' ? e.textContent : ''));
  check(message.includes('$.facts.users_per_year'), `an invalid answer is reported with its path: ${message}`);
}

/* ---- the run ------------------------------------------------------ */

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: 'new',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  page.on('pageerror', (e) => check(false, `no page error: ${e.message}`));

  // Measured by the page itself when its form is built and its engine
  // loaded, from navigation start. The first visit also pays for starting
  // the browser's renderer; the budget is checked on the best of three more
  // visits (each fetches every file again, no-store, and compiles the module
  // again), the machine being shared with other work.
  const usable = async () => {
    await open(page, url);
    return page.$eval('body', (b) => [Number(b.dataset.ready), Number(b.dataset.engineMs)]);
  };
  const [cold, coldEngine] = await usable();
  const visits = [await usable(), await usable(), await usable()];
  const [ready, engineMs] = visits.reduce((best, v) => (v[0] < best[0] ? v : best));
  console.log(`page usable after ${ready} ms from navigation, engine and form ${engineMs} ms ` +
    `(visits: ${visits.map((v) => v[0]).join(', ')} ms; first, cold browser: ${cold} ms, ${coldEngine} ms); ` +
    `budget ${READY_BUDGET_MS} ms: ${ready < READY_BUDGET_MS ? 'within' : 'OVER'} budget`);
  check(ready < READY_CEILING_MS, `page usable in under ${READY_CEILING_MS} ms`);
  const frameworks = await page.$$eval('#framework option', (o) => o.length);
  check(frameworks === 5, `every embedded framework offered (${frameworks})`);
  await page.screenshot({ path: join(shots, 'form.png'), fullPage: false });
  await axe(page, 'the form');

  const cases = [
    // Verdicts that need every answer right: favorable, then with reservations and a red line.
    ['pointer-nantes', 'nantes-2024', join(examples, 'prevision-remplissage-colonnes.json'), fillByPointer],
    ['keyboard-bordeaux', 'bordeaux-2025', join(examples, 'bordeaux-2025', 'detection-fuites-reseau-eau.json'),
      fillByKeyboard],
    ['loaded-grand-nancy', 'grand-nancy', join(examples, 'grand-nancy', 'extraction-factures-fournisseur-hors-ue.json'),
      fillByLoading],
    ['loaded-eu-ai-act', 'eu-ai-act-2024', join(examples, 'eu-ai-act-2024', 'analyse-emotions-appels.json'),
      fillByLoading],
  ];
  let planned = 0;
  for (const [name, framework, file, fill] of cases) {
    await open(page, url);
    await fill(page, framework, file, name);
    planned += await submitAndCheck(page, framework, file, name);
    // The last case is below favorable: its result is checked with its plan shown.
    if (name !== cases[cases.length - 1][0]) continue;
    const planRows = await page.$$eval('#whatif-plan tbody tr', (r) => r.length);
    check(planRows > 0, `${name}: the result shows a what-if plan (${planRows} changes)`);
    // doc/web.md's picture: the verdict and its plan, as a reader sees them.
    await page.$eval('#result-title', (e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'result-with-plan.png') });
    const frames = await axe(page, 'the result with its what-if plan and HTML report');
    check(frames === 1, `axe was injected into the HTML report's frame (${frames} frame)`);
  }
  check(planned > 0, `at least one example below favorable has a plan compared with the CLI's (${planned} changes)`);
  await checkDownloads(page, 'eu-ai-act-2024', cases[cases.length - 1][2]);
  await checkError(page);

  // English throughout once the language is switched.
  await page.select('#lang', 'en');
  const lang = await page.$eval('html', (h) => h.lang);
  const legend = await page.$eval('#criteria legend', (l) => l.textContent);
  check(lang === 'en' && /[A-Za-z]/.test(legend), `the page switches to English (lang=${lang})`);
  await axe(page, 'the form in English');
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed; screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
