import { test, expect } from './fixtures';
import { gotoStep, importAssessment, zoneCard } from './pages';
import { halfFinishedAssessment } from './data';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Issue 18: moving an asset to another zone, linking it to a product of the assessment, reordering zones,
// the undo and redo keys, and the asset counts on the Scope step. Every edit is a step of undo.

/** The half-finished plant with a product of its own and a small inventory in Treatment control. */
function plantWithInventory() {
  const file = halfFinishedAssessment('a-scope-edits');
  Object.assign(file.assessment, {
    products: [{ id: 'p1', name: 'NW-RTU 560', component_type: 'embedded_device', description: '', target: [2, 2, 2, 2, 2, 2, 2] }],
    assets: [
      { id: 'a1', zone: 'z1', name: 'PLC-01', type: 'plc', vendor: 'Northwind', quantity: 3 },
      { id: 'a2', zone: 'z1', name: 'HMI-01', type: 'hmi', vendor: 'Northwind' },
      { id: 'a3', zone: 'z3', name: 'SIS-01', type: 'plc' },
    ],
  });
  return file;
}

function undoBar(page: Page) {
  const bar = page.getByRole('group', { name: 'Undo and redo' });
  return { bar, undo: bar.getByRole('button', { name: 'Undo', exact: true }), redo: bar.getByRole('button', { name: 'Redo', exact: true }), undoWhat: bar.locator('#undo-what'), redoWhat: bar.locator('#redo-what') };
}

const zoneHeadings = (page: Page) => page.locator('article.zone-card h3');

test('an asset is moved to another zone and linked to a product in its form, and undo takes it back', async ({ page }) => {
  await importAssessment(page, plantWithInventory());
  await gotoStep(page, 'Scope');
  const control = zoneCard(page, 'Treatment control');
  const dmz = zoneCard(page, 'Plant DMZ');
  // The counts follow from the inventory, in the card's head and in its summary.
  await expect(control.locator('.zone-head')).toContainText('· 4 assets');
  await expect(control.getByText('4 assets: 3 PLC / controller, 1 HMI / operator panel')).toBeVisible();
  await expect(control.getByText("Asset types, from the zone's inventory: PLC / controller, HMI / operator panel")).toBeVisible();
  await expect(control.getByRole('group', { name: 'Typical assets in this zone' })).toBeHidden();
  // A zone without an inventory keeps its ticked typical types.
  await expect(dmz.getByRole('group', { name: 'Typical assets in this zone' })).toBeVisible();
  await expect(dmz.getByText('No assets listed')).toBeVisible();

  await control.getByRole('button', { name: 'Show the inventory' }).click();
  const table = control.getByRole('table', { name: 'Assets of Treatment control' });
  await expect(table.getByRole('columnheader', { name: 'Product' })).toBeVisible();
  await table.getByRole('button', { name: 'Edit asset HMI-01' }).click();
  const form = control.getByRole('form', { name: 'Edit asset' });
  await expect(form.getByLabel('Zone')).toHaveValue('z1');
  // The form offers the assessment's products.
  await expect(form.getByLabel('Product of this assessment').getByRole('option')).toHaveText(['None', 'NW-RTU 560']);
  await form.getByLabel('Zone').selectOption({ label: 'Plant DMZ' });
  await form.getByLabel('Product of this assessment').selectOption({ label: 'NW-RTU 560' });
  await form.getByRole('button', { name: 'Save asset' }).click();
  await expect(page.getByRole('status')).toContainText('Asset "HMI-01" was moved to zone Plant DMZ.');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(control.getByText('3 assets: 3 PLC / controller')).toBeVisible();
  await expect(dmz.getByText('1 asset: 1 HMI / operator panel')).toBeVisible();
  await expect(dmz.locator('.zone-head')).toContainText('· 1 asset');
  await dmz.getByRole('button', { name: 'Show the inventory' }).click();
  const moved = dmz.getByRole('table', { name: 'Assets of Plant DMZ' }).getByRole('row', { name: /HMI-01/ });
  await expect(moved).toContainText('NW-RTU 560');

  const { undo, undoWhat, redo } = undoBar(page);
  await expect(undoWhat).toHaveText('undoes: Move asset HMI-01 to Plant DMZ');
  await undo.click();
  await expect(control.getByText('4 assets: 3 PLC / controller, 1 HMI / operator panel')).toBeVisible();
  await expect(dmz.getByText('No assets listed')).toBeVisible();
  await redo.click();
  await expect(dmz.getByText('1 asset: 1 HMI / operator panel')).toBeVisible();
  // Saved with its link.
  await page.reload();
  const after = zoneCard(page, 'Plant DMZ');
  await after.getByRole('button', { name: 'Show the inventory' }).click();
  await expect(after.getByRole('table', { name: 'Assets of Plant DMZ' }).getByRole('row', { name: /HMI-01/ })).toContainText('NW-RTU 560');
});

test('zones are reordered with buttons that keep the focus, the keys undo and redo outside text fields, and the order is exported', async ({ page }) => {
  await importAssessment(page, plantWithInventory());
  await gotoStep(page, 'Scope');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Plant DMZ', 'Chlorination safety PLCs']);
  const { undo, redo, undoWhat, redoWhat } = undoBar(page);
  // The buttons say their keys.
  await expect(undo).toHaveAttribute('title', 'Undo (Ctrl+Z, on a Mac ⌘Z)');
  await expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
  await expect(redo).toHaveAttribute('title', 'Redo (Ctrl+Shift+Z or Ctrl+Y, on a Mac ⌘⇧Z)');

  await expect(page.getByRole('button', { name: 'Move zone Treatment control up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move zone Chlorination safety PLCs down' })).toBeDisabled();
  const dmzUp = page.getByRole('button', { name: 'Move zone Plant DMZ up' });
  await dmzUp.focus();
  await page.keyboard.press('Enter');
  await expect(zoneHeadings(page)).toHaveText(['Plant DMZ', 'Treatment control', 'Chlorination safety PLCs']);
  await expect(undoWhat).toHaveText('undoes: Move zone Plant DMZ up');
  // First now: its Up button is disabled, and the focus is on its Down button, not lost.
  await expect(dmzUp).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move zone Plant DMZ down' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Move zone Plant DMZ down' }).press('Enter');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Chlorination safety PLCs', 'Plant DMZ']);
  await expect(page.getByRole('button', { name: 'Move zone Plant DMZ up' })).toBeFocused();

  // Ctrl+Z undoes a step, Ctrl+Shift+Z and Ctrl+Y redo (the focus is on a button, not in a text field).
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: Move zone Plant DMZ down.');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Plant DMZ', 'Chlorination safety PLCs']);
  await page.keyboard.press('Control+z');
  await expect(zoneHeadings(page)).toHaveText(['Plant DMZ', 'Treatment control', 'Chlorination safety PLCs']);
  await page.keyboard.press('Control+Shift+Z');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Plant DMZ', 'Chlorination safety PLCs']);
  await page.keyboard.press('Control+y');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Chlorination safety PLCs', 'Plant DMZ']);
  await expect(redoWhat).toHaveText('nothing to redo');
  // A checkbox is not a text field: the keys work there too.
  const chlorination = zoneCard(page, 'Chlorination safety PLCs');
  await chlorination.getByText('Zone register: organisation, boundary, access points, data flows, Purdue levels').click();
  await chlorination.getByLabel('Safety systems (SIS)').check();
  await expect(undoWhat).toHaveText('undoes: Edit a zone');
  await chlorination.getByLabel('Safety systems (SIS)').press('Control+z');
  await expect(chlorination.getByLabel('Safety systems (SIS)')).not.toBeChecked();
  await expect(undoWhat).toHaveText('undoes: Move zone Plant DMZ down');

  // In a text field the keys are the browser's own: the typing is undone, not the scope.
  const newZone = page.locator('#new-zone-name');
  await newZone.click();
  await page.keyboard.type('Boiler');
  await page.keyboard.press('Control+z');
  await expect(newZone).toHaveValue('');
  await expect(undoWhat).toHaveText('undoes: Move zone Plant DMZ down');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Chlorination safety PLCs', 'Plant DMZ']);
  // A list keeps its keys too.
  await zoneCard(page, 'Plant DMZ').getByLabel('Criticality', { exact: true }).focus();
  await page.keyboard.press('Control+z');
  await expect(undoWhat).toHaveText('undoes: Move zone Plant DMZ down');

  // The order is kept after a reload and in the JSON export.
  await page.reload();
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Chlorination safety PLCs', 'Plant DMZ']);
  await gotoStep(page, 'Report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON (re-importable)' }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported.assessment.zones.map((z: { name: string }) => z.name)).toEqual(['Treatment control', 'Chlorination safety PLCs', 'Plant DMZ']);
  // And imported back in that order (as a copy beside the original).
  exported.assessment.id = 'a-scope-edits-copy';
  exported.assessment.name = 'Reordered copy';
  await importAssessment(page, exported);
  await gotoStep(page, 'Scope');
  await expect(zoneHeadings(page)).toHaveText(['Treatment control', 'Chlorination safety PLCs', 'Plant DMZ']);
});
