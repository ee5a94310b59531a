// Performance budget (issue 15): measures the release build of the app against a minimal Leptos page
// (bench/minimal, same versions, profile and rustflags), both served gzip-compressed as a static host would
// (scripts/static-server.mjs), and prints one table: figure, app, minimal page, ratio, budget, PASS/FAIL.
// Run through scripts/bench, which builds both dist/ folders and runs the native scoring bench first.
//
//   node scripts/bench.mjs [--app dist] [--minimal bench/minimal/dist] [--runs 15] [--answers 200]
//                          [--zones 10] [--scoring FILE]
//
// 1. transfer: what the first screen loads (scripts/size.mjs), gzip -9 and brotli 11;
// 2. in headless Chromium, fresh context per load (cache disabled, service workers blocked), app and
//    minimal page alternating, in four profiles (no throttling; broadband; slow; CPU 4x slower):
//    - first paint: `first-contentful-paint` of the Paint Timing API (the app's static first screen, the
//      minimal page's heading), ms from navigation start;
//    - interactive: navigation start until the page's main button can be clicked: in the DOM, visible,
//      enabled, the wasm started, and the frame that shows it painted (UI.appReady / UI.minimalReady);
// 3. answer click -> live summary updated, over N answers in a 10-zone full assessment, measured in the page;
// 4. JS heap + wasm memory after those answers, and the wasm memory kept by 100 more section switches and
//    100 more answers (flat = nothing kept);
// 5. the native scoring time (output of `cargo run --release --bin bench-scoring`, passed with --scoring).
// Exits 0 even when a budget fails: it is a report.
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { distSizes, printSizes, kb, FIRST_SCREEN_BUDGET_KB } from './size.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------------
// What the bench looks for in the pages: visible names and labels, and the few selectors the browser
// tests use too (tests/e2e/pages.ts). The one place to change when the UI changes.
const UI = {
  // Interactive = this button can be clicked (accessible name, a regular expression).
  appReady: '^Start a new assessment$', // the Start step's main button
  minimalReady: '^Clicked \\d+ times$', // bench/minimal's counter button
  // The answer and memory bench (app only).
  importInput: '#import-file', // file input of "Choose a file to import" on the Start step
  importedStatus: 'Imported', // text of the status message once the file is in
  questionnaireHeading: 'Questionnaire', // level-1 heading of the step at #/questionnaire
  zoneChoice: 'Answer for', // label of the select that picks the zone the answers are for
  section: (slug) => `button[data-section="${slug}"]`, // questionnaire section; aria-current="true" when shown
  questionCard: 'article[id^="q-"]', // a question, id "q-<item id, dots as _>"
  answerInput: (card, code) => `#${card}-${code}`, // its radio button for an answer code (implemented, ...)
  answerLabel: (card, code) => `label[for="${card}-${code}"]`, // ... and the label a user clicks
  liveSummary: '[aria-label="Live summary"]', // the summary that follows every answer
};

// ---------------------------------------------------------------------------------------------------
// Options, profiles and budgets
const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}
const APP_DIST = resolve(ROOT, opt('app', 'dist'));
const MIN_DIST = resolve(ROOT, opt('minimal', 'bench/minimal/dist'));
const RUNS = Math.max(1, Number(opt('runs', 15)));
const ANSWERS = Number(opt('answers', 200));
const ZONES = Number(opt('zones', 10));
const SCORING = opt('scoring', '');

const BUDGET = {
  transferKb: FIRST_SCREEN_BUDGET_KB, // first screen, gzip -9, KB = 1000 bytes
  paintRatio: 1.2, // first paint median, app / minimal page, in every profile
  interactiveRatio: 2, // interactive median, app / minimal page, in the profiles that have it
  answerP95Ms: 16, // answer click -> live summary updated, 95th percentile
  memoryMb: 20, // JS heap + wasm memory after the 10-zone assessment
  keptKb: 64, // wasm memory kept by 100 section switches, and by 100 answers (one 64 KB wasm page of slack)
  scoringUs: 1000, // native full scoring of 20 zones, median
};

// Throttling through the DevTools protocol (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate).
// Network latency is added to each request; throughput in bits per second.
const PROFILES = [
  { name: 'no throttling', interactiveBudget: true },
  { name: 'broadband', network: { latency: 40, down: 10e6, up: 5e6 }, interactiveBudget: false },
  { name: 'slow', network: { latency: 150, down: 1.6e6, up: 0.75e6 }, interactiveBudget: false },
  { name: 'CPU 4x slower', cpu: 4, interactiveBudget: true },
];
const describeProfile = (p) =>
  p.network
    ? `${p.network.latency} ms latency, ${p.network.down / 1e6} Mbit/s down, ${p.network.up / 1e6} Mbit/s up`
    : p.cpu
      ? `CPU throttled ${p.cpu}x, network not throttled`
      : 'nothing throttled';

// ---------------------------------------------------------------------------------------------------
// Small helpers
const log = (...a) => console.log(...a);
const section = (t) => log(`\n== ${t}`);
const MB = (bytes) => bytes / 1e6;
const fmtMs = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
function quantile(values, q) {
  // Nearest rank, so every reported figure is one of the measurements.
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
function stats(values) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, min: s[0], p50: quantile(s, 0.5), p90: quantile(s, 0.9), p95: quantile(s, 0.95), max: s[s.length - 1], mean };
}
const statLine = (st) => `median ${fmtMs(st.p50)} (min ${fmtMs(st.min)}, p90 ${fmtMs(st.p90)}, max ${fmtMs(st.max)}; n=${st.n})`;

/**
 * Serves `root` from a child Node process (scripts/static-server.mjs, gzip only), so file requests are not
 * queued behind Playwright's own work in this process's event loop (which added tens of milliseconds to
 * every response when measured).
 */
function serveInChild(root) {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(ROOT, 'scripts', 'static-server.mjs'), [], {
      env: { ...process.env, STATIC_SERVER_CHILD: root, STATIC_SERVER_BROTLI: '0' },
      stdio: 'inherit',
    });
    child.once('message', (m) => resolvePromise({ url: m.url, close: () => child.kill() }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`static server for ${root} exited (${code})`)));
  });
}

// ---------------------------------------------------------------------------------------------------
// In-page instrumentation, installed before any page script runs. `ready` is the accessible name (a
// regular expression) of the button that makes the page interactive.
const INIT_SCRIPT = (ready) => {
  const name = new RegExp(ready);
  const b = (window.__bench = { readyInDom: null, ready: null, started: null, memory: null, fcp: null, boot: false, bootGone: null });
  const label = (el) => (el.getAttribute('aria-label') || el.textContent || el.value || '').replace(/\s+/g, ' ').trim();
  const clickable = (el) => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const check = () => {
    const boot = document.getElementById('boot');
    if (boot) b.boot = true;
    else if (b.boot && b.bootGone === null) b.bootGone = performance.now();
    if (b.readyInDom === null) {
      for (const el of document.querySelectorAll('button, [role="button"], input[type="submit"]')) {
        if (!name.test(label(el)) || !clickable(el)) continue;
        b.readyInDom = performance.now();
        // The frame that shows it: a task queued from requestAnimationFrame runs once that frame is painted.
        requestAnimationFrame(() => {
          const c = new MessageChannel();
          c.port1.onmessage = () => (b.ready = performance.now());
          c.port2.postMessage(0);
        });
        break;
      }
    }
    if (b.readyInDom !== null && (!b.boot || b.bootGone !== null)) mo.disconnect();
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'class', 'style', 'hidden'] });
  addEventListener(
    'TrunkApplicationStarted',
    (e) => {
      b.started = performance.now();
      b.memory = e.detail && e.detail.wasm ? e.detail.wasm.memory : null;
    },
    { once: true },
  );
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint' && b.fcp === null) b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
};

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** A fresh context and page: cache disabled, service workers blocked, the profile's throttling, the timing script. */
async function freshPage(browser, problems, { ready, profile = PROFILES[0] }) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(INIT_SCRIPT, ready);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) {
    const n = profile.network;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: n.latency,
      downloadThroughput: n.down / 8,
      uploadThroughput: n.up / 8,
    });
  }
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  page.on('console', (m) => {
    // The 404 itself is reported with its address by the response handler below.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    const artifact = /onupdatefound/.test(e.message)
      ? ' [Playwright\'s serviceWorkers: "block" makes register() resolve to undefined; the app then sets a property on it]'
      : '';
    problems.push(`page error: ${e.message}${artifact}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return { context, page, cdp };
}

/** Navigates and waits until the page is interactive; returns the in-page timings (ms since navigation start). */
async function load(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.ready !== null && window.__bench.started !== null && window.__bench.fcp !== null, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const b = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const of = (suffix) => res.filter((r) => r.name.split('?')[0].endsWith(suffix));
    const end = (suffix) => Math.max(0, ...of(suffix).map((r) => r.responseEnd));
    const wasm = of('.wasm')[0];
    return {
      paint: b.fcp,
      interactive: Math.max(b.ready, b.started),
      readyInDom: b.readyInDom,
      started: b.started,
      bootGone: b.bootGone ?? NaN,
      html: nav ? nav.responseEnd : NaN,
      css: end('.css'),
      js: end('.js'),
      wasm: end('.wasm'),
      // Bytes on the wire against bytes decoded: proves the wasm came gzip-compressed.
      wasmEncoded: wasm ? wasm.encodedBodySize : NaN,
      wasmDecoded: wasm ? wasm.decodedBodySize : NaN,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// A generated full assessment (saved format of README "Exports"), from the questionnaire files.
function catalogueItems() {
  const dir = join(ROOT, 'questionnaires');
  const read = (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    return text
      .split(/^\[\[item\]\]\s*$/m)
      .slice(1)
      .map((block) => block.split(/^\[\[/m)[0])
      .map((block) => ({ id: /^id\s*=\s*"([^"]+)"/m.exec(block)?.[1], sl: Number(/^sl\s*=\s*(\d)/m.exec(block)?.[1] || 0) }))
      .filter((i) => i.id);
  };
  const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(dir, 'catalogue.toml'), 'utf8'))[1];
  return {
    version,
    perZone: read('iec62443-3-3.toml'), // answered per zone
    process: read('iec62443-3-2.toml'), // once per assessment, requirement scale
    maturity: read('iec62443-2-1.toml'), // once per assessment, maturity scale
  };
}

function generatedAssessment(zoneCount) {
  let seed = 62443n;
  const rnd = (n) => {
    // SplitMix64, as benches/scoring.rs.
    seed = (seed + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = seed;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return Number((z ^ (z >> 31n)) % BigInt(n));
  };
  const requirement = () => {
    const p = rnd(100);
    if (p < 60) return { answer: 'implemented' };
    if (p < 70) return { answer: 'partial' };
    if (p < 78) return { answer: 'not_implemented' };
    if (p < 86) return { answer: 'compensating', justification: 'Recorded during the bench walk-down.' };
    if (p < 92) return { answer: 'not_applicable', justification: 'Not part of this zone.' };
    return { answer: 'dont_know' };
  };
  const maturityScale = ['not_performed', 'ml1', 'ml2', 'ml3', 'ml4', 'dont_know'];
  const cat = catalogueItems();
  const zones = [];
  for (let z = 1; z <= zoneCount; z++) {
    // Zone 1 (the one the answer bench edits) has SL-T 4 everywhere, so every requirement is asked there.
    const target = Array.from({ length: 7 }, () => (z === 1 ? 4 : 2 + rnd(3)));
    zones.push({
      id: `z${z}`,
      name: `Zone ${z}`,
      description: `Generated zone ${z} for the performance bench`,
      asset_types: ['plc', 'hmi'],
      criticality: ['low', 'medium', 'high', 'critical'][rnd(4)],
      target,
    });
  }
  const conduits = zones.slice(1).map((zone, i) => ({
    id: `c${i + 1}`,
    name: `Link ${i + 1}`,
    from: zones[i].id,
    to: zone.id,
    protocols: 'OPC UA, Modbus/TCP',
    crosses_it: i % 3 === 0,
    crosses_internet: false,
  }));
  const assessment = {};
  for (const i of cat.process) assessment[i.id] = requirement();
  for (const i of cat.maturity) assessment[i.id] = { answer: maturityScale[rnd(maturityScale.length)] };
  const allZones = {};
  const perZone = {};
  for (const i of cat.perZone) allZones[i.id] = requirement();
  for (const zone of zones) {
    perZone[zone.id] = {};
    // Every requirement answered for every zone: its own answer for about one in three, the all-zones one
    // otherwise. Zone 1 (edited by the bench) has its own "implemented" everywhere, so it starts at SL-A 4
    // and every not-met answer the bench gives there, and every answer that undoes one, changes its SL-A.
    for (const i of cat.perZone) {
      if (zone.id === 'z1') perZone[zone.id][i.id] = { answer: 'implemented' };
      else if (rnd(3) === 0) perZone[zone.id][i.id] = requirement();
    }
  }
  return {
    format: 'iec62443-assess/assessment',
    schema: 1,
    catalogue_version: cat.version,
    assessment: {
      id: 'a-bench-zones',
      name: `Bench: ${zoneCount} zones`,
      created: '2026-11-20T09:00:00.000Z',
      updated: '2026-11-21T10:30:00.000Z',
      catalogue_version: cat.version,
      profile: { organisation: 'Bench Utilities', sector: 'Water and wastewater', roles: ['asset_owner'], mode: 'full', target_maturity: 3 },
      zones,
      conduits,
      answers: { assessment, all_zones: allZones, zones: perZone },
      plan: {},
      last_step: 'questionnaire',
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// One answer, measured in the page: t0, label.click(), then the time the live summary's DOM was last
// changed (MutationObserver), or, when the answer changes nothing in it, the time the microtask queue has
// drained (a MessageChannel task: Leptos has then applied every update the click caused).
const MEASURE_ANSWER = async ({ summarySelector, labelSelector, inputSelector }) => {
  const summary = document.querySelector(summarySelector);
  const label = document.querySelector(labelSelector);
  if (!summary || !label) return { error: `missing ${summary ? labelSelector : summarySelector}` };
  const before = summary.textContent;
  let last = null;
  const mo = new MutationObserver(() => {
    last = performance.now();
  });
  mo.observe(summary, { subtree: true, childList: true, characterData: true, attributes: true });
  const t0 = performance.now();
  label.click();
  const tReturn = performance.now();
  const sync = mo.takeRecords().length > 0; // summary already changed when click() returned
  if (sync) last = tReturn;
  await new Promise((r) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => r();
    c.port2.postMessage(0);
  });
  const tSettled = performance.now();
  mo.disconnect();
  summary.getBoundingClientRect(); // style + layout of the updated page
  const tLayout = performance.now();
  const checked = document.querySelector(inputSelector)?.checked === true;
  const changed = summary.textContent !== before;
  const mutated = last !== null;
  return {
    ms: (mutated ? last : tSettled) - t0,
    handler: tReturn - t0,
    layout: tLayout - t0,
    mutated,
    changed,
    sync,
    checked,
  };
};

async function heap(cdp, page) {
  const h = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.memory?.buffer.byteLength ?? null);
  return { jsUsed: h.usedSize, jsTotal: h.totalSize, wasm };
}

async function answerBench(browser, url, problems) {
  const { context, page, cdp } = await freshPage(browser, problems, { ready: UI.appReady });
  await load(page, url);
  const before = await heap(cdp, page);

  const file = generatedAssessment(ZONES);
  const json = JSON.stringify(file);
  await page.setInputFiles(UI.importInput, { name: 'bench-assessment.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('status').filter({ hasText: UI.importedStatus }).waitFor({ timeout: 20_000 });
  await page.evaluate(() => (location.hash = '#/questionnaire'));
  await page.getByRole('heading', { level: 1, name: UI.questionnaireHeading }).waitFor();
  await page.click(UI.section('fr1'));
  await page.getByLabel(UI.zoneChoice).selectOption({ label: 'Zone 1' });
  // Zone 1 has "implemented" everywhere: its answers are shown once every question shows that.
  await page.waitForFunction(
    ({ cards, input }) => {
      const all = [...document.querySelectorAll(cards)];
      return all.length > 0 && all.every((c) => document.querySelector(input.replace('CARD', c.id))?.checked);
    },
    { cards: UI.questionCard, input: UI.answerInput('CARD', 'implemented') },
  );
  const afterImport = await heap(cdp, page);

  const measure = (card, code) =>
    page.evaluate(MEASURE_ANSWER, {
      summarySelector: UI.liveSummary,
      labelSelector: UI.answerLabel(card, code),
      inputSelector: UI.answerInput(card, code),
    });
  const showSection = async (slug) => {
    await page.click(UI.section(slug));
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-current') === 'true', UI.section(slug));
  };
  const sections = ['fr1', 'fr2', 'fr3', 'fr4', 'fr5', 'fr6', 'fr7'];
  // Per section, each question is answered twice in a row: a not-met answer (SL-A of zone 1 drops), then
  // "implemented" again (SL-A back to 4), so most answers change the summary (its worst case: the table is
  // re-rendered).
  const visits = Object.fromEntries(sections.map((s) => [s, 0]));
  const notMet = ['not_implemented', 'partial', 'dont_know'];
  const codes = ['implemented', ...notMet];
  const results = [];
  let current = 'fr1';
  for (let n = 0; n < ANSWERS; n++) {
    const s = sections[n % sections.length];
    if (s !== current) {
      await showSection(s);
      current = s;
    }
    const cards = await page.$$eval(UI.questionCard, (els) =>
      els.map((e) => ({ id: e.id, checked: e.querySelector('input[type=radio]:checked')?.id ?? '' })),
    );
    if (!cards.length) throw new Error(`no questions shown in section ${s}`);
    const v = visits[s]++;
    const card = cards[Math.floor(v / 2) % cards.length];
    let code = v % 2 === 0 ? notMet[Math.floor(v / 2) % notMet.length] : 'implemented';
    // Always a different answer from the one shown, so every click is a real change.
    for (let k = 1; card.checked === `${card.id}-${code}` && k < codes.length; k++) code = codes[(codes.indexOf(code) + 1) % codes.length];
    const r = await measure(card.id, code);
    if (r.error) throw new Error(`answer ${n + 1} (${card.id}): ${r.error}`);
    if (!r.checked) problems.push(`answer ${n + 1}: ${card.id}-${code} was not checked after the click`);
    results.push(r);
  }

  const after = await heap(cdp, page);
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = await heap(cdp, page);

  // Retention check (wasm memory only grows, so growth over many repeats is memory never given back):
  // section switches alone, then answers alone (one question toggled in one section).
  const REPEAT = 100;
  const w0 = afterGc.wasm;
  for (let i = 0; i < REPEAT; i++) await page.evaluate((sel) => document.querySelector(sel).click(), UI.section(i % 2 ? 'fr1' : 'fr2'));
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-current') === 'true', UI.section('fr1'));
  const w1 = (await heap(cdp, page)).wasm;
  const first = await page.$eval(UI.questionCard, (e) => e.id);
  for (let i = 0; i < REPEAT; i++) {
    await page.evaluate((sel) => document.querySelector(sel).click(), UI.answerLabel(first, i % 2 ? 'implemented' : 'not_implemented'));
  }
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const w2 = (await heap(cdp, page)).wasm;
  await context.close();
  const retained = w0 === null ? null : { repeat: REPEAT, switches: w1 - w0, answers: w2 - w1 };
  return { results, memory: { before, afterImport, after, afterGc, retained }, fileBytes: json.length };
}

// ---------------------------------------------------------------------------------------------------
function scoringLines() {
  if (!SCORING || !existsSync(SCORING)) return null;
  const text = readFileSync(SCORING, 'utf8');
  const median = text.split('\n').find((l) => /median/i.test(l));
  const m = median && /median ([\d.]+) µs/.exec(median);
  return { text: text.trim(), median, medianUs: m ? Number(m[1]) : NaN };
}

async function main() {
  for (const [name, dir] of [['app', APP_DIST], ['minimal page', MIN_DIST]]) {
    if (!existsSync(join(dir, 'index.html'))) {
      console.error(`${name}: ${dir}/index.html is missing; build it first (scripts/bench does).`);
      process.exit(1);
    }
  }
  const problems = [];
  const load0 = loadavg()[0];
  const busy = load0 > cpus().length * 0.75;
  log(`machine: ${cpus().length} CPU(s), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start` +
    (busy ? ' -- BUSY: other processes compete for the CPU, timings are inflated and noisier' : ''));

  // 1. Transfer size.
  section('Transfer: what the first screen loads (every file of dist/ but sw.js and the .gz/.br copies; KB = 1000 bytes)');
  const appSize = distSizes(APP_DIST);
  const minSize = distSizes(MIN_DIST);
  log(`-- app (${APP_DIST})`);
  printSizes(appSize);
  log(`-- minimal Leptos page (${MIN_DIST})`);
  printSizes(minSize);

  // 2. First paint and interactive, per profile.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
  const appServer = await serveInChild(APP_DIST);
  const minServer = await serveInChild(MIN_DIST);
  const pages = [
    { name: 'app', url: appServer.url, ready: UI.appReady },
    { name: 'minimal', url: minServer.url, ready: UI.minimalReady },
  ];
  section(`Page loads in headless Chromium ${browser.version()}: ${RUNS} per page and profile, after one warm-up each`);
  log('each run loads both pages (in alternating order) in every profile; fresh context per load, cache disabled,');
  log('service workers blocked; both pages served gzip-compressed from 127.0.0.1 by scripts/static-server.mjs in a');
  log('separate process. Times in ms from navigation start, measured in the page:');
  log(`first paint = first-contentful-paint; interactive = the main button (app: ${UI.appReady}, minimal: ${UI.minimalReady})`);
  log('is in the DOM, visible and enabled, its frame painted, and the wasm started.');
  if (RUNS < 15) log(`(--runs ${RUNS}: the budget asks for the median of 15 or more)`);
  // Run-major: each run loads both pages in every profile, so a burst of load on the machine hits all
  // profiles and both pages alike instead of one profile's figures.
  const timings = Object.fromEntries(PROFILES.map((p) => [p.name, { app: [], minimal: [] }]));
  for (let run = -1; run < RUNS; run++) {
    for (const profile of PROFILES) {
      for (const p of run % 2 ? pages : [...pages].reverse()) {
        const { context, page } = await freshPage(browser, problems, { ready: p.ready, profile });
        try {
          const t = await load(page, p.url);
          if (run >= 0) timings[profile.name][p.name].push(t);
        } catch (e) {
          problems.push(`${p.name}, ${profile.name}: ${e.message.split('\n')[0]}`);
        } finally {
          await context.close();
        }
      }
    }
  }
  for (const profile of PROFILES) {
    const runs = timings[profile.name];
    log(`\n-- ${profile.name} (${describeProfile(profile)})`);
    for (const name of ['app', 'minimal']) {
      const r = runs[name];
      const med = (k) => quantile(r.map((x) => x[k]), 0.5);
      log(`${name.padEnd(8)} first paint ${statLine(stats(r.map((x) => x.paint)))}`);
      log(`${''.padEnd(8)} interactive ${statLine(stats(r.map((x) => x.interactive)))}`);
      log(`${''.padEnd(8)} medians: HTML ${fmtMs(med('html'))}, CSS ${fmtMs(med('css'))}, JS ${fmtMs(med('js'))}, wasm ${fmtMs(med('wasm'))} received; ` +
        `button in DOM ${fmtMs(med('readyInDom'))}, wasm started ${fmtMs(med('started'))}` +
        (name === 'app' ? `, static first screen removed ${fmtMs(med('bootGone'))}` : ''));
      if (profile === PROFILES[0] && r.length) {
        const w = r[0];
        log(`${''.padEnd(8)} wasm on the wire: ${kb(w.wasmEncoded).trim()} for ${kb(w.wasmDecoded).trim()} decoded` +
          (w.wasmEncoded < w.wasmDecoded ? ' (compressed)' : ' -- NOT COMPRESSED'));
      }
    }
  }

  // 3 + 4. Answers and memory.
  section(`Answer click -> live summary updated (${ANSWERS} answers for one zone of a ${ZONES}-zone full assessment)`);
  let bench = null;
  try {
    bench = await answerBench(browser, appServer.url, problems);
  } catch (e) {
    problems.push(`answer bench: ${e.message.split('\n')[0]}`);
  }
  let st = stats([]);
  let memTotal = NaN;
  let kept = null;
  if (bench) {
    const rs = bench.results;
    st = stats(rs.map((r) => r.ms));
    const changed = rs.filter((r) => r.changed);
    const unchanged = rs.filter((r) => !r.changed);
    log(`imported assessment: ${(bench.fileBytes / 1000).toFixed(0)} KB of JSON; zone 1 at SL-T 4 (all requirements asked), others SL-T 2..4`);
    log(`all answers      : p50 ${fmtMs(st.p50)}, p95 ${fmtMs(st.p95)}, max ${fmtMs(st.max)}, mean ${fmtMs(st.mean)}`);
    if (changed.length) {
      const c = stats(changed.map((r) => r.ms));
      log(`summary changed  : ${changed.length} answers, p50 ${fmtMs(c.p50)}, p95 ${fmtMs(c.p95)}`);
    }
    if (unchanged.length) {
      const u = stats(unchanged.map((r) => r.ms));
      log(`summary unchanged: ${unchanged.length} answers, p50 ${fmtMs(u.p50)}, p95 ${fmtMs(u.p95)} (DOM settled: microtasks drained)`);
    }
    const h = stats(rs.map((r) => r.handler));
    const l = stats(rs.map((r) => r.layout));
    log(`inside click()   : p50 ${fmtMs(h.p50)}, p95 ${fmtMs(h.p95)} (the change handler: edit + save to localStorage)`);
    log(`incl. layout     : p50 ${fmtMs(l.p50)}, p95 ${fmtMs(l.p95)} (DOM settled, then style + layout forced)`);
    log(`summary DOM already updated when click() returned: ${rs.filter((r) => r.sync).length} of ${rs.length}; ` +
      `summary mutated at all: ${rs.filter((r) => r.mutated).length}`);

    section('Memory (JS heap from CDP Runtime.getHeapUsage + wasm linear memory)');
    const mem = bench.memory;
    const line = (label, m) =>
      log(`${label.padEnd(34)}: JS heap used ${MB(m.jsUsed).toFixed(2)} MB (allocated ${MB(m.jsTotal).toFixed(2)} MB), ` +
        `wasm memory ${m.wasm === null ? 'n/a' : MB(m.wasm).toFixed(2) + ' MB'}, sum ${MB(m.jsUsed + (m.wasm || 0)).toFixed(2)} MB`);
    line('start screen', mem.before);
    line(`after importing ${ZONES} zones`, mem.afterImport);
    line(`after ${ANSWERS} answers`, mem.after);
    line(`after ${ANSWERS} answers, forced GC`, mem.afterGc);
    kept = mem.retained;
    if (kept) {
      log(`wasm memory kept by ${kept.repeat} more section switches: ${(kept.switches / 1000).toFixed(1)} KB; by ${kept.repeat} more answers: ` +
        `${(kept.answers / 1000).toFixed(1)} KB (wasm memory never shrinks: steady growth = memory not released)`);
    }
    memTotal = MB(mem.after.jsUsed + (mem.after.wasm || 0));
  }

  // 5. Native scoring.
  section('Native scoring of a 20-zone full assessment (cargo run --release --bin bench-scoring)');
  const scoring = scoringLines();
  log(scoring ? scoring.text : '(not run: pass --scoring FILE with its output)');

  await browser.close();
  appServer.close();
  minServer.close();

  // The table.
  const KB = (b) => `${(b / 1000).toFixed(1)} KB`;
  const rows = [];
  const row = (figure, app, minimal, ratio, budget, ok) => rows.push({ figure, app, minimal, ratio, budget, ok });
  const gzRatio = appSize.total.gz / minSize.total.gz;
  row('transfer, first screen, gzip -9', KB(appSize.total.gz), KB(minSize.total.gz), `${gzRatio.toFixed(2)}x`, `<= ${BUDGET.transferKb} KB`,
    appSize.total.gz <= BUDGET.transferKb * 1000);
  row('transfer, first screen, brotli', KB(appSize.total.br), KB(minSize.total.br), `${(appSize.total.br / minSize.total.br).toFixed(2)}x`, '-', null);
  for (const [key, label, ratioBudget] of [['paint', 'first paint', () => BUDGET.paintRatio], ['interactive', 'interactive', (p) => (p.interactiveBudget ? BUDGET.interactiveRatio : null)]]) {
    for (const profile of PROFILES) {
      const runs = timings[profile.name];
      const a = quantile(runs.app.map((r) => r[key]), 0.5);
      const m = quantile(runs.minimal.map((r) => r[key]), 0.5);
      const ratio = a / m;
      const limit = ratioBudget(profile);
      row(`${label}, ${profile.name}`, fmtMs(a), fmtMs(m), Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a',
        limit === null ? '(reported)' : `<= ${limit}x`, limit === null ? null : Number.isFinite(ratio) && ratio <= limit);
    }
  }
  row(`answer -> summary p95, ${ZONES} zones`, fmtMs(st.p95), '-', '-', `< ${BUDGET.answerP95Ms} ms`, Number.isFinite(st.p95) && st.p95 < BUDGET.answerP95Ms);
  row(`memory after ${ANSWERS} answers`, Number.isFinite(memTotal) ? `${memTotal.toFixed(2)} MB` : 'n/a', '-', '-', `< ${BUDGET.memoryMb} MB`,
    Number.isFinite(memTotal) && memTotal < BUDGET.memoryMb);
  for (const [k, label] of [['switches', 'section switches'], ['answers', 'answers']]) {
    const v = kept ? kept[k] : NaN;
    row(`memory kept by ${kept?.repeat ?? 100} more ${label}`, Number.isFinite(v) ? KB(v) : 'n/a', '-', '-', `<= ${BUDGET.keptKb} KB`,
      Number.isFinite(v) && v <= BUDGET.keptKb * 1000);
  }
  const us = scoring ? scoring.medianUs : NaN;
  row('native scoring, 20 zones, median', Number.isFinite(us) ? `${(us / 1000).toFixed(3)} ms` : 'n/a', '-', '-', `< ${BUDGET.scoringUs / 1000} ms`,
    Number.isFinite(us) ? us < BUDGET.scoringUs : null);

  section('Performance budget');
  log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end (${load0.toFixed(2)} at the start, ${cpus().length} CPUs); ` +
    `medians of ${RUNS} loads per page and profile`);
  const cols = [['figure', 42], ['app', 12], ['minimal', 12], ['ratio', 8], ['budget', 12]];
  log(cols.map(([t, w]) => t.padEnd(w)).join('') + 'result');
  log('-'.repeat(cols.reduce((s, [, w]) => s + w, 0) + 6));
  for (const r of rows) {
    log([r.figure, r.app, r.minimal, r.ratio, r.budget].map((t, i) => String(t).padEnd(cols[i][1])).join('') +
      (r.ok === null ? '-' : r.ok ? 'PASS' : 'FAIL  <<<'));
  }
  const failed = rows.filter((r) => r.ok === false).length;
  log(failed ? `\n${failed} budget(s) FAIL (reported only; exit code 0)` : '\nAll budgets PASS');
  if (problems.length) {
    const distinct = [...new Set(problems)];
    log(`\nProblems seen in the browser (${distinct.length} distinct, ${problems.length} in all):`);
    for (const p of distinct.slice(0, 20)) log(`  ${p}`);
  }
}

export { freshPage, load, generatedAssessment, heap, MEASURE_ANSWER, LAUNCH_ARGS, UI };

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
