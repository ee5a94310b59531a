import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { answer, gotoStep, importAssessment, itemCard, newAssessment, openSection } from './pages';
import { knownAssessment } from './data';
import { axeViolations } from './axe';

// axe-core is injected as an inline script, which the app's CSP rightly refuses; bypass it for this check.
test.use({ bypassCSP: true });

async function axe(page: Page, label: string) {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: serious or critical accessibility violations`).toEqual([]);
}

test('no serious or critical accessibility violation on any step', async ({ page }) => {
  await page.goto('./#/start');
  await page.locator('#import-file').setInputFiles({ name: 'k.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(knownAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported');
  for (const step of ['Start', 'Profile', 'Scope', 'Questionnaire', 'Results', 'Roadmap', 'Report']) {
    await gotoStep(page, step);
    await axe(page, step);
  }
  // States that only appear on interaction: the wizard, a justification field, one-at-a-time.
  await gotoStep(page, 'Scope');
  await page.getByRole('button', { name: 'Suggest a target with the wizard' }).first().click();
  await axe(page, 'Scope with the wizard open');
  // A zone picked on the map: its details and the button that opens it for editing.
  const map = page.getByRole('figure', { name: /^Zones and conduits/ });
  await map.locator('[data-zone] text').first().click();
  await expect(map.getByRole('button', { name: /^Edit zone / })).toBeVisible();
  await axe(page, 'Scope with a zone picked on the map');
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'zcr');
  await answer(itemCard(page, 'zcr-2.1'), 'compensating');
  await page.getByLabel('One question at a time').check();
  await axe(page, 'Questionnaire, one at a time, justification required');
});

test('keyboard: skip link, visible focus and focus moved to the new step heading', async ({ page }) => {
  await newAssessment(page, 'Keyboard');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/profile$/);
  await page.getByRole('navigation', { name: 'Assessment steps' }).getByRole('link', { name: 'Scope' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Scope/ })).toBeFocused();
  // Focus is visible: the focused element has an outline.
  await page.getByLabel('Zone name', { exact: true }).first().focus();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('works on a tablet-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await newAssessment(page, 'Tablet');
  await gotoStep(page, 'Scope');
  await page.getByLabel('Zone name', { exact: true }).first().fill('Line 1');
  await page.getByRole('button', { name: 'Add zone' }).click();
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  await answer(itemCard(page, 'sr-1.1'), 'implemented');
  // Nothing is wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('complementary', { name: 'Live summary' })).toBeVisible();
});

test('the comparison of two states and the trend chart pass axe, and the chart has a text alternative', async ({ page }) => {
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Progress over time' });
  await panel.getByLabel('Snapshot name (optional)').fill('Baseline');
  await panel.getByRole('button', { name: 'Take snapshot' }).click();
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  await page.getByLabel('Answer for').selectOption({ label: 'Boiler <b>house</b>' });
  await answer(itemCard(page, 'sr-1.1'), 'implemented');
  await gotoStep(page, 'Results');
  await expect(panel.getByRole('table', { name: 'Answers changed' })).toBeVisible();
  // The chart is an image named by its title, described by the values it draws: per zone, the FRs at
  // target at each state (the snapshot and now, both dated today here).
  const chart = panel.getByRole('img', { name: 'Trend per zone' });
  await expect(chart).toBeVisible();
  const described = await chart.evaluate((svg) => {
    const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
  });
  expect(described).toMatch(/^Trend per zone \| FRs at target \(of 7\) per zone over time\. Cell A: \d{4}-\d{2}-\d{2} 0, \d{4}-\d{2}-\d{2} 0; Boiler <b>house<\/b>: \d{4}-\d{2}-\d{2} 0, \d{4}-\d{2}-\d{2} 1\.$/);
  await axe(page, 'Results with a comparison and the trend chart');
});
