// Opens HTML reports in headless Chromium (puppeteer-core) and, for each,
// runs axe-core, takes a screenshot and prints its first page to PDF (A4,
// the page's own print stylesheet). Driven by tests/test_browser.py, which checks what
// this prints: one JSON line per report.
//
// Usage: node browser_check.js NODE_MODULES CHROMIUM OUT_DIR REPORT.html...
'use strict';
const path = require('path');

const [modules, chromium, outDir, ...reports] = process.argv.slice(2);
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const axePath = require.resolve(path.join(modules, 'axe-core', 'axe.min.js'));

async function check(browser, report) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 1400 });
  const stem = path.basename(report, '.html');
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
  const fetched = requests.filter((u) => u !== 'file://' + path.resolve(report));
  // axe is added by the test, after the page's own requests were counted
  await page.addScriptTag({ path: axePath });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      target: v.nodes[0] && v.nodes[0].target }));
  });
  const screenshot = path.join(outDir, stem + '.png');
  await page.screenshot({ path: screenshot, fullPage: false });
  const pdf = path.join(outDir, stem + '.pdf');
  // the first page is what the test reads: printing the rest would only cost time
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, pageRanges: '1' });
  await page.close();
  return { report, violations: axe, fetched: fetched.concat(failed), screenshot, pdf };
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: 'new',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
  // one page at a time: a screenshot of a page that is not in front can hang
  try {
    for (const report of reports) {
      try {
        console.log(JSON.stringify(await check(browser, report)));
      } catch (e) {
        console.log(JSON.stringify({ report, error: String(e && e.stack || e) }));
      }
    }
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
