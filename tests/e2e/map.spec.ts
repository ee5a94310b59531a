import { readFileSync } from 'node:fs';
import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { halfFinishedAssessment } from './data';
import type { Page } from '@playwright/test';

// Issue 18: the map of zones and conduits, drawn from the assessment with each zone's standing, on the
// Scope and Results steps and in the report; selectable by mouse and keyboard; zoom and pan; SVG, PNG and
// draw.io downloads; a text alternative; readable at 30 zones and 60 conduits.

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
  for (let i = 0; i < 12 && !focused.startsWith('zone:'); i++) {
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

async function downloaded(page: Page, button: ReturnType<Page['getByRole']>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('the map downloads as a PNG at twice its size and as a draw.io file with every zone and conduit', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  const svg = figure.locator('.zone-map-canvas svg');
  const width = Number(await svg.getAttribute('width'));
  const height = Number(await svg.getAttribute('height'));

  const png = await downloaded(page, figure.getByRole('button', { name: 'Download the map (PNG)' }));
  expect(png.name).toBe('zones-and-conduits.png');
  // The PNG signature, then the IHDR chunk with the width and height (big-endian) at bytes 16 and 20.
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.bytes.readUInt32BE(16)).toBe(width * 2);
  expect(png.bytes.readUInt32BE(20)).toBe(Math.round(height * 2));
  // Drawn, not blank: a blank canvas compresses to far less.
  expect(png.bytes.length).toBeGreaterThan(20_000);
  await expect(figure.getByRole('alert')).toHaveCount(0);

  const drawio = await downloaded(page, figure.getByRole('button', { name: 'Download the map (draw.io)' }));
  expect(drawio.name).toBe('zones-and-conduits.drawio');
  const xml = drawio.bytes.toString('utf8');
  // Read back with the browser's XML parser: zones as vertices with their names, conduits as edges.
  const cells = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('mxfile > diagram > mxGraphModel > root > mxCell')].map((c) => ({
      id: c.getAttribute('id'), value: c.getAttribute('value') ?? '', vertex: c.getAttribute('vertex') === '1',
      edge: c.getAttribute('edge') === '1', source: c.getAttribute('source'), target: c.getAttribute('target'),
    }));
  }, xml);
  expect(cells).not.toBeNull();
  const zones = cells!.filter((c) => c.id?.startsWith('zone-'));
  expect(zones.map((z) => z.value.split('\n')[0]).sort()).toEqual(['Chlorination safety PLCs', 'Plant DMZ', 'Treatment control']);
  expect(zones.every((z) => z.vertex)).toBe(true);
  expect(zones.find((z) => z.id === 'zone-z3')!.value).toContain('▼ Gap');
  const edges = cells!.filter((c) => c.edge);
  expect(edges.map((e) => [e.id, e.source, e.target, e.value])).toEqual([
    ['conduit-c1', 'zone-z1', 'zone-z2', 'Historian link'],
    ['conduit-c2', 'zone-z1', 'zone-z3', 'Safety network'],
  ]);
});

test('a zoomed map moves by dragging and by the arrow keys, and Reset view brings it back', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 3 zones, 2 conduits' });
  const region = figure.getByRole('region', { name: /^Map drawing/ });
  const scroll = () => region.evaluate((e) => ({ left: e.scrollLeft, top: e.scrollTop }));
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await expect(figure.getByText('300 %')).toBeVisible();
  expect(await scroll()).toEqual({ left: 0, top: 0 });

  // Drag the drawing left and up (starting on a band, not on a zone): it scrolls right and down.
  const box = (await region.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6 - 150, box.y + 30 - 20, { steps: 5 });
  await page.mouse.up();
  const dragged = await scroll();
  expect(dragged.left).toBeGreaterThanOrEqual(140);
  expect(dragged.top).toBeGreaterThanOrEqual(15);
  // The drag selected nothing.
  await expect(figure.locator('[aria-pressed="true"]')).toHaveCount(0);

  // Keyboard: with the drawing focused, the arrow keys move it.
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const keyed = await scroll();
  expect(keyed.left).toBe(dragged.left + 60);
  expect(keyed.top).toBe(dragged.top + 60);
  await page.keyboard.press('ArrowLeft');
  expect((await scroll()).left).toBe(dragged.left);

  await figure.getByRole('button', { name: 'Reset view' }).click();
  await expect(figure.getByText('100 %')).toBeVisible();
  expect(await scroll()).toEqual({ left: 0, top: 0 });
  // A plain click still selects.
  await figure.locator('[data-zone="z2"] rect').first().click();
  await expect(figure.locator('[data-zone="z2"]')).toHaveAttribute('aria-pressed', 'true');
});

test('a plant of 30 zones and 60 conduits fits the map with no box on another', async ({ page }) => {
  const file = halfFinishedAssessment() as { assessment: Record<string, unknown> };
  const levels = ['enterprise', 'business', 'dmz', 'operations', 'supervisory', 'control', 'field', 'safety'];
  const types = ['firewall', 'gateway', 'data_diode', 'filtering_device', 'unmanaged'];
  file.assessment.zones = Array.from({ length: 30 }, (_, i) => ({
    id: `z${i + 1}`, name: `Zone ${i + 1} of the plant`, description: '', asset_types: [], criticality: 'medium',
    target: [2, 2, 2, 2, 2, 2, 2], ...(i % 7 === 6 ? {} : { purdue_levels: [levels[i % levels.length]] }),
  }));
  file.assessment.conduits = Array.from({ length: 60 }, (_, k) => {
    const from = k % 30;
    let to = (k * 7 + 3) % 30;
    if (to === from) to = (to + 1) % 30;
    return { id: `c${k + 1}`, name: `Link ${k + 1}`, from: `z${from + 1}`, to: `z${to + 1}`, protocols: '', crosses_it: false, crosses_internet: false, type: types[k % types.length] };
  });
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('status')).toContainText('Imported');
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: 'Zones and conduits: 30 zones, 60 conduits' });
  await expect(figure.locator('[data-zone]')).toHaveCount(30);
  await expect(figure.locator('[data-conduit]')).toHaveCount(60);
  const region = figure.getByRole('region', { name: /^Map drawing/ });
  // At 100 % the drawing is as wide as its box: no sideways scrolling, nothing cut off.
  expect(await region.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  const svgBox = (await figure.locator('.zone-map-canvas svg').boundingBox())!;
  const boxes = await figure.locator('[data-zone] > rect:first-of-type').evaluateAll((rects) =>
    rects.map((r) => { const b = r.getBoundingClientRect(); return { x: b.x, y: b.y, w: b.width, h: b.height }; }));
  for (const [i, b] of boxes.entries()) {
    expect(b.x).toBeGreaterThanOrEqual(svgBox.x - 0.5);
    expect(b.x + b.w).toBeLessThanOrEqual(svgBox.x + svgBox.width + 0.5);
    for (const c of boxes.slice(i + 1)) {
      const apart = b.x + b.w <= c.x + 0.5 || c.x + c.w <= b.x + 0.5 || b.y + b.h <= c.y + 0.5 || c.y + c.h <= b.y + 0.5;
      expect(apart).toBe(true);
    }
  }
  // Zone names stay legible on screen: the drawn name is at least 8 CSS pixels high at 100 %.
  const nameHeight = await figure.locator('[data-zone="z1"] text').first().evaluate((t) => t.getBoundingClientRect().height);
  expect(nameHeight).toBeGreaterThanOrEqual(8);
  // Nothing is cut off: the region scrolls over exactly the drawing.
  expect(await region.evaluate((e) => e.scrollHeight)).toBeCloseTo(svgBox.height, -1);
  // Zoomed out to 50 % the whole map is half as large, centred in its box.
  await figure.getByRole('button', { name: 'Zoom out' }).click();
  await figure.getByRole('button', { name: 'Zoom out' }).click();
  await expect(figure.getByText('50 %')).toBeVisible();
  const half = (await figure.locator('.zone-map-canvas svg').boundingBox())!;
  expect(half.width).toBeCloseTo(svgBox.width / 2, 0);
  expect(half.height).toBeCloseTo(svgBox.height / 2, 0);
  // For a human look at the readability, the test report keeps a picture of the map.
  await test.info().attach('map-30-zones-60-conduits.png', { body: await region.screenshot(), contentType: 'image/png' });
});
