import { test as base, expect, Page } from '@playwright/test';

// Every browser test fails on a console error, an uncaught page error, or any request that leaves
// the app's origin (the tool must never phone home). Requests to other origins are also aborted.
export const test = base.extend<{ problems: string[] }>({
  baseURL: async ({}, use) => {
    const url = process.env.APP_URL;
    if (!url) throw new Error('APP_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, baseURL, problems }, use) => {
    const origin = new URL(baseURL!).origin;
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Every request of the context: the page's, its service worker's and any other page's it opens.
    page.context().on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      if (u.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
    });
    await page.context().route(
      (u) => u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:',
      (route) => route.abort(),
    );
    await use(page);
    expect(problems, 'console errors, page errors or requests to other origins').toEqual([]);
  },
});

export { expect };

/** Opens the app at a step (hash route) and waits until the app has rendered. */
export async function open(page: Page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  await expect(page.getByRole('banner')).toContainText('IEC 62443 self-assessment');
}
