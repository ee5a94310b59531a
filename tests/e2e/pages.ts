import { expect, Locator, Page } from '@playwright/test';
import { open } from './fixtures';

/** Helpers that drive the app the way a person would, step by step. */

export async function newAssessment(page: Page, name: string) {
  await open(page, '#/start');
  await page.getByLabel('Assessment name (optional)').fill(name);
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
}

export async function gotoStep(page: Page, step: string) {
  await page.getByRole('navigation', { name: 'Assessment steps' }).getByRole('link', { name: step }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(step === 'Start' ? 'IEC 62443' : step);
}

export async function addZone(page: Page, name: string) {
  await page.getByLabel('Zone name', { exact: true }).first().fill(name);
  await page.getByRole('button', { name: 'Add zone' }).click();
}

/** The card of a zone on the Scope step. */
export function zoneCard(page: Page, name: string): Locator {
  return page.locator('article.zone-card').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/** The card of a questionnaire item, by catalogue id (e.g. `sr-1.1`). */
export function itemCard(page: Page, id: string): Locator {
  return page.locator(`#q-${id.replace(/\./g, '_')}`);
}

/** Chooses an answer by its code (implemented, partial, not_implemented, compensating, not_applicable, dont_know, ml1...). */
export async function answer(card: Locator, code: string) {
  const id = await card.getAttribute('id');
  await card.locator(`label[for="${id}-${code}"]`).click();
  await expect(card.locator(`#${id}-${code}`)).toBeChecked();
}

export async function openSection(page: Page, slug: string) {
  await page.locator(`button[data-section="${slug}"]`).click();
}

/** Imports an assessment file (as built in data.ts) on the Start step, which opens it. */
export async function importAssessment(page: Page, file: { assessment: { name: string } }) {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({
    name: 'assessment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole('status')).toContainText(`Imported "${file.assessment.name}"`);
}
