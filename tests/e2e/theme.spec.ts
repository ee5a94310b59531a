import type { Page } from '@playwright/test';
import { test, expect, open } from './fixtures';

// Theme colours from branding.json (README, Branding): a readable palette is applied as CSS custom
// properties, one with too little contrast is ignored with a warning, and neither breaks the page's
// Content-Security-Policy (which forbids inline styles) or logs an error.

// branding.json is served by the test, not by the service worker's cache.
test.use({ serviceWorkers: 'block' });

/** Serves `branding` as branding.json and records CSP violations and console warnings. */
async function withBranding(page: Page, branding: object) {
  await page.route('**/branding.json', (route) => route.fulfill({ json: branding }));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective}: ${e.sourceFile}:${e.lineNumber}`));
  });
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** The computed value of a custom property on the root element. */
async function themeColour(page: Page, property: string): Promise<string> {
  return page.evaluate((p) => getComputedStyle(document.documentElement).getPropertyValue(p).trim(), property);
}

async function background(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
}

test('a readable palette from branding.json colours the app', async ({ page }) => {
  const warnings = await withBranding(page, {
    name: 'Example OT Security Ltd',
    colors: { brand: '#0A3D2E', brand_text: '#fff', accent: '#00664d', accent_text: '#ffffff' },
  });
  await open(page, '#/start');
  await expect.poll(() => themeColour(page, '--accent')).toBe('#00664d');
  expect(await themeColour(page, '--brand')).toBe('#0a3d2e');
  expect(await themeColour(page, '--brand-ink')).toBe('#ffffff');
  expect(await themeColour(page, '--accent-ink')).toBe('#ffffff');
  // The header and the main button use them.
  expect(await background(page, '.app-header')).toBe('rgb(10, 61, 46)');
  const start = page.getByRole('button', { name: 'Start a new assessment' });
  expect(await start.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 102, 77)');
  expect(await start.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
  // Chosen answers too.
  await start.click();
  await page.goto('./#/questionnaire');
  const card = page.locator('.item-card').first();
  await card.locator('.answer-option label').first().click();
  const chosen = card.locator('.answer-option input:checked + label');
  expect(await chosen.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 102, 77)');
  expect(warnings.filter((w) => w.includes('branding.json'))).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('colours with too little contrast keep the defaults, with a warning and no error', async ({ page }) => {
  const warnings = await withBranding(page, {
    // Light text on a white header, and pale buttons with white text (about 1.6:1).
    colors: { brand: '#ffffff', brand_text: '#eeeeee', accent: '#99ccff', accent_text: '#ffffff' },
  });
  await open(page, '#/start');
  await expect.poll(() => warnings.filter((w) => w.includes('branding.json')).length).toBe(2);
  expect(warnings.join('\n')).toContain('The brand colours are kept at their defaults');
  expect(warnings.join('\n')).toContain('The accent colours are kept at their defaults');
  // Nothing was set on the page: the stylesheet's defaults apply.
  expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
  expect(await themeColour(page, '--accent')).toBe('#0b6bcb');
  expect(await background(page, '.app-header')).toBe('rgb(23, 64, 109)');
  expect(await cspViolations(page)).toEqual([]);
});

test('one readable pair is used while the other keeps its defaults', async ({ page }) => {
  const warnings = await withBranding(page, { colors: { brand: '#4a148c', accent: 'lightblue', accent_text: 255 } });
  await open(page, '#/start');
  await expect.poll(() => themeColour(page, '--brand')).toBe('#4a148c');
  expect(await themeColour(page, '--accent')).toBe('#0b6bcb');
  await expect.poll(() => warnings.join('\n')).toContain('colors.accent "lightblue" is not a hex colour');
  // A number is named too, not silently skipped.
  expect(warnings.join('\n')).toContain('colors.accent_text "255" is not a hex colour');
  expect(await cspViolations(page)).toEqual([]);
});
