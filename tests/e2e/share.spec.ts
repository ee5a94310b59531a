import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { knownAssessment } from './data';
import type { Browser, Page } from '@playwright/test';

async function makeLink(page: Page, withNotes = false): Promise<string> {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'known.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(knownAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported "Known answers"');
  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Share a read-only link' });
  if (withNotes) await panel.getByLabel('Include notes, justifications and evidence').check();
  await panel.getByRole('button', { name: 'Create the link' }).click();
  const field = panel.getByLabel(/^Read-only link \(\d+\.\d KB \([\d,]+ characters\)\)$/);
  await expect(field).toBeVisible();
  const link = await field.inputValue();
  expect(link).toContain('#/shared/1');
  return link;
}

/** Opens a link in a fresh browser context (no storage) whose requests to other origins are blocked. */
async function openFresh(browser: Browser, link: string) {
  const origin = new URL(link).origin;
  const context = await browser.newContext();
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route((u) => u.origin !== origin, (route) => { outside.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  return { context, page, outside, errors };
}

test('a read-only link shows the scorecard and roadmap in a fresh browser, without the notes, and saves nothing', async ({ page, browser }) => {
  const link = await makeLink(page);
  const { context, page: fresh, outside, errors } = await openFresh(browser, link);
  await expect(fresh.getByRole('heading', { level: 1, name: 'Shared results (read-only)' })).toBeVisible();
  const report = fresh.getByRole('article', { name: 'Report' });
  await expect(report.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(report).toContainText('Boiler <b>house</b>');
  await expect(report.getByRole('heading', { name: 'Roadmap', exact: true })).toBeVisible();
  await expect(report).not.toContainText('Shared <i>operator</i> login');
  await expect(report.locator('b, i, script')).toHaveCount(0);
  // Read-only: no answer can be chosen, and the shared assessment is not stored in this browser.
  await expect(fresh.getByRole('radio')).toHaveCount(0);
  const stored = await fresh.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? '').join('\n'));
  expect(stored).not.toContain('Known answers');
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('notes travel only when the user ticks them', async ({ page, browser }) => {
  const link = await makeLink(page, true);
  const { context, page: fresh } = await openFresh(browser, link);
  await expect(fresh.getByRole('article', { name: 'Report' })).toContainText('Shared <i>operator</i> login, =SUM(A1)');
  await context.close();
});

test('a damaged or edited link says so clearly', async ({ page, browser }) => {
  const link = await makeLink(page);
  const [base, payload] = link.split('#/shared/');
  // A character base64url does not have: damaged.
  const damaged = `${base}#/shared/${payload.slice(0, 40)}!${payload.slice(41)}`;
  let opened = await openFresh(browser, damaged);
  await expect(opened.page.getByRole('alert')).toContainText('This link is damaged');
  await opened.context.close();
  // One valid character changed in the middle: the checksum no longer matches.
  const i = Math.floor(payload.length / 2);
  const edited = `${base}#/shared/${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}`;
  opened = await openFresh(browser, edited);
  await expect(opened.page.getByRole('alert')).toContainText(/This link (was changed|is damaged)/);
  await expect(opened.page.getByRole('article', { name: 'Report' })).toHaveCount(0);
  await opened.context.close();
});
