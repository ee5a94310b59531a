import { test, expect } from './fixtures';
import { gotoStep, importAssessment } from './pages';
import { halfFinishedAssessment } from './data';
import type { Locator, Page } from '@playwright/test';

// Issue 18: pick a zone or conduit on the map and edit it. On the Scope step the details panel opens the
// zone's card or the conduit's editor and focuses its name; on the Results step it links to the Scope
// step with the same done there; the report offers neither.

const NAMES: Record<string, string> = { z1: 'Treatment control', z2: 'Plant DMZ', z3: 'Chlorination safety PLCs' };
const MAP = 'Zones and conduits: 3 zones, 2 conduits';

async function importHalfFinished(page: Page) {
  await importAssessment(page, halfFinishedAssessment());
}

/** Tabs from the map's last tool to its first zone and picks it with Enter; returns the zone's id. */
async function pickZoneByKeyboard(page: Page, figure: Locator): Promise<string> {
  await figure.getByRole('button', { name: 'Download the map (draw.io)' }).focus();
  let zone = '';
  for (let i = 0; i < 12 && !zone; i++) {
    await page.keyboard.press('Tab');
    zone = await page.evaluate(() => document.activeElement?.getAttribute('data-zone') ?? '');
  }
  expect(zone, 'Tab reaches a zone on the map').toMatch(/^z\d$/);
  await page.keyboard.press('Enter');
  await expect(figure.locator(`[data-zone="${zone}"]`)).toHaveAttribute('aria-pressed', 'true');
  return zone;
}

test('on the Scope step, the map opens a zone or conduit for editing and follows the edit; Undo restores it', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Scope');
  const figure = page.getByRole('figure', { name: MAP });

  // A zone, picked by keyboard: the button moves the focus to its name, and the new name is drawn.
  const zone = await pickZoneByKeyboard(page, figure);
  const old = NAMES[zone];
  await figure.getByRole('button', { name: `Edit zone ${old}` }).press('Enter');
  const nameField = page.locator(`#${zone}-name`);
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveValue(old);
  await expect(nameField).toBeInViewport();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Raw water intake');
  await page.keyboard.press('Tab');
  const map = page.getByRole('figure', { name: MAP });
  await expect(map.locator(`[data-zone="${zone}"]`)).toContainText('Raw water intake');
  await expect(map.getByRole('button', { name: /Zone Raw water intake, / })).toHaveCount(1);
  await expect(map.locator('.zone-map-text li').filter({ hasText: 'Zone Raw water intake' })).toHaveCount(1);
  await expect(map.locator('.zone-map-text li').filter({ hasText: `Zone ${old}` })).toHaveCount(0);
  // The figure stays through the edit: the zone is still picked, its details and button carry the new name.
  await expect(map.locator(`[data-zone="${zone}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(map.locator('.zone-map-picked')).toContainText('Raw water intake');
  await expect(map.getByRole('button', { name: 'Edit zone Raw water intake' })).toBeVisible();

  // Undo brings the old name back on the map.
  const undo = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  await expect(map.locator(`[data-zone="${zone}"]`)).not.toContainText('Raw water intake');
  await expect(map.getByRole('button', { name: new RegExp(`Zone ${old}, `) })).toHaveCount(1);
  await expect(map.locator('.zone-map-text li').filter({ hasText: `Zone ${old}` })).toHaveCount(1);

  // A conduit, picked by keyboard: its closed editor opens with the focus on its name; a new type is drawn
  // on its line.
  await expect(page.locator('#c1-details-editor')).toHaveCount(0);
  await map.locator('[data-conduit="c1"]').focus();
  await page.keyboard.press('Enter');
  await expect(map.locator('.zone-map-picked')).toHaveText(/^Conduit Historian link: /);
  await map.getByRole('button', { name: 'Edit conduit Historian link' }).click();
  await expect(page.locator('#c1-details-editor')).toBeVisible();
  await expect(page.locator('#c1-name')).toBeFocused();
  await expect(map.locator('[data-conduit="c1"]')).not.toContainText('Firewall');
  await page.getByLabel('Conduit type').selectOption('Firewall');
  await expect(page.getByRole('figure', { name: MAP }).locator('[data-conduit="c1"]')).toContainText('Historian link · Firewall');
  await expect(page.getByRole('figure', { name: MAP }).locator('.zone-map-text li').filter({ hasText: 'Conduit Historian link' })).toContainText('Firewall');
  await undo.click();
  await expect(page.getByRole('figure', { name: MAP }).locator('[data-conduit="c1"]')).not.toContainText('Firewall');
});

test('from the Results step, the map links to the Scope step with the zone or conduit opened and focused', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Results');
  let figure = page.getByRole('figure', { name: MAP });
  const zone = await pickZoneByKeyboard(page, figure);
  // No editing here: a link to the Scope step.
  await expect(figure.getByRole('button', { name: /^Edit zone/ })).toHaveCount(0);
  const link = figure.getByRole('link', { name: `Edit on the Scope step: zone ${NAMES[zone]}` });
  await expect(link).toHaveText('Edit on the Scope step');
  await link.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scope');
  await expect(page.locator(`#${zone}-name`)).toBeFocused();
  await expect(page.locator(`#${zone}-name`)).toBeInViewport();
  // The address is the Scope step's again: a reload opens nothing.
  await expect(page).toHaveURL(/#\/scope$/);

  // A conduit: its editor, closed on the Scope step, is opened.
  await gotoStep(page, 'Results');
  figure = page.getByRole('figure', { name: MAP });
  await figure.locator('[data-conduit="c2"] text').click();
  await figure.getByRole('link', { name: 'Edit on the Scope step: conduit Safety network' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scope');
  await expect(page.locator('#c2-details-editor')).toBeVisible();
  await expect(page.locator('#c2-name')).toBeFocused();
  await expect(page.locator('#c1-details-editor')).toHaveCount(0);
});

test('the full report shows the picked zone but offers no editing', async ({ page }) => {
  await importHalfFinished(page);
  await gotoStep(page, 'Report');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  const figure = page.getByRole('article', { name: 'Report' }).getByRole('figure', { name: MAP });
  await figure.locator('[data-zone="z1"] text').first().click();
  await expect(figure.locator('.zone-map-picked')).toHaveText(/^Zone Treatment control/);
  await expect(figure.getByRole('link', { name: /Edit/ })).toHaveCount(0);
  await expect(figure.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
});
