import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { knownAssessment } from './data';
import type { Page } from '@playwright/test';

async function withBranding(page: Page, branding: object) {
  await page.route('**/branding.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(branding) }));
}

async function importKnown(page: Page) {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'known.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(knownAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported "Known answers"');
}

test('"Send to" saves the assessment file and builds an e-mail draft with the summary', async ({ page }) => {
  await withBranding(page, { name: 'Acme OT Consulting', contact_email: 'ot@acme.example' });
  await importKnown(page);
  await gotoStep(page, 'Results');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Send to Acme OT Consulting' }).click()]);
  expect(download.suggestedFilename()).toBe('known-answers.json');
  const draft = page.getByRole('link', { name: 'Open the e-mail draft' });
  const href = (await draft.getAttribute('href')) ?? '';
  expect(href.startsWith('mailto:ot@acme.example?subject=IEC%2062443%20self-assessment%3A%20Known%20answers&body=')).toBe(true);
  expect(href.length).toBeLessThanOrEqual(2000);
  const body = decodeURIComponent(href.split('&body=')[1]);
  const lines = body.split('\r\n');
  expect(lines[0]).toBe('Hello,');
  expect(lines[2]).toContain('the file "known-answers.json"');
  expect(lines[2]).toContain('attached it to this e-mail');
  expect(body).toContain('- Cell A');
  expect(body).toContain('Boiler <b>house</b>');

  // The Report step offers the same.
  await gotoStep(page, 'Report');
  await expect(page.getByRole('button', { name: 'Send to Acme OT Consulting' })).toBeVisible();
});

test('without a valid contact address there is no "Send to"', async ({ page }) => {
  await withBranding(page, { name: 'Acme OT Consulting', contact_email: 'ot@acme.example?bcc=spy@evil.example' });
  await importKnown(page);
  await gotoStep(page, 'Results');
  await expect(page.getByRole('heading', { name: 'Progress over time' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Send to/ })).toHaveCount(0);
});
