import { readFileSync } from 'node:fs';
import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { halfFinishedAssessment } from './data';
import type { Page } from '@playwright/test';

// Issue 18: the map of zones and conduits, drawn from the assessment with each zone's standing, on the
// Scope and Results steps and in the report; selectable by mouse and keyboard; zoom; SVG download; a
// text alternative.

async function importHalfFinished(page: Page) {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(halfFinishedAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported');
}

test('the map shows every zone and conduit with its standing, and is usable by mouse and keyboard', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  await expect(figure).toBeVisible();
  const zones = figure.locator('[data-zone]');
  const conduits = figure.locator('[data-conduit]');
  await expect(zones).toHaveCount(3);
  await expect(conduits).toHaveCount(2);
  // Each zone box carries its name and its mark in text, not only in colour.
  for (const name of ['Treatment control', 'Plant DMZ', 'Chlorination safety PLCs']) {
    await expect(figure.getByRole('button', { name: new RegExp(`Zone ${name}, `) })).toHaveCount(1);
  }
  // A long name is shortened in the box and whole in its accessible name.
  await expect(figure.locator('[data-zone="z3"]')).toContainText('Chlorination safety');
  await expect(figure.locator('[data-zone="z3"]')).toContainText('▼ Gap');
  await expect(figure.locator('[data-conduit="c1"]')).toContainText('Historian link');
  await expect(figure.locator('[data-conduit="c2"]')).toContainText('Safety network');

  // Click a conduit: its details below the map; click again: unselected.
  await figure.locator('[data-conduit="c2"] text').click();
  await expect(figure.locator('.zone-map-picked')).toHaveText(/^Conduit Safety network: joins Treatment control and Chlorination safety PLCs; .*protocols: PROFIsafe; SL-T /);
  await expect(figure.locator('[data-conduit="c2"]')).toHaveAttribute('aria-pressed', 'true');

  // Keyboard: Tab from the map's last tool reaches the map's buttons; Enter picks the focused one.
  await figure.getByRole('button', { name: 'Download the map (SVG)' }).focus();
  let focused = '';
  for (let i = 0; i < 6 && !focused.startsWith('zone:'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const e = document.activeElement;
      if (e?.getAttribute('data-zone')) return `zone:${e.getAttribute('data-zone')}`;
      if (e?.getAttribute('data-conduit')) return `conduit:${e.getAttribute('data-conduit')}`;
      return e?.tagName ?? '';
    });
  }
  expect(focused).toMatch(/^zone:z\d$/);
  const zoneId = focused.slice('zone:'.length);
  await page.keyboard.press('Enter');
  await expect(figure.locator(`[data-zone="${zoneId}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(figure.locator('.zone-map-picked')).toHaveText(/^Zone .+: .*asset/);

  // Zoom: the drawing widens inside its own scrolling box, never the page.
  const canvas = figure.locator('.zone-map-canvas');
  const before = (await canvas.boundingBox())!.width;
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await expect(figure.getByText('150 %')).toBeVisible();
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(before * 1.4);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await figure.getByRole('button', { name: 'Zoom out' }).click();
  await figure.getByRole('button', { name: 'Zoom out' }).click();
  await expect(figure.getByText('75 %')).toBeVisible();

  // The text alternative says the same in words.
  await figure.getByText('The map in words').click();
  const words = figure.locator('.zone-map-text li');
  await expect(words).toHaveCount(5);
  await expect(words.filter({ hasText: 'Zone Chlorination safety PLCs' })).toContainText('gap');
  await expect(words.filter({ hasText: 'Conduit Historian link' })).toContainText('Treatment control to Plant DMZ');

  // The SVG download is the drawing, names escaped as text.
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download the map (SVG)' }).click()]);
  expect(download.suggestedFilename()).toBe('zones-and-conduits.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('Chlorination safety PLCs');

  // The map follows the scope: a new zone is drawn at once, its name shown as text.
  await page.locator('#new-zone-name').fill('Boiler <b>house</b>');
  await page.getByRole('button', { name: 'Add zone' }).click();
  const bigger = page.getByRole('figure', { name: 'Zones and conduits: 4 zones, 2 conduits' });
  await expect(bigger.getByRole('button', { name: /Zone Boiler <b>house<\/b>, / })).toHaveCount(1);
});

test('the Results step and the full report carry the map', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Results');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  await expect(figure.locator('[data-zone]')).toHaveCount(3);
  await gotoStep(page, 'Report');
  const report = page.getByRole('article', { name: 'Report' });
  // The short report keeps to about ten pages without it; the full report prints it.
  await expect(report.locator('.zone-map')).toHaveCount(0);
  await page.getByRole('radio', { name: /^Full report/ }).check();
  await expect(report.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' }).locator('[data-conduit]')).toHaveCount(2);
  // In print the map fits the page width.
  await page.emulateMedia({ media: 'print' });
  const box = (await report.locator('.zone-map-canvas svg').boundingBox())!;
  const article = (await report.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(article.x + article.width + 1);
});
