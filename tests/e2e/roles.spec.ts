import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { answer, gotoStep, itemCard, newAssessment, openSection } from './pages';

async function setRoles(page: Page, roles: { owner: boolean; integrator: boolean; supplier: boolean }) {
  await gotoStep(page, 'Profile');
  for (const [label, on] of [[/Asset owner/, roles.owner], [/System integrator/, roles.integrator], [/Product supplier/, roles.supplier]] as const) {
    const box = page.getByLabel(label);
    if (on) await box.check(); else await box.uncheck();
  }
}

/** Answers every visible question of the current section with the same answer code. */
async function answerAll(page: Page, code: string) {
  const ids = await page.locator('article.item-card').evaluateAll((cards) => cards.map((c) => c.id));
  for (const id of ids) await page.locator(`label[for="${id}-${code}"]`).click();
  return ids.length;
}

/** The full report (with the gap register and every answer) printed to PDF, as text. */
async function printedText(page: Page) {
  await gotoStep(page, 'Report');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  await page.emulateMedia({ media: 'print' });
  const pdf = join(tmpdir(), `roles-${Date.now()}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a product supplier assesses a product and its development lifecycle end to end', async ({ page }) => {
  await newAssessment(page, 'RTU line');
  await setRoles(page, { owner: false, integrator: false, supplier: true });

  await gotoStep(page, 'Scope');
  await expect(page.getByRole('heading', { name: 'Zones' })).toHaveCount(0);
  await page.getByLabel('Product name').first().fill('RTU 560 firmware 4.2');
  await page.getByLabel('Component type').first().selectOption('EDR');
  await page.getByRole('button', { name: 'Add product' }).click();
  const card = page.locator('article.product-card');
  await expect(card.getByRole('heading', { name: 'RTU 560 firmware 4.2' })).toBeVisible();
  await card.getByLabel('Aimed SL-C for all FRs').selectOption('1');
  await expect(card).toContainText('EDR · aimed SL-C {1 1 1 1 1 1 1}');
  // A second product of another type.
  await page.getByLabel('Product name').first().fill('Line switch');
  await page.getByLabel('Component type').first().selectOption('NDR');
  await page.getByRole('button', { name: 'Add product' }).click();

  await gotoStep(page, 'Questionnaire');
  const nav = page.getByRole('navigation', { name: 'Questionnaire sections' });
  await expect(nav).toContainText('IEC 62443-4-1 Secure development lifecycle');
  await expect(nav).toContainText('IEC 62443-4-2 Component security requirements');
  await expect(nav).not.toContainText('IEC 62443-3-3');
  await expect(nav).not.toContainText('IEC 62443-2-1');

  await openSection(page, 'sm');
  await answer(itemCard(page, 'sdl-sm-1'), 'ml2');
  await expect(itemCard(page, 'sdl-sm-1')).toContainText('ML2 Managed');
  // The scale's general meaning: once per section, and on each level as a tooltip.
  await page.getByText('What the maturity levels mean').click();
  await expect(page.getByText('Managed: a written procedure says how it is done')).toBeVisible();
  await expect(itemCard(page, 'sdl-sm-1').locator('label[for="q-sdl-sm-1-ml3"]')).toHaveAttribute('title', /^Defined \(practiced\)/);

  // FR1 for the embedded device at SL-C 1: the nine SL 1 questions of its type (CR 1.10 is asked as two), no
  // compensating option.
  await openSection(page, 'cr-fr1');
  await page.getByLabel('Product', { exact: true }).selectOption({ label: 'RTU 560 firmware 4.2' });
  const cr11 = itemCard(page, 'cr-1.1');
  await expect(cr11.locator('label[for="q-cr-1_1-compensating"]')).toHaveCount(0);
  await expect(itemCard(page, 'cr-1.6')).toHaveCount(0); // network devices only
  expect(await answerAll(page, 'implemented')).toBe(9);
  // FR2 answered but one requirement not implemented.
  await openSection(page, 'cr-fr2');
  await answerAll(page, 'implemented');
  await answer(itemCard(page, 'cr-2.5'), 'not_implemented');

  // The switch (network device) is asked its own type-specific requirement.
  await openSection(page, 'cr-fr1');
  await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Line switch' });
  await expect(itemCard(page, 'cr-1.6')).toBeVisible();

  await gotoStep(page, 'Results');
  const table = page.getByRole('table', { name: 'Capability levels by product' });
  const rtu = table.getByRole('row', { name: /RTU 560/ });
  await expect(rtu.getByRole('cell').nth(0)).toHaveText('SL-C 1 / aimed 1 ✓');
  await expect(rtu.getByRole('cell').nth(1)).toHaveText('SL-C 0 / aimed 1 ▼ gap 1');
  await expect(page.getByRole('heading', { name: 'Secure development lifecycle maturity (IEC 62443-4-1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /IEC 62443-2-1/ })).toHaveCount(0);
  // Whether the development process backs the SL-C: one practice rated ML2, the others not performed.
  await expect(page.getByRole('region', { name: 'Product RTU 560 firmware 4.2' })).toContainText(
    'SL-C 1 needs the development process (IEC 62443-4-1) at ML2 in every practice; it is at ML0, so the claim is not yet backed.',
  );

  await gotoStep(page, 'Roadmap');
  // A supplier's own track, numbered from 1.
  await expect(page.getByRole('heading', { level: 2, name: /^Phase 1: Secure development process/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Phase 5/ })).toHaveCount(0);
  const action = page.locator('.action-card').filter({ hasText: 'Session lock' });
  await expect(action).toContainText('RTU 560 firmware 4.2');

  const text = await printedText(page);
  expect(text).toContain('RTU 560 firmware 4.2');
  expect(text).toContain('Line switch');
  expect(text).toContain('Capability levels by product');
  expect(text).toContain('Secure development lifecycle maturity');
  expect(text).toContain('Session lock');
});

test('an integrator assesses its capabilities and, optionally, a delivered system', async ({ page }) => {
  await newAssessment(page, 'Integrator self-check');
  await setRoles(page, { owner: false, integrator: true, supplier: false });
  await gotoStep(page, 'Scope');
  await expect(page.getByText('As an integrator, zones are optional')).toBeVisible();
  await page.getByLabel('Zone name', { exact: true }).first().fill('Delivered DCS');
  await page.getByRole('button', { name: 'Add zone' }).click();

  await gotoStep(page, 'Questionnaire');
  const nav = page.getByRole('navigation', { name: 'Questionnaire sections' });
  await expect(nav).toContainText('IEC 62443-2-4 Service provider and integrator capabilities');
  await expect(nav).toContainText('IEC 62443-3-3');
  await expect(nav).not.toContainText('IEC 62443-2-1');
  await openSection(page, 'sp07');
  await answer(itemCard(page, 'sp07-1'), 'ml3');
  await answer(itemCard(page, 'sp07-2'), 'ml1');
  await answer(itemCard(page, 'sp07-3'), 'not_applicable');
  await itemCard(page, 'sp07-3').getByLabel('Why does this not apply? (required)').fill('We never connect remotely.');

  await gotoStep(page, 'Results');
  const maturity = page.getByRole('table', { name: 'Maturity per capability area' });
  // Remote access: lowest of ML3 and ML1, N/A left out.
  await expect(maturity.getByRole('row', { name: /SP.07/ }).getByRole('cell').nth(0)).toHaveText('ML1');
  await expect(page.getByRole('table', { name: 'Security levels by zone' })).toContainText('Delivered DCS');

  const text = await printedText(page);
  expect(text).toContain('Service provider and integrator capabilities maturity');
  expect(text).toContain('We never connect remotely.');
  expect(text).toContain('Delivered DCS');
});

test('an organisation with all three roles gets every part in one assessment', async ({ page }) => {
  await newAssessment(page, 'Everything');
  await setRoles(page, { owner: true, integrator: true, supplier: true });
  await gotoStep(page, 'Questionnaire');
  const nav = page.getByRole('navigation', { name: 'Questionnaire sections' });
  for (const part of ['3-2', '3-3', '2-1', '2-4', '4-1', '4-2']) await expect(nav).toContainText(`IEC 62443-${part}`);
  await gotoStep(page, 'Profile');
  await page.getByLabel(/Asset owner/).uncheck();
  await page.getByLabel(/System integrator/).uncheck();
  await page.getByLabel(/Product supplier/).uncheck();
  await expect(page.getByText('Choose at least one role')).toBeVisible();
});
