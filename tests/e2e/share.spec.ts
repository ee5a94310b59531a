import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { knownAssessment } from './data';
import { createServer } from 'node:http';
import { distFile } from './server';
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

/** A port on this machine that nothing listens on. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

/**
 * Opens a link the way its recipient would, in a fresh browser context with no network access at all.
 *
 * The context shares nothing with the page that made the link (no storage, no cache, no service worker).
 * Playwright cannot give a new context a cache filled elsewhere, so the app must reach it once; it does so
 * without any server: the link is moved to an origin where nothing listens (a free port on 127.0.0.1, a
 * secure context, so the service worker may run there), and every request of the context, the service
 * worker's included, is answered by `context.route` from the built files in dist/. Any other request (to
 * another origin, or for a file dist/ lacks) is aborted and recorded; had one slipped past the route, it
 * would have failed, since there is no server to answer it.
 * 1. The app is opened at its address without the fragment, as on a first visit to the consultancy's
 *    site; its service worker installs and caches it.
 * 2. The context goes offline (`setOffline(true)`, and the route from then on answers nothing), and the
 *    link is opened in a new page: the app comes from the service worker's cache alone, the results from
 *    the fragment, which no request carries.
 * Every request's address is returned, to check that none left the origin or carried the fragment.
 */
async function openFresh(browser: Browser, link: string) {
  const origin = `http://127.0.0.1:${await unusedPort()}`;
  const shared = new URL(link);
  const offlineLink = origin + shared.pathname + shared.hash;
  const context = await browser.newContext();
  const requests: string[] = [];
  const outside: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  let offline = false;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // Offline, the route answers nothing either: what the service worker tries to fetch (the page is
    // network-first) fails, and it falls back to its cache.
    if (offline) return route.abort('internetdisconnected');
    const file = url.origin === origin ? await distFile(process.env.DIST_DIR!, url.pathname) : null;
    if (!file) {
      outside.push(url.href);
      return route.abort();
    }
    return route.fulfill({ status: 200, contentType: file.contentType, body: file.body });
  });
  const first = await context.newPage();
  await first.goto(origin + shared.pathname);
  await expect(first.getByRole('banner')).toContainText('IEC 62443 self-assessment');
  await first.evaluate(async () => { await navigator.serviceWorker.ready; });
  offline = true;
  await context.setOffline(true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(offlineLink);
  // The page shown offline is controlled by the service worker: nothing came from the (absent) network.
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const payload = shared.hash.slice('#/shared/'.length);
  const check = () => {
    expect(outside, 'requests outside the origin, or for files the app does not have').toEqual([]);
    expect(requests.filter((u) => !u.startsWith(origin + '/')), 'requests leaving the origin').toEqual([]);
    expect(requests.filter((u) => payload.length > 0 && u.includes(payload.slice(0, 32))), 'requests carrying the link').toEqual([]);
  };
  return { context, page, errors, check };
}

test('a read-only link shows the scorecard and roadmap in a fresh browser, without the notes, and saves nothing', async ({ page, browser }) => {
  const link = await makeLink(page);
  const { context, page: fresh, errors, check } = await openFresh(browser, link);
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
  check();
  expect(errors).toEqual([]);
  await context.close();
});

test('notes travel only when the user ticks them', async ({ page, browser }) => {
  const link = await makeLink(page, true);
  const { context, page: fresh, check } = await openFresh(browser, link);
  await expect(fresh.getByRole('article', { name: 'Report' })).toContainText('Shared <i>operator</i> login, =SUM(A1)');
  check();
  await context.close();
});

test('a damaged or edited link says so clearly', async ({ page, browser }) => {
  const link = await makeLink(page);
  const [base, payload] = link.split('#/shared/');
  // A character base64url does not have: damaged.
  const damaged = `${base}#/shared/${payload.slice(0, 40)}!${payload.slice(41)}`;
  let opened = await openFresh(browser, damaged);
  await expect(opened.page.getByRole('alert')).toContainText('This link is damaged');
  opened.check();
  await opened.context.close();
  // One valid character changed in the middle: the checksum no longer matches.
  const i = Math.floor(payload.length / 2);
  const edited = `${base}#/shared/${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}`;
  opened = await openFresh(browser, edited);
  await expect(opened.page.getByRole('alert')).toContainText(/This link (was changed|is damaged)/);
  await expect(opened.page.getByRole('article', { name: 'Report' })).toHaveCount(0);
  opened.check();
  await opened.context.close();
});
