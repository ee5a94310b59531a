import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect, open } from './fixtures';
import { gotoStep, itemCard, openSection } from './pages';
import { halfFinishedAssessment, knownAssessment } from './data';
import type { Page } from '@playwright/test';

async function importAssessment(page: Page, data: object, name = 'known.json') {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
}

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(tmpdir(), `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** One word of a PDF page and its box, in points from the top left (poppler's `pdftotext -bbox`). */
type Word = { text: string; x0: number; y0: number; x1: number; y1: number };
type PdfPage = { width: number; height: number; words: Word[] };

const MM = 72 / 25.4;
/** The page margins of the print rules (style/main.css `@page`), in points. */
const MARGIN = { top: 17 * MM, side: 14 * MM, bottom: 15 * MM };

function pdfPages(path: string): PdfPage[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const decode = (t: string) =>
    t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&(#39|apos);/g, "'").replace(/&amp;/g, '&');
  return [...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: decode(w[5]),
    })),
  }));
}

/** The words of a page's body, between its top and bottom margins, in reading order. */
const body = (p: PdfPage) => p.words.filter((w) => w.y0 >= MARGIN.top - 1 && w.y1 <= p.height - MARGIN.bottom + 1);
const head = (p: PdfPage) => p.words.filter((w) => w.y1 < MARGIN.top - 1).map((w) => w.text).join(' ');
const foot = (p: PdfPage) => p.words.filter((w) => w.y0 > p.height - MARGIN.bottom + 1).map((w) => w.text).join(' ');
/** Words as the PDF may break them: at spaces, and after a hyphen at the end of a line. */
const words = (text: string) => text.split(/\s+|(?<=-)/).filter(Boolean);

/** The width between the side margins of an A4 or Letter page, in CSS pixels. */
const CONTENT_WIDTH = { A4: ((210 - 28) / 25.4) * 96, Letter: ((215.9 - 28) / 25.4) * 96 };

/**
 * Lays the page out for print at the width of the paper's printable area and returns what does not fit:
 * how far the page is wider than that (Chromium would shrink the whole printout to fit it) and the
 * elements that clip content sideways (their overflow would never reach the paper).
 */
async function printOverflow(page: Page, format: 'A4' | 'Letter') {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: Math.floor(CONTENT_WIDTH[format]), height: viewport.height });
  const found = await page.evaluate(() => {
    const clipped = [...document.querySelectorAll('.report-document *')]
      .filter((el) => !el.matches('.visually-hidden, .visually-hidden *'))
      .filter((el) => getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    const root = document.documentElement;
    return { wider: root.scrollWidth - root.clientWidth, clipped };
  });
  await page.setViewportSize(viewport);
  return found;
}

/** The words of `wanted` that `found` lacks, counting repeats: ["a", "a"] in ["a"] lacks one "a". */
function notIn(wanted: string[], found: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of found) left.set(w, (left.get(w) ?? 0) + 1);
  return wanted.filter((w) => {
    const n = left.get(w) ?? 0;
    left.set(w, n - 1);
    return n <= 0;
  });
}

/** Prints the page as the browser's print dialog would (print media) and returns the PDF's pages. */
async function printPdf(page: Page, format: 'A4' | 'Letter', name: string): Promise<PdfPage[]> {
  const path = join(tmpdir(), `${name}-${format}-${Date.now()}.pdf`);
  await page.pdf({ path, format, printBackground: true });
  return pdfPages(path);
}

/** A small RFC 4180 parser, enough to check the exports. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the results table shows the levels the engine computes for known answers', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await expect(page.getByRole('status')).toContainText('Imported "Known answers"');
  await gotoStep(page, 'Results');
  const table = page.getByRole('table', { name: 'Security levels by zone' }).first();
  const cellA = table.getByRole('row', { name: /Cell A/ });
  const boiler = table.getByRole('row', { name: /Boiler/ });
  // FR1: all SL1 items implemented for all zones -> SL-A 1 in Cell A, its SL2 items unanswered (not yet
  // assessed); Boiler overrides SR 1.1 with Not implemented -> SL-A 0, a known gap.
  await expect(cellA.getByRole('cell').nth(0)).toHaveText('SL-A 1 / SL-T 2 ◌ not yet assessed 6 of 16 questions open SL-A 2 if they are met', { useInnerText: true });
  await expect(boiler.getByRole('cell').nth(0)).toHaveText('SL-A 0 / SL-T 1 ▼ gap 1');
  await expect(cellA.getByRole('cell').nth(1)).toContainText('SL-A 0 / SL-T 2 ◌ not yet assessed');
  await expect(boiler.getByRole('rowheader')).toHaveText('Boiler <b>house</b>');
  await expect(page.getByText('Overall maturity: ML0')).toBeVisible();
  await expect(page.locator('svg[role="img"] desc').first()).toContainText('FR1 SL-A 1 of SL-T 2');
});

test('the report prints to a PDF with the summary, every zone and the roadmap actions', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Report');
  const report = page.getByRole('article', { name: 'Report' });
  await expect(report.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await page.getByRole('radio', { name: /^Full report/ }).check();
  await expect(report.getByRole('heading', { name: 'Gap register' })).toBeVisible();
  // User text with HTML appears literally, never interpreted.
  await expect(report).toContainText('Acme <script>alert(1)</script> Utilities');
  await expect(report).toContainText('Shared <i>operator</i> login, =SUM(A1)');
  await expect(report.locator('i, b, script')).toHaveCount(0);
  await expect(report).toContainText('No wireless, "none" at all, checked 2026');
  await expect(report).toContainText('Owner: J. Doe');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Assessment steps' })).toBeHidden();
  const pdfPath = join(tmpdir(), `report-${Date.now()}.pdf`);
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Executive summary');
  expect(text).toContain('Cell A');
  expect(text).toContain('Boiler <b>house</b>');
  expect(text).toContain('Gap register');
  expect(text).toContain('Appendix');
  expect(text).not.toContain('Assessment steps');
  // Every roadmap action title appears in the PDF (titles can wrap in the layout, so compare words).
  const titles = await report.locator('.report-action > strong').allTextContents();
  expect(titles.length).toBeGreaterThan(20);
  const flat = text.replace(/\s+/g, ' ');
  for (const t of titles) expect(flat).toContain(t.replace(/\s+/g, ' ').split(' (')[0]);
  // The executive summary is one page: page 2, after the cover; the scorecard starts on page 3.
  const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdfPath, '-'], { encoding: 'utf8' });
  expect(page2).toContain('Executive summary');
  expect(page2).toContain('Top five gaps');
  expect(page2).toContain('First steps');
  const page3 = pdfPages(pdfPath)[2];
  expect(body(page3)[0].text).toBe('Scorecard');
  const pages = Number(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
  expect(pages).toBeGreaterThan(3);
  const letter = await page.pdf({ format: 'Letter' });
  expect(letter.length).toBeGreaterThan(10_000);
});

test('JSON export then import gives an identical assessment; CSV and Markdown exports are right', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Report');
  const first = await downloadText(page, 'Export JSON (re-importable)');
  expect(first.name).toBe('known-answers.json');
  const exported = JSON.parse(first.text);
  expect(exported.schema).toBe(5); // the schema-1 file was migrated on import
  expect(exported.catalogue_version).toBe('2026.12-1');
  expect(exported.assessment.answers).toEqual(knownAssessment().assessment.answers);

  // Delete it, import the export, export again: byte-identical.
  await gotoStep(page, 'Start');
  const row = page.getByRole('list', { name: 'Saved assessments' }).getByRole('listitem').filter({ hasText: 'Known answers' });
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: 'Yes, delete it' }).click();
  await page.locator('#import-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await expect(page.getByRole('status')).toContainText('Imported "Known answers"');
  await gotoStep(page, 'Report');
  const second = await downloadText(page, 'Export JSON (re-importable)');
  expect(second.text).toBe(first.text);

  const gaps = await downloadText(page, 'Export gap register (CSV)');
  expect(gaps.text.startsWith('\ufeff')).toBe(true);
  expect(gaps.text).toContain('\r\n');
  const rows = parseCsv(gaps.text.slice(1));
  expect(rows[0]).toEqual(['Part', 'Reference', 'Title', 'Zone', 'FR', 'Lowest SL', 'SL-A', 'SL-T', 'Answer', 'Justification', 'Notes', 'Recommended action', 'Effort', 'Phase', 'Horizon', 'Status', 'Owner', 'Target date', 'Plan note']);
  const boilerSr11 = rows.find((r) => r[1] === 'SR 1.1' && r[3] === 'Boiler <b>house</b>')!;
  expect(boilerSr11[8]).toBe('Not implemented');
  expect(boilerSr11[10]).toBe('Shared <i>operator</i> login, =SUM(A1)');
  expect(boilerSr11[15]).toBe('Planned');
  expect(boilerSr11[16]).toBe('J. Doe');
  expect(rows.every((r) => r.length === 19)).toBe(true);

  const roadmap = await downloadText(page, 'Export roadmap (CSV)');
  const rrows = parseCsv(roadmap.text.slice(1));
  expect(rrows[0]).toEqual(['Order', 'Phase', 'Horizon', 'References', 'Title', 'Action', 'Zones', 'Effort', 'Quick win', 'Blocks next level', 'Gap', 'Status', 'Owner', 'Target date', 'Note']);
  // The short report shown lists each action as a row of its phase's table.
  const onScreen = await page.locator('.roadmap-table tbody tr').count();
  expect(rrows.length - 1).toBe(onScreen);

  await page.getByRole('radio', { name: /^Full report/ }).check();
  const md = await downloadText(page, 'Export report (Markdown)');
  expect(md.text).toContain('Executive summary');
  expect(md.text).toContain('Cell A');
  expect(md.text).not.toContain('<script>');
  // The Markdown is the report on screen: its title, every section heading and every table.
  expect(md.text.startsWith('# IEC 62443 self-assessment: Known answers\n')).toBe(true);
  const sections = await page.locator('.report-document .report-section > h2').allTextContents();
  expect(sections.length).toBeGreaterThan(3);
  for (const heading of sections) expect(md.text).toContain(`\n## ${heading}\n`);
  const tables = await page.locator('.report-document table').count();
  expect(md.text.split('\n').filter((l) => l.startsWith('|---|')).length).toBe(tables);
  // Markup typed by the user stays text.
  expect(md.text).toContain('Boiler \\<b\\>house\\</b\\>');
  expect(md.text).not.toContain('<b>');
});

test('a "vendor to confirm" answer becomes a question for vendors in the gap register and the report', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr3');
  // SR 3.8 (SL 2, in scope in Cell A) is one the vendor answers: its guidance says so, and its seventh
  // answer, key 7, is "Vendor to confirm".
  const sr38 = itemCard(page, 'sr-3.8');
  await sr38.getByText('Why it matters and evidence').click();
  await expect(sr38.getByText('Ask your system or product vendor')).toBeVisible();
  await expect(sr38.locator('label[for="q-sr-3_8-vendor_to_confirm"]')).toContainText('7Vendor to confirm');
  await sr38.focus();
  await page.keyboard.press('7');
  await expect(sr38.locator('#q-sr-3_8-vendor_to_confirm')).toBeChecked();
  await sr38.getByLabel('Notes (optional)').fill('Asked the integrator on 3 December');
  // The risk assessment steps have no such answer.
  await openSection(page, 'zcr');
  await expect(itemCard(page, 'zcr-1.1').locator('label[for="q-zcr-1_1-vendor_to_confirm"]')).toHaveCount(0);

  // It counts as not met, and apart.
  await gotoStep(page, 'Results');
  await expect(page.getByRole('list', { name: 'Answer counts' })).toContainText('1 for vendors to confirm');
  await gotoStep(page, 'Roadmap');
  await expect(page.locator('#action-sr-3_8')).toContainText('Vendor to confirm: ask the vendor first');

  await gotoStep(page, 'Report');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  const gaps = page.getByRole('article', { name: 'Report' }).getByRole('region', { name: 'Gap register' });
  const row = gaps.getByRole('table', { name: 'Gap register' }).getByRole('row').filter({ hasText: 'SR 3.8 Session integrity' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Cell A');
  await expect(row).toContainText('Vendor to confirm');
  await expect(gaps.getByRole('heading', { name: 'Questions for vendors' })).toBeVisible();
  const questions = gaps.getByRole('list', { name: 'Questions for vendors' }).getByRole('listitem');
  await expect(questions).toHaveCount(1);
  await expect(questions).toContainText('SR 3.8 Session integrity (zone Cell A): In this zone, are sessions between clients and servers');
  await expect(questions).toContainText('Notes: Asked the integrator on 3 December');

  // The exports say the same.
  const markdown = (await downloadText(page, 'Export report (Markdown)')).text;
  expect(markdown).toContain('\n### Questions for vendors\n');
  expect(markdown).toContain('1. SR 3.8 Session integrity (zone Cell A): In this zone, are sessions');
  const csv = parseCsv((await downloadText(page, 'Export gap register (CSV)')).text.replace(/^\uFEFF/, ''));
  const [header, ...rows] = csv;
  const sr38Row = rows.find((r) => r[header.indexOf('Reference')] === 'SR 3.8');
  expect(sr38Row?.[header.indexOf('Answer')]).toBe('Vendor to confirm');
  expect(sr38Row?.[header.indexOf('Zone')]).toBe('Cell A');
});

test('a conduit follows its zones\' target level until one is set for it; scope, results and report show it', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Scope');
  // Historian link joins Cell A {2 2 2 2 2 2 2} and Boiler house {1 1 1 1 1 1 1}: the higher per FR.
  const conduits = page.getByRole('table', { name: 'Conduits' });
  const historian = conduits.getByRole('row').filter({ hasText: 'Historian link' }).first();
  await expect(historian).toContainText('{2 2 2 2 2 2 2} from its zones');
  const lines = page.getByRole('list', { name: 'Target level per conduit' });
  await expect(lines).toHaveText('Historian link (Cell A to Boiler <b>house</b>): SL-T {2 2 2 2 2 2 2}, from its zones.');

  await page.getByRole('button', { name: 'Target level of conduit Historian link' }).click();
  const editor = page.getByRole('group', { name: 'Target security level (SL-T) of Historian link' });
  await expect(editor.getByLabel(/^Follow its zones/)).toBeChecked();
  await editor.getByLabel('Set a target level for the conduit').check();
  await expect(historian).toContainText('{2 2 2 2 2 2 2} set for the conduit');
  await editor.getByLabel('A level per foundational requirement').check();
  await editor.getByLabel('FR5 Restricted data flow').selectOption('3');
  await expect(historian).toContainText('{2 2 2 2 3 2 2} set for the conduit');
  await expect(lines).toContainText('SL-T {2 2 2 2 3 2 2}, set for the conduit. It is above the SL-T of both zones in FR5');

  // Saved: after a reload, in the results, the report and the JSON export.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Conduits' }).getByRole('row').filter({ hasText: 'Historian link' }).first()).toContainText('{2 2 2 2 3 2 2} set for the conduit');
  await gotoStep(page, 'Results');
  await expect(page.getByRole('list', { name: 'Target level per conduit' })).toContainText('Historian link (Cell A to Boiler <b>house</b>): SL-T {2 2 2 2 3 2 2}, set for the conduit.');
  await gotoStep(page, 'Report');
  await expect(page.getByRole('article', { name: 'Report' }).getByRole('list', { name: 'Target level per conduit' })).toContainText('SL-T {2 2 2 2 3 2 2}, set for the conduit.');
  const exported = JSON.parse((await downloadText(page, 'Export JSON (re-importable)')).text);
  expect(exported.assessment.conduits[0].target).toEqual([2, 2, 2, 2, 3, 2, 2]);

  // Back to following the zones: the conduit's own level is dropped.
  await gotoStep(page, 'Scope');
  await page.getByRole('button', { name: 'Target level of conduit Historian link' }).click();
  await page.getByRole('group', { name: 'Target security level (SL-T) of Historian link' }).getByLabel(/^Follow its zones/).check();
  await expect(page.getByRole('table', { name: 'Conduits' }).getByRole('row').filter({ hasText: 'Historian link' }).first()).toContainText('{2 2 2 2 2 2 2} from its zones');
  await gotoStep(page, 'Report');
  const again = JSON.parse((await downloadText(page, 'Export JSON (re-importable)')).text);
  expect(again.assessment.conduits[0].target).toBeUndefined();
});

test('a note written in one zone keeps the all-zones answer and reaches the appendix', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  await page.getByLabel('Answer for').selectOption({ label: 'Cell A' });
  const sr13 = itemCard(page, 'sr-1.3');
  await expect(sr13.getByText('This zone uses the answer given for all zones.')).toBeVisible();
  await sr13.getByLabel('Notes (optional)').fill('Two shared accounts left on the HMI');
  // Still the all-zones answer: no override, and "Clear answer" has nothing of the zone's to clear.
  await expect(sr13.locator('#q-sr-1_3-implemented')).toBeChecked();
  await expect(sr13.getByText('This zone uses the answer given for all zones.')).toBeVisible();
  await expect(sr13.getByText('This zone has its own answer.')).toHaveCount(0);
  await expect(sr13.getByRole('button', { name: 'Clear answer' })).toBeDisabled();
  // The all-zones view does not show the zone's note, and counts no zone with an answer of its own.
  await page.getByLabel('Answer for').selectOption({ label: 'All zones (same answer)' });
  await expect(sr13.getByLabel('Notes (optional)')).toHaveValue('');
  await expect(sr13.getByText('zone(s) have their own answer')).toHaveCount(0);

  await gotoStep(page, 'Results');
  const cellA = page.getByRole('table', { name: 'Security levels by zone' }).first().getByRole('row', { name: /Cell A/ });
  await expect(cellA.getByRole('cell').nth(0)).toContainText('SL-A 1 / SL-T 2 ◌ not yet assessed');
  await gotoStep(page, 'Report');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  const appendix = page.getByRole('table', { name: 'Every question answered or annotated' });
  const row = appendix.getByRole('row').filter({ hasText: 'SR 1.3' }).filter({ hasText: 'Cell A' });
  await expect(row).toContainText('Implemented (all zones)');
  await expect(row).toContainText('Zone notes: Two shared accounts left on the HMI');
});

test('a half-finished three-zone assessment prints as a short and a full report that fit A4 and Letter', async ({ page }) => {
  // With an asset inventory: the short report counts it in one line, the full one by zone and type.
  const file = halfFinishedAssessment();
  const types = ['plc', 'hmi', 'network_equipment', 'field_device'];
  const assets = Array.from({ length: 60 }, (_, i) => ({ id: `a${i + 1}`, zone: i < 40 ? 'z1' : i < 52 ? 'z2' : 'z3', name: `DEV-${i + 1}`, type: types[i % 4], quantity: 1 + (i % 3) }));
  Object.assign(file.assessment, { assets });
  await importAssessment(page, file);
  await gotoStep(page, 'Report');
  const report = page.getByRole('article', { name: 'Report' });
  const short = page.getByRole('radio', { name: /^Short report/ });
  const full = page.getByRole('radio', { name: /^Full report/ });
  await expect(short).toBeChecked();
  await expect(report.getByText('Assets: Treatment control 79, Plant DMZ 24, Chlorination safety PLCs 17 (120 in all)')).toBeVisible();
  await expect(report.getByRole('table', { name: 'Assets by zone and type' })).toHaveCount(0);
  await expect(report.locator('.report-section > h2')).toHaveText(['Executive summary', 'Scorecard', 'Roadmap']);
  await expect(report.getByRole('table', { name: /^Phase 1: / })).toBeVisible();

  const runningHead = 'Riverside water treatment: OT security review · 2026-11-24';
  const counts: Record<string, number> = {};
  for (const [length, radio] of [['short', short], ['full', full]] as const) {
    await radio.check();
    const sections = length === 'short' ? 3 : 5;
    await expect(report.locator('.report-section > h2')).toHaveCount(sections);
    // What must reach the paper: every word of the executive summary, and every table's column headings.
    const summary = words(await report.locator('.report-section[aria-labelledby="report-summary"]').innerText());
    const headerRows = (await report.locator('table thead tr').allInnerTexts()).map(words);
    expect(headerRows.length).toBeGreaterThan(5);

    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const where = `${length} report on ${format}`;
      // Every table fits the paper's width: nothing is wider (which would shrink the whole printout) and
      // nothing scrolls or clips sideways.
      expect(await printOverflow(page, format), where).toEqual({ wider: 0, clipped: [] });
      const pages = await printPdf(page, format, `report-${length}`);
      counts[`${length} ${format}`] = pages.length;
      if (length === 'short') expect(pages.length, where).toBeLessThanOrEqual(10);

      // The cover has neither running head nor page number; every other page has both.
      expect(head(pages[0]) + foot(pages[0]), where).toBe('');
      pages.slice(1).forEach((p, i) => {
        expect(head(p), `${where}, page ${i + 2}`).toBe(runningHead);
        expect(foot(p), `${where}, page ${i + 2}`).toBe(`Page ${i + 2} of ${pages.length}`);
      });

      // Page 2 holds the whole executive summary; page 3 starts with the scorecard.
      const page2 = body(pages[1]).flatMap((w) => words(w.text));
      expect(page2[0], where).toBe('Executive');
      expect(notIn(summary, page2), `${where}: summary words not on page 2`).toEqual([]);
      expect(body(pages[2])[0].text, where).toBe('Scorecard');

      // No word runs past the page edge or into the side margins, on any page.
      for (const [i, p] of pages.entries()) {
        const outside = p.words.filter((w) => w.x0 < MARGIN.side - 1 || w.x1 > p.width - MARGIN.side + 1);
        expect(outside.map((w) => w.text), `${where}, page ${i + 1}: words past the margin`).toEqual([]);
      }
      // Every table's column headings are on paper (poppler reads wrapped headings line by line, so their
      // words are compared, not their order).
      const printed = pages.flatMap((p) => p.words.flatMap((w) => words(w.text)));
      for (const row of headerRows) expect(notIn(row, printed), where).toEqual([]);
      // Unanswered questions are counted, not listed (none of them has notes here).
      expect(printed.join(' '), where).not.toContain('Not answered');
    }
    await page.emulateMedia({ media: 'screen' });
  }
  const assetTable = report.getByRole('table', { name: 'Assets by zone and type' });
  await expect(assetTable.getByRole('row', { name: 'Treatment control PLC / controller 19' })).toBeVisible();
  await expect(assetTable.getByRole('row')).toHaveCount(1 + 4 + 4 + 4);
  // The full report adds the detailed actions, the gap register and the answers (it was 100 pages when it
  // listed every unanswered question).
  for (const format of ['A4', 'Letter']) {
    expect(counts[`full ${format}`]).toBeGreaterThan(counts[`short ${format}`]);
    expect(counts[`full ${format}`]).toBeLessThanOrEqual(50);
  }
  console.log(`pages: ${JSON.stringify(counts)}`);
});

test('the Markdown export follows the report chosen', async ({ page }) => {
  await importAssessment(page, halfFinishedAssessment());
  await gotoStep(page, 'Report');
  const short = await downloadText(page, 'Export report (Markdown)');
  expect(short.name).toBe('riverside-water-treatment-ot-security-review-short-report.md');
  expect(short.text).toContain('\n## Roadmap\n');
  expect(short.text).not.toContain('\n## Gap register\n');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  const full = await downloadText(page, 'Export report (Markdown)');
  expect(full.name).toBe('riverside-water-treatment-ot-security-review-full-report.md');
  expect(full.text).toContain('\n## Gap register\n');
  expect(full.text).toContain('\n### Questions not answered yet\n');
  expect(full.text).not.toMatch(/\| Not answered \|\s*\|$/m);
});

test('long unbroken names wrap in print instead of widening the page', async ({ page }) => {
  const data = halfFinishedAssessment();
  data.assessment.name = 'Riverside_water_treatment_OT_security_review_with_a_very_long_unbroken_name_2026';
  data.assessment.zones[2].name = 'Chlorination_safety_PLCs_north_building_dosing_station_3_and_more';
  await importAssessment(page, data);
  await gotoStep(page, 'Report');
  for (const length of ['Short report', 'Full report']) {
    await page.getByRole('radio', { name: new RegExp(`^${length}`) }).check();
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      expect(await printOverflow(page, format), `${length} on ${format}`).toEqual({ wider: 0, clipped: [] });
    }
    await page.emulateMedia({ media: 'screen' });
  }
});

test('the full report\'s PDF draws the map: its zones and conduits above the map\'s caption, on one page', async ({ page }) => {
  await importAssessment(page, halfFinishedAssessment());
  await gotoStep(page, 'Report');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  const report = page.getByRole('article', { name: 'Report' });
  const figure = report.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  await expect(figure).toBeVisible();
  const svg = figure.locator('.zone-map-canvas svg');
  const aspect = Number(await svg.getAttribute('height')) / Number(await svg.getAttribute('width'));
  await page.emulateMedia({ media: 'print' });
  const pages = await printPdf(page, 'A4', 'report-map');
  const text = (p: PdfPage) => p.words.map((w) => w.text).join(' ');
  const caption = 'Zones and conduits: 3 zones, 2 conduits';
  const onPage = pages.filter((p) => text(p).includes(caption));
  expect(onPage).toHaveLength(1);
  const mapPage = onPage[0];
  // The caption's first word "Zones" followed by "and conduits:" marks where the figure ends.
  const at = mapPage.words.findIndex((w, i) => w.text === 'Zones' && mapPage.words[i + 1]?.text === 'and' && mapPage.words[i + 2]?.text === 'conduits:');
  expect(at).toBeGreaterThanOrEqual(0);
  const captionTop = mapPage.words[at].y0;
  // The map fits the page width, so it is at most that wide and `aspect` times that high, just above
  // its caption.
  const mapTop = captionTop - (CONTENT_WIDTH.A4 * 0.75) * aspect - 4;
  // The drawing is text in the PDF (not a flat picture): the zone names in their boxes, each box's mark and
  // the conduit labels, all in the map's area above the caption (the text alternative is below it).
  const above = mapPage.words.filter((w) => w.y0 >= mapTop && w.y1 <= captionTop + 0.5).map((w) => w.text).join(' ');
  for (const drawn of ['Treatment control', 'Plant DMZ', 'Chlorination safety', 'Historian link', 'Safety network', 'Gap']) {
    expect(above, `${drawn} drawn on the map's page`).toContain(drawn);
  }
  expect(above).toMatch(/DMZ \(L3\.5\)/);
});
