import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { walkthroughAssessment } from './data';
import { importAssessment } from './pages';

// Every step of a realistic assessment (three zones with long names, sixty answers, two saved
// assessments) at a phone, a tablet, a laptop and a desktop width: nothing may stick out sideways, and the
// places the walkthrough found cut (the live summary, the section counts, the "open" badge) show whole.
// A full-page screenshot of every step is attached to the test's output.

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const STEPS = ['start', 'profile', 'scope', 'questionnaire', 'results', 'roadmap', 'report'];

/** Imports the walkthrough assessment after a second one, so the saved list has two rows. */
async function importWalkthrough(page: Page) {
  await importAssessment(page, walkthroughAssessment('a-walkthrough-2025', 'Riverside water treatment works – 2025 baseline'));
  await importAssessment(page, walkthroughAssessment());
}

/**
 * What sticks out sideways: the page itself scrolling horizontally, any visible element reaching past the
 * viewport's left or right edge, and text cut inside a box that hides its overflow. Elements inside a
 * scroll region are judged by the region (its content may scroll; the region must fit).
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${width} px`);
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
      const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
    };
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.visually-hidden, .skip-link')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || clipped(el)) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        problems.push(`${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px of ${width}`);
      }
      // Form fields scroll long values inside them, which is fine.
      const field = el.matches('input, textarea, select');
      const hides = !field && (style.overflowX === 'hidden' || style.overflowX === 'clip');
      if (hides && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${describe(el)} is cut: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
      }
    }
    return problems.slice(0, 15);
  });
}

/** A full-page screenshot, kept in the test's output folder (test-results/) and attached to its report. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const size of WIDTHS) {
  test(`every step fits a ${size.width} px wide screen`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await importWalkthrough(page);
    for (const step of STEPS) {
      await page.goto(`./#/${step}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (step === 'questionnaire') {
        // A 3-3 section for one zone: the toolbar shows its zone choice, the summary every zone.
        await page.locator('button[data-section="fr1"]').click();
        await page.getByLabel('Answer for').selectOption({ label: 'Safety instrumented systems of the chlorination building' });
        await expect(page.locator('#q-sr-1_1')).toBeVisible();
      }
      if (step === 'report') await expect(page.getByRole('article', { name: 'Report' })).toBeVisible();
      await attachScreenshot(page, testInfo, `${size.width}px ${step}`);
      expect.soft(await overflow(page), `${step} at ${size.width} px`).toEqual([]);
    }
  });
}

test('the live summary shows every FR and whole zone names at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await importWalkthrough(page);
  await page.goto('./#/questionnaire');
  const summary = page.getByRole('complementary', { name: 'Live summary' });
  const table = summary.getByRole('table', { name: 'Achieved security level per zone' });
  await expect(table).toBeVisible();
  const box = (await summary.boundingBox())!;
  for (const fr of ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7']) {
    const heading = table.getByRole('columnheader', { name: fr, exact: true });
    const h = (await heading.boundingBox())!;
    expect(h.x + h.width, `${fr} inside the summary`).toBeLessThanOrEqual(box.x + box.width);
  }
  for (const zone of ['Safety instrumented systems of the chlorination building', 'Treatment process control (PLCs, HMIs and historian)', 'Remote pumping stations over the telemetry network']) {
    const heading = table.getByRole('rowheader', { name: zone });
    await expect(heading).toHaveText(zone);
    const cut = await heading.evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1);
    expect(cut, `${zone} shown whole`).toBe(false);
  }
  const tableFits = await table.evaluate((t) => t.getBoundingClientRect().right <= t.parentElement!.getBoundingClientRect().right + 0.5);
  expect(tableFits).toBe(true);
});

test('section counts show whole on a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await importWalkthrough(page);
  await page.goto('./#/questionnaire');
  const counts = page.locator('.section-progress');
  expect(await counts.count()).toBeGreaterThan(10);
  for (const count of await counts.all()) {
    await expect(count).toHaveText(/^\d+\/\d+$/);
    const whole = await count.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const button = el.closest('button')!.getBoundingClientRect();
      return el.scrollWidth <= el.clientWidth && r.right <= button.right + 0.5 && r.right <= document.documentElement.clientWidth;
    });
    expect(whole, `${await count.textContent()} shown whole`).toBe(true);
  }
});

test('the "open" badge in the saved list is a small label, not a bar', async ({ page }) => {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    if (size === WIDTHS[0]) await importWalkthrough(page);
    const row = page.locator('.saved-row.current');
    const badge = row.getByText('open', { exact: true });
    await expect(badge).toBeVisible();
    const b = (await badge.boundingBox())!;
    expect(b.width, `badge width at ${size.width} px`).toBeLessThan(60);
    expect(b.height, `badge height at ${size.width} px`).toBeLessThan(30);
  }
});
