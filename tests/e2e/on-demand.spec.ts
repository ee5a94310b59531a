import { readFileSync } from 'node:fs';
import { test, expect, open } from './fixtures';
import { delayExportWorker, WORKER_LOADER } from './worker';
import { gotoStep } from './pages';
import { halfFinishedAssessment } from './data';
import type { Locator, Page } from '@playwright/test';

// The map's draw.io file and the share link are made by the on-demand export worker (the one that writes
// the Word report), not by the app: the buttons say they are at work while it loads, a missing worker is
// reported in a sentence, and the shared view's draw.io file is the shared assessment's map.

// Requests of the worker are routed below; the service worker would answer them itself.
test.use({ serviceWorkers: 'block' });

const ZONES = ['Chlorination safety PLCs', 'Plant DMZ', 'Treatment control'];

async function importHalfFinished(page: Page) {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(halfFinishedAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported');
}

async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** The names of the zones (the draw.io vertices with a `zone-` id) in a draw.io file. */
async function drawioZones(page: Page, xml: string): Promise<string[] | null> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('mxCell[vertex="1"]')]
      .filter((c) => c.getAttribute('id')?.startsWith('zone-'))
      .map((c) => (c.getAttribute('value') ?? '').split('\n')[0])
      .sort();
  }, xml);
}

test('the draw.io and share link buttons say they are at work while the export worker loads', async ({ page }) => {
  // The worker's loader answers a second late, so that the buttons are seen at work.
  await delayExportWorker(page);
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  const waiting = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'Download the map (draw.io)' }).click();
  await expect(figure.getByRole('button', { name: 'Writing the draw.io file…' })).toHaveAttribute('aria-disabled', 'true');
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('zones-and-conduits.drawio');
  expect(await drawioZones(page, readFileSync((await download.path())!, 'utf8'))).toEqual(ZONES);
  await expect(figure.getByRole('button', { name: 'Download the map (draw.io)' })).toHaveAttribute('aria-disabled', 'false');

  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Share a read-only link' });
  await panel.getByRole('button', { name: 'Create the link' }).click();
  await expect(panel.getByRole('button', { name: 'Creating the link…' })).toHaveAttribute('aria-disabled', 'true');
  await expect(panel.getByLabel(/^Read-only link \(/)).toHaveValue(/#\/shared\/1/);
  await expect(panel.getByRole('button', { name: 'Create the link' })).toHaveAttribute('aria-disabled', 'false');
});

test('without the export worker the draw.io and share link buttons say what to do instead', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  // A build without the worker: the page does not name one.
  await page.evaluate(() => document.querySelector('meta[name="docx-worker"]')?.remove());
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  await figure.getByRole('button', { name: 'Download the map (draw.io)' }).click();
  await expect(figure.getByRole('alert')).toHaveText('The draw.io exporter is missing from this build of the app. Download the SVG instead.');
  // The other downloads still work.
  const svg = await downloaded(page, figure.getByRole('button', { name: 'Download the map (SVG)' }));
  expect(svg.name).toBe('zones-and-conduits.svg');

  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Share a read-only link' });
  await panel.getByRole('button', { name: 'Create the link' }).click();
  await expect(panel.getByRole('alert')).toHaveText('The link maker is missing from this build of the app. Send the assessment file (Export JSON) instead.');
  await expect(panel.getByRole('button', { name: 'Create the link' })).toBeVisible();
});

test('the draw.io file of a shared view is the shared map, not the assessment of the browser opening it', async ({ page, browser }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Share a read-only link' });
  await panel.getByRole('button', { name: 'Create the link' }).click();
  const link = await panel.getByLabel(/^Read-only link \(/).inputValue();

  // A fresh browser: its own assessment has no zones at all.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Shared results (read-only)' })).toBeVisible();
  const figure = other.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  const drawio = await downloaded(other, figure.getByRole('button', { name: 'Download the map (draw.io)' }));
  expect(drawio.name).toBe('zones-and-conduits.drawio');
  expect(await drawioZones(other, drawio.text)).toEqual(ZONES);
  await context.close();
});

test('an export worker that never answers is given up after a minute with a clear message, and the button works again', async ({ page }) => {
  // The page's clock is Playwright's, so that the minute passes at once.
  await page.clock.install();
  // A loader that loads but never says it is ready, as a worker stuck in its start would.
  await page.context().route(WORKER_LOADER, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '// never answers\n' }));
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  await figure.getByRole('button', { name: 'Download the map (draw.io)' }).click();
  await expect(figure.getByRole('button', { name: 'Writing the draw.io file…' })).toHaveAttribute('aria-disabled', 'true');
  await page.clock.runFor(59_000);
  await expect(figure.getByRole('button', { name: 'Writing the draw.io file…' })).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(page.getByRole('alert')).toContainText(
    'The draw.io file could not be written: the exporter did not answer within a minute. Reload the page and try again, or download the SVG instead.');
  await expect(figure.getByRole('button', { name: 'Download the map (draw.io)' })).toHaveAttribute('aria-disabled', 'false');
});
