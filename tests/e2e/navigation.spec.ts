import { test, expect } from './fixtures';
import { answer, gotoStep, importAssessment, itemCard, newAssessment, openSection } from './pages';
import { walkthroughAssessment } from './data';

// Getting back to where one was, and from the section list to the questions with few key presses.

test('a reload, or coming back later, returns to the section and zone the user was in', async ({ page }) => {
  await importAssessment(page, walkthroughAssessment());
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr3');
  await page.getByLabel('Answer for').selectOption({ label: 'Remote pumping stations over the telemetry network' });
  await answer(itemCard(page, 'sr-3.1'), 'partial');

  const where = async () => {
    await expect(page.getByRole('heading', { level: 2, name: 'FR3 System integrity' })).toBeVisible();
    await expect(page.locator('button[data-section="fr3"]')).toHaveAttribute('aria-current', 'true');
    await expect(page.getByLabel('Answer for')).toHaveValue('z3');
    await expect(itemCard(page, 'sr-3.1').locator('#q-sr-3_1-partial')).toBeChecked();
  };
  await page.reload();
  await where();
  // Opening the app without an address (a bookmark, a new tab) reopens the step and the section.
  await page.goto('./');
  await where();
  // Another step and back: still there.
  await gotoStep(page, 'Results');
  await gotoStep(page, 'Questionnaire');
  await where();
  // The place is kept in the saved assessment.
  const saved = await page.evaluate(() => localStorage.getItem('iec62443-assess:assessment:a-walkthrough'));
  expect(JSON.parse(saved!).assessment).toMatchObject({ last_step: 'questionnaire', last_section: 'fr3', last_zone: 'z3' });
});

test('a fresh assessment opens on its first section with open questions', async ({ page }) => {
  await newAssessment(page, 'Fresh');
  await gotoStep(page, 'Questionnaire');
  await expect(page.getByRole('heading', { level: 2, name: 'Risk assessment, zones and conduits' })).toBeVisible();
});

test('choosing a section with Enter or Space moves the focus to its first question', async ({ page }) => {
  await importAssessment(page, walkthroughAssessment());
  await gotoStep(page, 'Questionnaire');
  const sections = page.getByRole('navigation', { name: 'Questionnaire sections' });

  // Enter on a section button: the first question of that section has the focus, so a number key answers it.
  await sections.getByRole('button', { name: /^FR4 Data confidentiality/ }).focus();
  await page.keyboard.press('Enter');
  const first = itemCard(page, 'sr-4.1');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await page.keyboard.press('3');
  await expect(first.locator('#q-sr-4_1-not_implemented')).toBeChecked();
  // From the question, Tab reaches its answers after the "Why it matters" details, not the toolbar.
  await page.keyboard.press('Tab');
  await expect(first.getByText('Why it matters and evidence')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(first.locator('#q-sr-4_1-not_implemented')).toBeFocused();

  // Space on another section button, further down the list.
  await sections.getByRole('button', { name: /^Configuration management/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { level: 2, name: 'Configuration management' })).toBeVisible();
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  expect(focused).toMatch(/^q-cm-/);
  await expect(page.locator(`#${focused}`)).toBeInViewport();
  // It is the first question of the section.
  await expect(page.locator('.item-card').first()).toBeFocused();
});

test('from choosing a section to answering its first question takes two Tab presses', async ({ page }) => {
  await importAssessment(page, walkthroughAssessment());
  await gotoStep(page, 'Questionnaire');
  const sections = page.getByRole('navigation', { name: 'Questionnaire sections' });
  // The walkthrough counted seventeen presses from the section list to the first answer.
  for (const [name, first] of [[/^FR6 Timely response/, 'sr-6.1'], [/^Protection of data/, null]] as const) {
    await sections.getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
    const card = first ? itemCard(page, first) : page.locator('.item-card').first();
    await expect(card).toBeFocused();
    let presses = 0;
    const onAnswer = () => card.evaluate((c) => c.contains(document.activeElement) && document.activeElement!.matches('input[type="radio"]'));
    while (!(await onAnswer()) && presses < 30) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await onAnswer(), `an answer of the first question has the focus after ${presses} Tab presses`).toBe(true);
    expect(presses).toBe(2);
  }
});
