import { test, expect, open } from './fixtures';

const STEPS = ['Start', 'Profile', 'Scope', 'Questionnaire', 'Results', 'Roadmap', 'Report'];

test('the app loads with its header, step navigation and privacy statement', async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle('IEC 62443 self-assessment');
  const nav = page.getByRole('navigation', { name: 'Assessment steps' });
  for (const step of STEPS) await expect(nav.getByRole('link', { name: step })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IEC 62443 self-assessment');
  await expect(page.getByText('Nothing is sent anywhere').first()).toBeVisible();
});

test('every step is reachable by its link and by its URL', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Assessment steps' });
  const headings: Record<string, RegExp> = {
    Start: /IEC 62443 self-assessment/, Profile: /^Profile$/, Scope: /^Scope/, Questionnaire: /^Questionnaire$/,
    Results: /^Results$/, Roadmap: /^Roadmap$/, Report: /^Report$/,
  };
  for (const step of STEPS) {
    await nav.getByRole('link', { name: step }).click();
    await expect(page).toHaveURL(new RegExp(`#/${step.toLowerCase()}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headings[step]);
    await expect(nav.getByRole('link', { name: step })).toHaveAttribute('aria-current', 'step');
  }
  for (const step of STEPS) {
    await page.goto(`./#/${step.toLowerCase()}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headings[step]);
  }
});

test('what is typed on one step survives a reload, and the app reopens where the user left off', async ({ page }) => {
  await open(page);
  await page.getByLabel('Assessment name (optional)').fill('Boiler house');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByLabel('Organisation (optional)').fill('Example Water Ltd');
  await page.getByLabel('Sector').selectOption('Water and wastewater');
  await page.goto('./');
  await page.reload();
  // No hash: reopens on the step used last.
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByLabel('Organisation (optional)')).toHaveValue('Example Water Ltd');
  await expect(page.getByLabel('Sector')).toHaveValue('Water and wastewater');
  await expect(page.getByLabel('Assessment name')).toHaveValue('Boiler house');
});
