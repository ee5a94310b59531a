import { test, expect, open } from './fixtures';
import { readFileSync } from 'node:fs';
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

test('where the browser can share files, "Send to" hands the file to the share sheet instead of downloading it', async ({ page }) => {
  // Headless Chromium has no share sheet: stand in for it and record what the app shares.
  await page.addInitScript(() => {
    const w = window as unknown as { shared?: { name: string; type: string; text: string; title: string } };
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: (data: { files?: File[] }) => !!data.files?.length });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: { files: File[]; title: string }) => {
        const file = data.files[0];
        w.shared = { name: file.name, type: file.type, text: await file.text(), title: data.title };
      },
    });
  });
  await withBranding(page, { name: 'Acme OT Consulting', contact_email: 'ot@acme.example' });
  await importKnown(page);
  await gotoStep(page, 'Report');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Send to Acme OT Consulting' }).click();
  await expect(page.getByText("The assessment file went to your device's share menu")).toBeVisible();
  const shared = await page.evaluate(() => (window as unknown as { shared?: { name: string; type: string; text: string; title: string } }).shared);
  expect(shared?.name).toBe('known-answers.json');
  expect(shared?.type).toBe('application/json');
  expect(shared?.title).toBe('IEC 62443 self-assessment: Known answers');
  expect(JSON.parse(shared?.text ?? '{}').assessment.name).toBe('Known answers');
  expect(downloads).toBe(0);
  await expect(page.getByRole('link', { name: 'Open the e-mail draft' })).toHaveAttribute('href', /^mailto:ot@acme\.example\?subject=/);
});

test('the Markdown report names the consultancy of branding.json, like the printed report', async ({ page }) => {
  await withBranding(page, { name: 'Acme <OT> Consulting', contact_email: 'ot@acme.example' });
  await importKnown(page);
  await gotoStep(page, 'Report');
  await expect(page.locator('.report-cover')).toContainText('Prepared with the self-assessment tool of Acme <OT> Consulting');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report (Markdown)' }).click()]);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text).toContain('Prepared with the self-assessment tool of Acme \\<OT\\> Consulting');
});
