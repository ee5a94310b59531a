import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { halfFinishedAssessment } from './data';
import type { Page } from '@playwright/test';

// Issue 18: undo and redo for scope edits, each button naming the step it undoes or redoes.

async function addZone(page: Page, name: string) {
  await page.locator('#new-zone-name').fill(name);
  await page.getByRole('button', { name: 'Add zone', exact: true }).click();
}

test('scope edits are undone and redone step by step, and a new edit clears what could be redone', async ({ page }) => {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(halfFinishedAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported');
  await gotoStep(page, 'Scope');
  const bar = page.getByRole('group', { name: 'Undo and redo' });
  const undo = bar.getByRole('button', { name: 'Undo', exact: true });
  const undoWhat = bar.locator('#undo-what');
  const redo = bar.getByRole('button', { name: 'Redo', exact: true });
  const redoWhat = bar.locator('#redo-what');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  const zones = (n: number) => page.getByRole('figure', { name: new RegExp(`^Zones and conduits: ${n} zones`) });

  await addZone(page, 'Boiler house');
  await addZone(page, 'Water intake');
  await expect(zones(5)).toBeVisible();
  await expect(undoWhat).toHaveText('undoes: Add zone Water intake');
  await expect(undo).toHaveAccessibleDescription('undoes: Add zone Water intake');

  await undo.click();
  await expect(page.getByRole('status')).toContainText('Undone: Add zone Water intake.');
  await expect(zones(4)).toBeVisible();
  await expect(undoWhat).toHaveText('undoes: Add zone Boiler house');
  await expect(redoWhat).toHaveText('redoes: Add zone Water intake');
  await undo.click();
  await expect(zones(3)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Boiler house' })).toHaveCount(0);

  await redo.click();
  await expect(page.getByRole('status')).toContainText('Redone: Add zone Boiler house.');
  await expect(zones(4)).toBeVisible();
  await expect(redoWhat).toHaveText('redoes: Add zone Water intake');

  // A new edit clears what could be redone; what was undone stays undone after a reload.
  await addZone(page, 'Sludge press');
  await expect(redo).toBeDisabled();
  await expect(undoWhat).toHaveText('undoes: Add zone Sludge press');
  await expect(redoWhat).toHaveText('nothing to redo');
  await page.reload();
  await expect(zones(5)).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Zones and conduits/ }).getByRole('button', { name: /Zone Water intake, / })).toHaveCount(0);
});
