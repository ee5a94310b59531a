import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect, open } from './fixtures';
import { addZone, answer, gotoStep, importAssessment, itemCard, openSection, zoneCard } from './pages';
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

/** The known assessment (asset owner, Cell A and Boiler house) with a small inventory, as a schema-5 file. */
function knownWithInventory(id = 'a-known-1', name = 'Known answers') {
  const file = knownAssessment(id) as ReturnType<typeof knownAssessment> & { assessment: Record<string, unknown> };
  file.schema = 5;
  file.assessment.name = name;
  file.assessment.assets = [
    { id: 'a1', zone: 'z1', name: 'PLC-01', type: 'plc', vendor: 'Siemens', version: '2.1' },
    { id: 'a2', zone: 'z2', name: 'Old-Switch', type: 'network_equipment' },
  ];
  return file;
}

/** The comparison's row of a table, by the text of its first cell. */
function rowOf(comparison: Locator, table: string, name: string | RegExp) {
  return comparison.getByRole('table', { name: table }).getByRole('row', { name });
}

test('any two states compare: two snapshots, a snapshot and now, and another assessment of the same plant', async ({ page }) => {
  // Last year's assessment of the same plant, saved in this browser: other ids, a zone since removed, and
  // SR 1.1 not yet answered for all zones (FR1 at SL-A 0 in Cell A).
  const lastYear = knownWithInventory('a-last-year', 'Known answers 2025');
  const last = lastYear.assessment as { zones: { id: string; name: string }[]; answers: { all_zones: Record<string, unknown> }; assets: unknown[] };
  last.zones = [
    { ...last.zones[0], id: 'z7' },
    { ...last.zones[1], id: 'z8' },
    { id: 'z9', name: 'Old modem pool', description: '', asset_types: [], criticality: 'low', target: [1, 1, 1, 1, 1, 1, 1] } as never,
  ];
  (lastYear.assessment as { conduits: unknown[] }).conduits = [];
  delete last.answers.all_zones['sr-1.1'];
  (lastYear.assessment as { answers: { zones: Record<string, unknown> } }).answers.zones = {};
  last.assets = [{ id: 'x1', zone: 'z7', name: 'PLC-01', type: 'plc', vendor: 'Siemens', version: '1.0' }];
  await importAssessment(page, lastYear);
  await importAssessment(page, knownWithInventory());

  // Snapshot A, then the Boiler house gets SR 1.1 (FR1 there rises from SL-A 0 to 1), then snapshot B.
  await gotoStep(page, 'Results');
  const panel = page.getByRole('region', { name: 'Progress over time' });
  const take = async (name: string) => {
    await panel.getByLabel('Snapshot name (optional)').fill(name);
    await panel.getByRole('button', { name: 'Take snapshot' }).click();
    await expect(page.getByRole('status')).toContainText(`Snapshot "${name}" taken.`);
  };
  await take('A');
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  await page.getByLabel('Answer for').selectOption({ label: 'Boiler <b>house</b>' });
  await answer(itemCard(page, 'sr-1.1'), 'implemented');
  await gotoStep(page, 'Results');
  await take('B');

  // More since B: a new zone, PLC-01 updated, Old-Switch removed, a firewall added, SR 2.1's action done.
  await gotoStep(page, 'Scope');
  await addZone(page, 'Historian DMZ');
  const cell = zoneCard(page, 'Cell A');
  await cell.getByRole('button', { name: 'Show the inventory' }).click();
  await cell.getByRole('table', { name: 'Assets of Cell A' }).getByRole('button', { name: 'Edit asset PLC-01' }).click();
  const edit = cell.getByRole('form', { name: 'Edit asset' });
  await edit.getByLabel('Firmware or software version').fill('3.0');
  await edit.getByRole('button', { name: 'Save asset' }).click();
  await expect(edit).toHaveCount(0);
  const boiler = zoneCard(page, 'Boiler <b>house</b>');
  await boiler.getByRole('button', { name: 'Show the inventory' }).click();
  await boiler.getByRole('button', { name: 'Remove asset Old-Switch' }).click();
  await boiler.getByRole('button', { name: 'Add an asset' }).click();
  const added = boiler.getByRole('form', { name: 'New asset' });
  await added.getByLabel('Asset name or tag').fill('Firewall <i>01</i>');
  await added.getByLabel('Type').fill('Network equipment');
  await added.getByRole('button', { name: 'Save asset' }).click();
  await expect(added).toHaveCount(0);
  await gotoStep(page, 'Roadmap');
  await page.locator('#action-sr-2_1').getByLabel('Status').selectOption('Done');

  await gotoStep(page, 'Results');
  const comparison = panel.locator('.comparison');
  const compareStates = async (earlier: string, later: string) => {
    await chooseOption(panel.getByLabel('Earlier state'), earlier);
    await chooseOption(panel.getByLabel('Later state'), later);
  };

  // A with B: only the Boiler house's SR 1.1 changed, with its notes; nothing else.
  await compareStates('Snapshot: A', 'Snapshot: B');
  await expect(comparison).toContainText('Compared with A');
  await expect(comparison).toContainText('Levels: 1 zone rose in 1 FR; no zone fell.');
  await expect(comparison).toContainText('Inventory: 0 assets added, 0 removed, 0 changed (2 listed then, 2 now).');
  await expect(rowOf(comparison, 'Security levels (SL-A) then and now', /Boiler/).getByRole('cell').nth(0)).toHaveText('0 → 1 (+1)');
  await expect(rowOf(comparison, 'Security levels (SL-A) then and now', /Cell A/).getByRole('cell').nth(0)).toHaveText('1');
  let answers = comparison.getByRole('table', { name: 'Answers changed' }).getByRole('row');
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(1).getByRole('cell')).toHaveText([/^SR 1\.1 /, 'Zone Boiler <b>house</b>', 'Not implemented', 'Implemented', 'Notes: Shared <i>operator</i> login, =SUM(A1)']);
  await expect(comparison).toContainText('No roadmap action was marked done in between.');
  await expect(comparison).not.toContainText('New zones');

  // A with now: the same level change, plus the new zone, the inventory and the action done.
  await compareStates('Snapshot: A', 'Now: the current answers');
  await expect(comparison).toContainText('Levels: 1 zone rose in 1 FR; no zone fell.');
  await expect(comparison).toContainText('New zones: Historian DMZ.');
  await expect(comparison).toContainText('Inventory: 1 asset added, 1 removed, 1 changed (2 listed then, 2 now).');
  await expect(rowOf(comparison, 'Inventory changes per zone', 'Cell A').getByRole('cell')).toHaveText(['0', '0', '1']);
  await expect(rowOf(comparison, 'Inventory changes per zone', 'Boiler <b>house</b>').getByRole('cell')).toHaveText(['1', '1', '0']);
  const assets = comparison.getByRole('table', { name: 'Assets added, removed or changed' }).getByRole('row');
  await expect(assets).toHaveCount(4);
  await expect(assets.nth(1).getByRole('cell')).toHaveText(['Cell A', 'Changed', 'Version: 2.1 → 3.0']);
  await expect(assets.nth(1).getByRole('rowheader')).toHaveText('PLC-01');
  await expect(assets.nth(2)).toContainText('Firewall <i>01</i>');
  await expect(assets.nth(2).getByRole('cell')).toHaveText(['Boiler <b>house</b>', 'Added', 'Network equipment']);
  await expect(assets.nth(3).getByRole('cell')).toHaveText(['Boiler <b>house</b>', 'Removed', 'Network equipment']);
  await expect(comparison.getByRole('list', { name: 'Roadmap actions done' }).getByRole('listitem')).toHaveText([/^SR 2\.1 /]);
  await expect(comparison).toContainText('1 answer changed; 1 roadmap action done.');

  // B with now: no level moved, and no answer changed.
  await compareStates('Snapshot: B', 'Now: the current answers');
  await expect(comparison).toContainText('Levels: no zone rose; no zone fell.');
  await expect(comparison).toContainText('No answer changed.');
  await expect(comparison).toContainText('New zones: Historian DMZ.');

  // Last year's assessment with now: zones paired by name, the modem pool gone, PLC-01 paired by name.
  await compareStates('Assessment: Known answers 2025', 'Now: the current answers');
  await expect(comparison).toContainText('Compared with Known answers 2025');
  await expect(comparison).toContainText('Removed zones: Old modem pool.');
  await expect(comparison).toContainText('New zones: Historian DMZ.');
  await expect(rowOf(comparison, 'Security levels (SL-A) then and now', /Cell A/).getByRole('cell').nth(0)).toHaveText('0 → 1 (+1)');
  await expect(rowOf(comparison, 'Security levels (SL-A) then and now', /Boiler/).getByRole('cell').nth(0)).toHaveText('0 → 1 (+1)');
  await expect(rowOf(comparison, 'Assets added, removed or changed', /PLC-01/).getByRole('cell')).toHaveText(['Cell A', 'Changed', 'Version: 1.0 → 3.0']);
  answers = comparison.getByRole('table', { name: 'Answers changed' }).getByRole('row');
  await expect(answers.filter({ hasText: 'All zones' }).getByRole('cell')).toHaveText([/^SR 1\.1 /, 'All zones', 'Not answered', 'Implemented', '']);
  await expect(comparison.locator('b, i, script')).toHaveCount(0);

  // The report's progress section since snapshot A carries the inventory's changes, on screen and in Markdown.
  await gotoStep(page, 'Report');
  await chooseOption(page.getByLabel('Progress section'), 'Progress since snapshot A');
  const report = page.getByRole('article', { name: 'Report' });
  await expect(report.getByRole('table', { name: 'Inventory changes per zone' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report (Markdown)' }).click()]);
  const path = join(tmpdir(), `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const markdown = readFileSync(path, 'utf8');
  expect(markdown).toContain('### Inventory\n');
  expect(markdown).toContain('Inventory: 1 asset added, 1 removed, 1 changed (2 listed then, 2 now).');
  expect(markdown).toContain('| Cell A | PLC-01 | Changed | Version: 2.1 → 3.0 |');
  expect(markdown).toContain('| Boiler \\<b\\>house\\</b\\> | Firewall \\<i\\>01\\</i\\> | Added | Network equipment |');
});
