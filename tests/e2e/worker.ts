import type { Page } from '@playwright/test';

/** The export worker's loader (Word, draw.io, share links), as the page requests it. */
export const WORKER_LOADER = '**/iec62443-docx-worker-*_loader.js';

/**
 * Answers the export worker's loader a second late, so that a test sees the buttons at work. Service
 * workers must be blocked in the spec (`test.use({ serviceWorkers: 'block' })`): they would answer it.
 */
export async function delayExportWorker(page: Page) {
  await page.context().route(WORKER_LOADER, async (route) => {
    await new Promise((done) => setTimeout(done, 1000));
    await route.continue();
  });
}
