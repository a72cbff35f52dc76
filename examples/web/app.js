/*
 * The intake page: a form generated from the framework's description (its
 * criteria, and the vocabulary's questions, help, values, units and bounds),
 * evaluated by the engine compiled to WebAssembly (engine.js, glue.c).
 * No framework, no network beyond this directory; all state lives in the
 * closure of main().
 */
'use strict';

const UI = {
  fr: {
    title: "Boussole : évaluer un cas d'usage d'IA",
    intro: "Le moteur libboussole tourne dans ce navigateur (WebAssembly) : rien ne quitte votre poste.",
    settings: 'Réglages', framework: 'Cadre de référence', load: "Charger un cas d'usage (JSON)",
    form: "Cas d'usage", id: 'Identifiant', ucTitle: 'Titre', evaluate: 'Évaluer',
    downloadUsecase: "Télécharger le cas d'usage (JSON)", result: 'Résultat',
    downloadReport: 'Télécharger le rapport', report: 'Rapport', compare: 'Comparaison entre chartes',
    notAnswered: '— non renseigné —', yes: 'oui', no: 'non', none: 'Aucune de ces valeurs',
    required: '(requis)', min: 'minimum', max: 'maximum', verdict: 'Avis', colon: ' : ', score: 'score',
    charter: 'Charte', missing: 'faits manquants', redLines: 'lignes rouges',
    ready: (ms) => `Prêt (moteur ${ms} ms).`, loaded: (f) => `Cas d'usage chargé : ${f}.`,
    evaluated: (v) => `Évalué : ${v}.`, error: 'Erreur', reportFrame: 'Rapport HTML',
    whatif: 'Pour atteindre « favorable »',
    whatifCaption: 'Le plus petit ensemble de changements de faits qui rend le cas favorable',
    fact: 'Fait', criterion: 'Critère', now: 'Valeur actuelle', to: 'Nouvelle valeur', gain: 'Points gagnés',
    remediation: 'Que faire', after: 'Après ces changements', alreadyThere: 'Déjà favorable : aucun changement.',
    anyValue: { 'set:non_empty': 'au moins une valeur', 'text:present': 'un texte' },
    unreachable: (n) => `Aucun plan d'au plus ${n} changements n'y mène.`, blockedBy: 'Bloqué par',
    verdicts: { red_line: 'ligne rouge', incomplete: 'à compléter', unfavorable: 'défavorable',
      favorable_with_reservations: 'favorable sous réserves', favorable: 'favorable' },
  },
  en: {
    title: 'Boussole: assess an AI use-case',
    intro: 'The libboussole engine runs in this browser (WebAssembly): nothing leaves your machine.',
    settings: 'Settings', framework: 'Framework', load: 'Load a use-case (JSON)',
    form: 'Use-case', id: 'Identifier', ucTitle: 'Title', evaluate: 'Evaluate',
    downloadUsecase: 'Download the use-case (JSON)', result: 'Result',
    downloadReport: 'Download the report', report: 'Report', compare: 'Comparison across charters',
    notAnswered: '— not answered —', yes: 'yes', no: 'no', none: 'None of these',
    required: '(required)', min: 'minimum', max: 'maximum', verdict: 'Verdict', colon: ': ', score: 'score',
    charter: 'Charter', missing: 'missing facts', redLines: 'red lines',
    ready: (ms) => `Ready (engine ${ms} ms).`, loaded: (f) => `Use-case loaded: ${f}.`,
    evaluated: (v) => `Evaluated: ${v}.`, error: 'Error', reportFrame: 'HTML report',
    whatif: 'To reach "favorable"',
    whatifCaption: 'The fewest fact changes that make the use-case favorable',
    fact: 'Fact', criterion: 'Criterion', now: 'Value now', to: 'New value', gain: 'Points gained',
    remediation: 'What to do', after: 'After these changes', alreadyThere: 'Already favorable: no change.',
    anyValue: { 'set:non_empty': 'at least one value', 'text:present': 'any text' },
    unreachable: (n) => `No plan of at most ${n} changes reaches it.`, blockedBy: 'Blocked by',
    verdicts: { red_line: 'red line', incomplete: 'incomplete', unfavorable: 'unfavorable',
      favorable_with_reservations: 'favorable with reservations', favorable: 'favorable' },
  },
};

const NONE = '__none__'; // the set checkbox meaning "answered: none of these"
const $ = (id) => document.getElementById(id);

function element(tag, attributes, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes || {})) {
    if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) e.append(c);
  return e;
}

/* ---- the form, from the description ---------------------------------- */

function helpText(ind, t) {
  const bounds = [];
  if (ind.type === 'number' && ind.min !== null) bounds.push(`${t.min} ${ind.min}`);
  if (ind.type === 'number' && ind.max !== null) bounds.push(`${t.max} ${ind.max}`);
  return [ind.help || '', bounds.join(', ')].filter(Boolean).join(' ');
}

function questionText(ind, t) {
  const unit = ind.type === 'number' && ind.unit ? ` (${ind.unit})` : '';
  return `${ind.label}${unit}${ind.required ? ' ' + t.required : ''}`;
}

function choiceSelect(ind, t, helpId) {
  const options = ind.type === 'boolean'
    ? [['true', t.yes], ['false', t.no]]
    : ind.values.map((v) => [v.value, v.label]);
  return element('select', { id: `fact-${ind.fact}`, 'data-fact': ind.fact, 'data-type': ind.type,
    'aria-describedby': helpId },
  element('option', { value: '' }, t.notAnswered),
  ...options.map(([value, label]) => element('option', { value }, label)));
}

function setField(ind, t, helpId) {
  const box = (value, label) => element('label', {},
    element('input', { type: 'checkbox', name: `fact-${ind.fact}`, value }), ' ', label);
  const fieldset = element('fieldset', { class: 'choices', id: `fact-${ind.fact}`, 'data-fact': ind.fact,
    'data-type': 'set', 'aria-describedby': helpId },
  element('legend', {}, questionText(ind, t)),
  element('p', { class: 'help', id: helpId }, helpText(ind, t)),
  box(NONE, t.none), ...ind.values.map((v) => box(v.value, v.label)));
  // "None of these" and the values exclude each other.
  fieldset.addEventListener('change', (ev) => {
    if (!ev.target.checked) return;
    for (const b of fieldset.querySelectorAll('input')) {
      if ((ev.target.value === NONE) !== (b.value === NONE)) b.checked = false;
    }
  });
  return fieldset;
}

function factField(ind, t) {
  const helpId = `help-${ind.fact}`;
  if (ind.type === 'set') return element('div', { class: 'field' }, setField(ind, t, helpId));
  let control;
  if (ind.type === 'boolean' || ind.type === 'enum') control = choiceSelect(ind, t, helpId);
  else if (ind.type === 'number') {
    control = element('input', { type: 'number', step: 'any', id: `fact-${ind.fact}`, 'data-fact': ind.fact,
      'data-type': 'number', min: ind.min, max: ind.max, 'aria-describedby': helpId });
  } else {
    control = element('textarea', { id: `fact-${ind.fact}`, 'data-fact': ind.fact, 'data-type': 'text',
      rows: 2, 'aria-describedby': helpId });
  }
  return element('div', { class: 'field' },
    element('label', { for: `fact-${ind.fact}` }, questionText(ind, t)),
    element('p', { class: 'help', id: helpId }, helpText(ind, t)), control);
}

/** One fieldset per criterion; a fact read by several criteria asked once. */
function buildCriteria(description, t) {
  const seen = new Set();
  const container = $('criteria');
  container.replaceChildren();
  for (const c of description.criteria) {
    const fields = c.indicators.filter((ind) => !seen.has(ind.fact) && seen.add(ind.fact));
    if (!fields.length) continue;
    container.append(element('fieldset', { id: `criterion-${c.id}` },
      element('legend', {}, `${c.id}. ${c.title}`), ...fields.map((ind) => factField(ind, t))));
  }
}

/* ---- form <-> use-case document ---------------------------------------- */

function readFact(control) {
  const type = control.dataset.type;
  if (type === 'set') {
    const ticked = [...control.querySelectorAll('input:checked')].map((b) => b.value);
    if (!ticked.length) return null;
    return ticked.includes(NONE) ? [] : ticked;
  }
  if (control.value === '') return null;
  if (type === 'boolean') return control.value === 'true';
  if (type === 'number') return Number(control.value);
  return control.value;
}

function writeFact(control, value) {
  const type = control.dataset.type;
  if (type === 'set') {
    const wanted = Array.isArray(value) ? (value.length ? value.map(String) : [NONE]) : [];
    for (const b of control.querySelectorAll('input')) b.checked = wanted.includes(b.value);
  } else {
    control.value = value === null || value === undefined ? '' : String(value);
  }
}

function factControls() {
  return [...document.querySelectorAll('#criteria [data-fact]')];
}

/* ---- the page ------------------------------------------------------- */

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = element('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function translatePage(lang) {
  const t = UI[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  const texts = {
    'page-title': t.title, 'page-intro': t.intro, 'settings-title': t.settings, 'framework-label': t.framework,
    'load-label': t.load, 'form-title': t.form, 'uc-id-label': t.id, 'uc-title-label': t.ucTitle,
    evaluate: t.evaluate, 'download-usecase': t.downloadUsecase, 'result-title': t.result,
    'download-report': t.downloadReport, 'whatif-title': t.whatif, 'report-title': t.report, 'compare-title': t.compare,
  };
  for (const [id, text] of Object.entries(texts)) $(id).textContent = text;
}

function comparisonTable(comparison, t) {
  const titles = Object.fromEntries(comparison.frameworks.map((f) => [f.id, f.title]));
  const rows = comparison.usecases[0].results.map((r) => element('tr', {},
    element('th', { scope: 'row' }, titles[r.framework] || r.framework),
    element('td', {}, r.verdict_label),
    element('td', {}, r.score === null ? '—' : String(r.score)),
    element('td', {}, r.red_lines.length ? r.red_lines.join(', ') : '—'),
    element('td', {}, r.missing.length ? r.missing.join(', ') : '—')));
  return element('table', {},
    element('thead', {}, element('tr', {}, ...[t.charter, t.verdict, t.score, t.redLines, t.missing]
      .map((h) => element('th', { scope: 'col' }, h)))),
    element('tbody', {}, ...rows));
}

/* A plan value (compact JSON from the engine) for people: null is "not
 * answered", enum and set tokens by their labels in the description. */
function planValue(value, t, labels) {
  const label = (v) => (labels && labels[v]) || t.anyValue[v] || String(v);
  if (value === null) return t.notAnswered;
  if (value === true) return t.yes;
  if (value === false) return t.no;
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : t.none;
  return label(value);
}

/** fact -> {token: label} for the enum and set facts of a description. */
function valueLabels(description) {
  const labels = {};
  for (const c of description.criteria) {
    for (const ind of c.indicators) {
      if (ind.values) labels[ind.fact] = Object.fromEntries(ind.values.map((v) => [v.value, v.label]));
    }
  }
  return labels;
}

/** The what-if plan (boussole-whatif/1) as a table, the verdict after, or why none. */
function whatifView(plan, t, lang, labels) {
  const verdict = (v) => t.verdicts[v] || v;
  const score = (s) => (s === null ? '—' : s.toLocaleString(lang));
  const after = element('p', { id: 'whatif-after', 'data-verdict': plan.after.verdict,
    'data-score': JSON.stringify(plan.after.score) },
    `${t.after}${t.colon}${verdict(plan.after.verdict)} (${t.score} ${score(plan.after.score)})`);
  if (!plan.reachable) {
    const blocked = plan.blocked_by.length ? ` ${t.blockedBy}${t.colon}${plan.blocked_by.join(', ')}.` : '';
    return [element('p', { id: 'whatif-summary' }, t.unreachable(plan.max_changes) + blocked)];
  }
  if (!plan.changes.length) return [element('p', { id: 'whatif-summary' }, t.alreadyThere)];
  // The values as the engine gave them ride along, for the tests to read the plan back exactly.
  const rows = plan.changes.map((c) => element('tr', { 'data-fact': c.fact, 'data-criterion': c.criterion,
    'data-from': JSON.stringify(c.from), 'data-to': JSON.stringify(c.to), 'data-gain': String(c.gain) },
    element('th', { scope: 'row' }, c.fact),
    element('td', {}, c.criterion),
    element('td', {}, planValue(c.from, t, labels[c.fact])),
    element('td', {}, planValue(c.to, t, labels[c.fact])),
    element('td', {}, c.gain.toLocaleString(lang)),
    element('td', {}, c.remediation)));
  return [element('table', { id: 'whatif-plan' },
    element('caption', {}, t.whatifCaption),
    element('thead', {}, element('tr', {}, ...[t.fact, t.criterion, t.now, t.to, t.gain, t.remediation]
      .map((h) => element('th', { scope: 'col' }, h)))),
    element('tbody', {}, ...rows)), after];
}

async function main() {
  const started = performance.now();
  const { Engine, FORMAT, BoussoleError } = BoussoleEngine;
  const engine = await Engine.create(createBoussole);
  const state = { lang: 'fr', framework: null, carried: {}, carriedFacts: {}, report: null };
  const status = (text, isError) => {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  };
  const fail = (e) => {
    if (!(e instanceof BoussoleError) && !(e instanceof SyntaxError)) throw e;
    status(`${UI[state.lang].error}: ${e.message}`, true);
  };

  function usecaseDocument() {
    const facts = { ...state.carriedFacts };
    for (const control of factControls()) facts[control.dataset.fact] = readFact(control);
    return { id: $('uc-id').value, title: $('uc-title').value, ...state.carried,
      framework: state.framework, facts };
  }

  function fill(doc) {
    $('uc-id').value = doc.id || '';
    $('uc-title').value = doc.title || '';
    const known = new Set(factControls().map((c) => c.dataset.fact));
    const facts = doc.facts || {};
    for (const control of factControls()) writeFact(control, facts[control.dataset.fact]);
    // Answers the form does not show are kept; unanswered ones left by another framework are not.
    state.carriedFacts = Object.fromEntries(Object.entries(facts).filter(([k, v]) => !known.has(k) && v !== null));
    const { id, title, facts: _f, framework: _fw, ...rest } = doc;
    state.carried = rest;
  }

  function showForm(framework, lang) {
    const doc = state.framework ? usecaseDocument() : JSON.parse(engine.template(framework, lang));
    state.framework = framework;
    state.lang = lang;
    translatePage(lang);
    const description = engine.describe(framework, lang);
    state.labels = valueLabels(description);
    buildCriteria(description, UI[lang]);
    fill(doc);
  }

  /* The choice of framework, by id; their titles come after the page is
   * usable, as reading them loads every embedded framework. */
  function frameworkOptions(lang) {
    const select = $('framework');
    select.replaceChildren(...engine.frameworkIds().map((id) =>
      element('option', { value: id, selected: id === state.framework }, id)));
    setTimeout(() => {
      for (const option of select.options) option.textContent = `${engine.title(option.value, lang)} (${option.value})`;
    }, 0);
  }

  function evaluate() {
    const t = UI[state.lang];
    const json = JSON.stringify(usecaseDocument(), null, 2) + '\n';
    const result = JSON.parse(engine.evaluate(state.framework, json, FORMAT.JSON, state.lang));
    const score = result.score === null ? '' : ` (${t.score} ${result.score.toLocaleString(state.lang)})`;
    $('verdict').textContent = `${t.verdict}${t.colon}${result.verdict_label}${score}`;
    $('verdict').dataset.verdict = result.verdict;
    $('verdict').dataset.score = String(result.score);
    // The HTML report when this build of the library renders it, the text one otherwise.
    const html = engine.renders(state.framework, json, FORMAT.HTML, state.lang);
    const report = engine.evaluate(state.framework, json, html ? FORMAT.HTML : FORMAT.TEXT, state.lang);
    state.report = { text: report, html };
    $('report').replaceChildren(html
      ? element('iframe', { title: t.reportFrame, srcdoc: report })
      : element('pre', {}, report));
    const plan = JSON.parse(engine.whatif(state.framework, json, FORMAT.JSON, state.lang));
    $('whatif').replaceChildren(...whatifView(plan, t, state.lang, state.labels));
    const comparison = JSON.parse(engine.compare(engine.frameworkIds(), json, FORMAT.JSON, state.lang));
    $('comparison').replaceChildren(comparisonTable(comparison, t));
    $('result').hidden = false;
    status(t.evaluated(result.verdict_label));
    $('result-title').focus();
  }

  $('usecase').addEventListener('submit', (ev) => {
    ev.preventDefault();
    try { evaluate(); } catch (e) { fail(e); }
  });
  $('framework').addEventListener('change', () => showForm($('framework').value, state.lang));
  $('lang').addEventListener('change', () => {
    showForm(state.framework, $('lang').value);
    frameworkOptions(state.lang);
  });
  $('download-usecase').addEventListener('click', () => {
    const doc = usecaseDocument();
    download(`${doc.id || 'usecase'}.json`, 'application/json', JSON.stringify(doc, null, 2) + '\n');
  });
  $('download-report').addEventListener('click', () => {
    if (!state.report) return;
    const name = `${$('uc-id').value || 'usecase'}.${state.lang}.${state.report.html ? 'html' : 'txt'}`;
    download(name, state.report.html ? 'text/html' : 'text/plain', state.report.text);
  });
  $('load').addEventListener('change', async () => {
    const file = $('load').files[0];
    if (!file) return;
    try {
      const doc = JSON.parse(await file.text());
      const framework = engine.frameworkIds().includes(doc.framework) ? doc.framework : state.framework;
      state.framework = null; // a new document: the form is rebuilt for it, not read
      showForm(framework, state.lang);
      frameworkOptions(state.lang);
      fill(doc);
      status(UI[state.lang].loaded(file.name));
    } catch (e) { fail(e); }
  });

  showForm(engine.frameworkIds()[0], state.lang);
  frameworkOptions(state.lang);
  // Usable from here: times since navigation start and for the engine alone.
  const now = performance.now();
  status(UI[state.lang].ready(Math.round(now - started)));
  document.body.dataset.engineMs = String(Math.round(now - started));
  document.body.dataset.ready = String(Math.round(now));
}

main();
