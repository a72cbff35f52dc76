// The WebAssembly engine gives the same bytes as the native library: every
// example use-case (examples/usecases/*.json with the default framework,
// examples/usecases/<framework-id>/*.json with that one), JSON and text, in
// French and English, against the native CLI's output, and so is its what-if
// plan (JSON, text, Markdown: `boussole whatif`); so are template,
// describe and compare, and errors keep their position. Also prints the
// module's size, gzipped, against its 400 KB budget.
// Usage: node test_web_json.mjs SITE_DIR BOUSSOLE_CLI SOURCE_ROOT BUILD_DIR
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [site, cli, root] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const createBoussole = require(join(site, 'boussole-web.js'));
const { Engine, BoussoleError, FORMAT } = require(join(site, 'engine.js'));

const SIZE_BUDGET = 400 * 1024;
const examples = join(root, 'examples', 'usecases');
// The bytes handed over directly: node 20's fetch() does not read file paths.
const engine = await Engine.create(createBoussole, { wasmBinary: readFileSync(join(site, 'boussole-web.wasm')) });
const ids = engine.frameworkIds();

/** [framework id, file] for every example, the default framework first. */
function exampleFiles() {
  const files = [];
  const jsonIn = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const f of jsonIn(examples)) files.push([ids[0], join(examples, f)]);
  for (const d of readdirSync(examples).sort()) {
    if (!statSync(join(examples, d)).isDirectory()) continue;
    if (!ids.includes(d)) throw new Error(`examples/usecases/${d}: no embedded framework has that id`);
    for (const f of jsonIn(join(examples, d))) files.push([d, join(examples, d, f)]);
  }
  return files;
}

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`not ok - ${what}`);
  }
}

const formats = { json: FORMAT.JSON, text: FORMAT.TEXT };
const whatifFormats = { json: FORMAT.JSON, text: FORMAT.TEXT, markdown: FORMAT.MARKDOWN };
let whatifs = 0;
for (const [id, file] of exampleFiles()) {
  const input = readFileSync(file);
  for (const lang of ['fr', 'en']) {
    for (const [name, number] of Object.entries(formats)) {
      const native = execFileSync(cli, ['evaluate', '--framework', id, '--lang', lang, '--format', name, file],
        { env: { LANG: 'C' } });
      const wasm = Buffer.from(engine.evaluate(id, input, number, lang), 'utf8');
      check(native.length > 0 && wasm.equals(native), `${file} ${id} ${lang} ${name}: WebAssembly differs from native`);
    }
    // The what-if plan (boussole-whatif/1, and the text for people), as `boussole whatif` gives it.
    for (const [name, number] of Object.entries(whatifFormats)) {
      const native = execFileSync(cli, ['whatif', '--framework', id, '--lang', lang, '--format', name, file],
        { env: { LANG: 'C' } });
      const wasm = Buffer.from(engine.whatif(id, input, number, lang), 'utf8');
      check(native.length > 0 && wasm.equals(native), `${file} ${id} ${lang} whatif ${name}: WebAssembly differs from native`);
      whatifs++;
    }
  }
}
check(whatifs > 0, 'what-if plans compared');

// The other calls of the glue, against the CLI's commands that make the same calls.
const native = (...args) => execFileSync(cli, args, { env: { LANG: 'C' } });
for (const lang of ['fr', 'en']) {
  for (const id of ids) {
    check(Buffer.from(engine.template(id, lang), 'utf8').equals(native('template', '--framework', id, '--lang', lang)),
      `template ${id} ${lang}: WebAssembly differs from native`);
    const described = native('describe', '--framework', id, '--lang', lang, '--format', 'json');
    check(JSON.stringify(engine.describe(id, lang)) === JSON.stringify(JSON.parse(described)),
      `describe ${id} ${lang}: WebAssembly differs from native`);
  }
  for (const [, file] of exampleFiles().filter(([id]) => id === ids[0])) {
    const compared = native('compare', '--framework', ids.join(','), '--lang', lang, '--format', 'json', file);
    const wasm = Buffer.from(engine.compare(ids, readFileSync(file), FORMAT.JSON, lang), 'utf8');
    check(wasm.equals(compared), `compare ${file} ${lang}: WebAssembly differs from native`);
  }
}

// Errors come back with their position, and an unknown format is refused.
try {
  engine.evaluate(ids[0], '{"id": "x",\n "title": }', FORMAT.JSON, 'en');
  check(false, 'a syntax error is reported');
} catch (e) {
  check(e instanceof BoussoleError && e.status === -5 && e.detail.line === 2 && e.detail.column === 11,
    `a syntax error is reported with its line and column (${e.message})`);
}
const blank = engine.template(ids[0], 'en');
check(engine.renders(ids[0], blank, FORMAT.TEXT, 'en') && !engine.renders(ids[0], blank, 99, 'en'),
  'renders() tells a format the library renders from one it does not');
try {
  engine.whatif(ids[0], blank, FORMAT.HTML, 'en');
  check(false, 'whatif() refuses a format bsl_whatif_render() does not write');
} catch (e) {
  check(e instanceof BoussoleError && e.status === -2, `whatif() refuses a format it does not write (${e.message})`);
}
engine.close();

const gz = (f) => gzipSync(readFileSync(join(site, f)), { level: 9 }).length;
const moduleBytes = gz('boussole-web.wasm') + gz('boussole-web.js') + gz('engine.js');
console.log(`module + glue gzipped: ${(moduleBytes / 1024).toFixed(1)} KB (budget ${SIZE_BUDGET / 1024} KB)`);
check(moduleBytes <= SIZE_BUDGET, 'module + glue over 400 KB gzipped');

console.log(`${passed} passed, ${failed} failed (${ids.length} frameworks, library ${engine.version()})`);
process.exit(failed ? 1 : 0);
