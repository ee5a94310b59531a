import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect } from './fixtures';
import { delayExportWorker } from './worker';
import { gotoStep, importAssessment } from './pages';
import { knownAssessment } from './data';
import type { Page } from '@playwright/test';

// The Word export, read back with python-docx (scripts/setup installs it into .venv-test/).
const PYTHON = join(process.cwd(), '.venv-test', 'bin', 'python');

// The service worker would answer the logo's request itself, out of reach of page.route.
test.use({ serviceWorkers: 'block' });

const NAME = 'Pumping <b>station</b> & "north" \'2026\' – תחנת שאיבה';
const ARABIC_ZONE = 'محطة الضخ <i>الشمالية</i>';
const NOTE = 'Shared <i>operator</i> login, =SUM(A1) & "quotes" – סיסמה משותפת';

interface DocxSummary {
  headings: { style: string; text: string }[];
  title: string[];
  paragraphs: string[];
  rtl_paragraphs: string[];
  tables: string[][][];
  pictures: number;
  page_field_in_footer: boolean;
}

/** The assessment of data.ts with markup and Hebrew and Arabic in its name, a zone and a note. */
function assessment() {
  const file = knownAssessment('a-docx-1');
  file.assessment.name = NAME;
  file.assessment.zones[1].name = ARABIC_ZONE;
  file.assessment.answers.zones.z2['sr-1.1'].notes = NOTE;
  return file;
}

/** A small logo, served from the app's origin. */
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#1f3a5f"/></svg>';

async function withBrandingAndLogo(page: Page) {
  await page.route('**/branding.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ name: 'Acme OT Consulting', logo: 'logo.svg' }) }));
  await page.route('**/logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO }));
}

/** Clicks the Word button of the chosen report, checks what it says meanwhile, reads the file back. */
async function downloadWord(page: Page, length: 'short' | 'full'): Promise<{ name: string; doc: DocxSummary }> {
  await page.locator(`#report-${length}`).check();
  const button = page.getByRole('button', { name: 'Download Word (.docx)' });
  const downloaded = page.waitForEvent('download');
  await button.click();
  // While the charts are drawn and the worker writes, the button says so.
  await expect(page.locator('.report-actions button', { hasText: 'Writing the Word file…' })).toHaveAttribute('aria-disabled', 'true');
  const download = await downloaded;
  await expect(page.getByRole('status')).toContainText('saved as a Word file');
  await expect(button).toBeVisible();
  const path = join(tmpdir(), `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const out = execFileSync(PYTHON, ['tests/e2e/read-docx.py', path], { encoding: 'utf8' });
  const doc = JSON.parse(out) as DocxSummary;
  openInLibreOffice(path, doc);
  return { name: download.suggestedFilename(), doc };
}

/**
 * Opens the file in LibreOffice Writer (headless, from Debian's libreoffice-writer-nogui, which
 * `scripts/setup --browser` installs) and prints it to PDF: the conversion must succeed without an error
 * message, and the PDF must show the title, every Heading 1 and "Page 1 of N" from the footer's fields.
 */
function openInLibreOffice(path: string, doc: DocxSummary) {
  const outdir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  const result = spawnSync('soffice', [
    `-env:UserInstallation=file://${join(outdir, 'profile')}`,
    '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outdir, path,
  ], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, `soffice: ${result.stderr}`).toBe(0);
  // Without Java (not needed for Writer) LibreOffice says so once; anything else would be about the file.
  const complaints = result.stderr.split('\n').filter((l) => l.trim() && !/failed to launch javaldx/.test(l));
  expect(complaints, 'LibreOffice printed no error').toEqual([]);
  const pdf = join(outdir, basename(path).replace(/\.docx$/, '.pdf'));
  expect(existsSync(pdf), `LibreOffice wrote ${pdf}`).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  expect(pages).toBeGreaterThan(1);
  expect(text).toContain(`Page 1 of ${pages}`);
  for (const heading of doc.headings.filter((h) => h.style === 'Heading 1')) {
    expect(text).toContain(heading.text.replace(/\s+/g, ' '));
  }
  expect(text).toContain('Pumping <b>station</b>');
}

test('the Word report, short and full, reads back with its headings, tables, user text, charts and page numbers', async ({ page }) => {
  expect(existsSync(PYTHON), 'python-docx is installed by scripts/setup into .venv-test/').toBe(true);
  await withBrandingAndLogo(page);
  // The worker's loader answers a second late, so that the button is seen at work.
  await delayExportWorker(page);
  await importAssessment(page, assessment());
  await gotoStep(page, 'Report');
  const report = page.getByRole('article', { name: 'Report' });
  await expect(report.locator('.report-logo')).toBeVisible();

  // The short report.
  const short = await downloadWord(page, 'short');
  expect(short.name).toBe('pumping-b-station-b-north-2026-short-report.docx');
  const sectionHeadings = await report.locator('.report-section > h2').allTextContents();
  const heading1 = short.doc.headings.filter((h) => h.style === 'Heading 1').map((h) => h.text);
  expect(heading1).toEqual(sectionHeadings);
  expect(short.doc.headings.some((h) => h.style === 'Heading 2')).toBe(true);
  expect(short.doc.title).toEqual([NAME]);
  expect(short.doc.paragraphs).toContain('Prepared with the self-assessment tool of Acme OT Consulting');
  // One table per table of the report on screen; the scorecard's first row holds the column headings.
  const screenTables = await report.locator('table').count();
  expect(short.doc.tables.length).toBe(screenTables);
  const screenColumns = (await report.locator('table').first().locator('thead th').allTextContents()).map((t) => t.trim());
  expect(short.doc.tables[0][0]).toEqual(screenColumns);
  // The user's text exactly, markup and right-to-left scripts included.
  const allText = [...short.doc.paragraphs, ...short.doc.tables.flat(2)].join('\n');
  expect(allText).toContain(ARABIC_ZONE);
  expect(short.doc.rtl_paragraphs.length).toBeGreaterThan(0);
  // Every chart the screen draws is a picture, and the logo one more.
  const charts = await report.locator('figure.radar > svg, svg.bars, .zone-map-canvas > svg').count();
  expect(charts).toBeGreaterThan(0);
  expect(short.doc.pictures).toBe(charts + 1);
  expect(short.doc.page_field_in_footer).toBe(true);

  // The full report adds the gap register (with the note) and the appendix.
  const full = await downloadWord(page, 'full');
  expect(full.name).toBe('pumping-b-station-b-north-2026-full-report.docx');
  const fullHeadings = await report.locator('.report-section > h2').allTextContents();
  expect(full.doc.headings.filter((h) => h.style === 'Heading 1').map((h) => h.text)).toEqual(fullHeadings);
  expect(fullHeadings.length).toBeGreaterThan(heading1.length);
  expect(full.doc.tables.length).toBe(await report.locator('table').count());
  const fullText = [...full.doc.paragraphs, ...full.doc.tables.flat(2)].join('\n');
  expect(fullText).toContain(NOTE);
  expect(fullText).toContain(ARABIC_ZONE);
  expect(full.doc.pictures).toBe((await report.locator('figure.radar > svg, svg.bars, .zone-map-canvas > svg').count()) + 1);
  expect(full.doc.page_field_in_footer).toBe(true);
  // No request left the origin during either export: the fixture fails the test on any request to another
  // origin (and aborts it), on a console error and on a page error.
});

test('without its worker the Word button says clearly what went wrong, and the app keeps working', async ({ page }) => {
  await importAssessment(page, assessment());
  await gotoStep(page, 'Report');
  // A build without the worker: the page does not name one.
  await page.evaluate(() => document.querySelector('meta[name="docx-worker"]')?.remove());
  await page.getByRole('button', { name: 'Download Word (.docx)' }).click();
  await expect(page.getByRole('alert')).toContainText('The Word exporter is missing from this build of the app.');
  await expect(page.getByRole('button', { name: 'Download Word (.docx)' })).toBeEnabled();
  await expect(page.getByRole('article', { name: 'Report' })).toBeVisible();
});

test('the Word worker is named in the page and cached for offline use by the service worker', async ({ page, request }) => {
  await page.goto('./');
  const loader = await page.locator('meta[name="docx-worker"]').getAttribute('content');
  expect(loader).toMatch(/^\.\/iec62443-docx-worker-[0-9a-f]+_loader\.js$/);
  const sw = await (await request.get('sw.js')).text();
  expect(sw).toContain(loader!.slice(2));
  expect(sw).toMatch(/iec62443-docx-worker-[0-9a-f]+_bg\.wasm/);
});

test('the Word report carries the "Progress since" section when the report has it', async ({ page }) => {
  // As above: the loader a second late, so that downloadWord sees the button at work.
  await delayExportWorker(page);
  await importAssessment(page, assessment());
  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Progress over time' });
  await panel.getByLabel('Snapshot name (optional)').fill('Baseline');
  await panel.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByRole('status')).toContainText('Snapshot "Baseline" taken.');
  await gotoStep(page, 'Report');
  const select = page.getByLabel('Progress section');
  const option = await select.locator('option', { hasText: 'Progress since snapshot Baseline' }).textContent();
  await select.selectOption({ label: option! });
  const report = page.getByRole('article', { name: 'Report' });
  const onScreen = (await report.getByRole('heading', { name: /^Progress since/ }).textContent())!.trim();
  const { doc } = await downloadWord(page, 'short');
  const heading1 = doc.headings.filter((h) => h.style === 'Heading 1').map((h) => h.text);
  expect(heading1).toContain(onScreen);
  expect(heading1).toEqual(await report.locator('.report-section > h2').allTextContents());
  expect(doc.tables.length).toBe(await report.locator('table').count());
});
