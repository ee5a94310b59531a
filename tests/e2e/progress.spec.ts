import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect, open } from './fixtures';
import { answer, gotoStep, itemCard, openSection } from './pages';
import { knownAssessment } from './data';
import type { Locator } from '@playwright/test';

const DATE = /\d{4}-\d{2}-\d{2}/;

/** Chooses the option whose label starts with `start` (the labels end with a date). */
async function chooseOption(select: Locator, start: string) {
  const option = select.locator('option', { hasText: start });
  await expect(option).toHaveCount(1);
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

test('a snapshot, changed answers and the comparison show what improved, on screen and in the report', async ({ page }) => {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'known.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(knownAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported "Known answers"');

  // Take a snapshot on the Results step, then rename it.
  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Progress over time' });
  await panel.getByLabel('Snapshot name (optional)').fill('Baseline');
  await panel.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByRole('status')).toContainText('Snapshot "Baseline" taken.');
  const list = panel.getByRole('list', { name: 'Snapshots' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Rename' }).click();
  await list.getByLabel('New name').fill('Baseline 2026');
  await list.getByRole('button', { name: 'Save name' }).click();
  await expect(list).toContainText('Baseline 2026');

  // Change an answer: the Boiler house gets SR 1.1, its FR1 rises from SL-A 0 to 1.
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  await page.getByLabel('Answer for').selectOption({ label: 'Boiler <b>house</b>' });
  await answer(itemCard(page, 'sr-1.1'), 'implemented');

  // Compare the snapshot with now.
  await gotoStep(page, 'Results');
  await chooseOption(panel.getByLabel('Earlier state'), 'Snapshot: Baseline 2026');
  await expect(panel.getByLabel('Later state')).toHaveValue('now');
  const comparison = panel.locator('.comparison');
  await expect(comparison).toContainText('Compared with Baseline 2026');
  await expect(comparison).toContainText('Levels: 1 zone rose in 1 FR; no zone fell.');
  await expect(comparison).toContainText('1 answer changed; 0 roadmap actions done.');
  const levels = comparison.getByRole('table', { name: 'Security levels (SL-A) then and now' });
  const boiler = levels.getByRole('row', { name: /Boiler/ });
  await expect(boiler.getByRole('cell').nth(0)).toHaveText('0 → 1 (+1)');
  await expect(levels.getByRole('row', { name: /Cell A/ }).getByRole('cell').nth(0)).toHaveText('1');
  const answers = comparison.getByRole('table', { name: 'Answers changed' });
  await expect(answers.getByRole('row')).toHaveCount(2);
  await expect(answers.getByRole('row').nth(1)).toContainText('SR 1.1');
  await expect(answers.getByRole('row').nth(1)).toContainText('Boiler <b>house</b>');
  await expect(answers.getByRole('row').nth(1)).toContainText('Not implemented');
  await expect(answers.getByRole('row').nth(1)).toContainText('Implemented');
  // The trend has one point per state: the snapshot and now.
  await expect(panel.locator('svg[role="img"] desc')).toContainText('Boiler <b>house</b>');

  // The report's optional section, on screen and in the Markdown export.
  await gotoStep(page, 'Report');
  const report = page.getByRole('article', { name: 'Report' });
  await expect(report.getByRole('heading', { name: /^Progress since/ })).toHaveCount(0);
  await chooseOption(page.getByLabel('Progress section'), 'Progress since snapshot Baseline 2026');
  const heading = report.getByRole('heading', { name: /^Progress since/ });
  await expect(heading).toHaveText(new RegExp(`^Progress since ${DATE.source}$`));
  await expect(report).toContainText('Levels: 1 zone rose in 1 FR; no zone fell.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report (Markdown)' }).click()]);
  const path = join(tmpdir(), `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const markdown = readFileSync(path, 'utf8');
  expect(markdown).toMatch(new RegExp(`\\n## Progress since ${DATE.source}\\n`));
  expect(markdown).toContain('0 → 1 (+1)');
  expect(markdown).toContain('Boiler \\<b\\>house\\</b\\>');

  // Snapshots survive a reload; deleting one asks first and removes the report section's choice.
  await page.reload();
  await gotoStep(page, 'Results');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog', { name: 'Confirm snapshot deletion' }).getByRole('button', { name: 'Yes, delete the snapshot' }).click();
  await expect(panel.getByRole('list', { name: 'Snapshots' })).toHaveCount(0);
  await gotoStep(page, 'Report');
  await expect(page.getByLabel('Progress section')).toHaveCount(0);
});
