import { test, expect } from './fixtures';
import { addZone, gotoStep, newAssessment, zoneCard } from './pages';

/**
 * A 500-row export as a spreadsheet writes it: UTF-8 with a byte order mark, semicolons, CRLF, a quoted
 * cell holding a semicolon and quotes. Row i (line i + 1) is DEV-iii in Control room when i is odd and in
 * Packaging cell when even; four rows are wrong (all even, so Packaging cell loses them):
 * line 11 names a zone that does not exist, line 121 a quantity "two", line 301 Purdue level 9, line 451
 * has no name. Every fifth row is a "Weighing terminal", a type the tool does not know (one note).
 */
function plantInventory(): Buffer {
  const types = ['PLC', 'HMI', 'Switch', 'Sensor', 'Weighing terminal'];
  const lines = ['Hostname;Device type;Vendor;Model;Firmware;Qty;Purdue level;IP address;Zone;Location;Comment'];
  for (let i = 1; i <= 500; i++) {
    const name = i === 450 ? '' : `DEV-${String(i).padStart(3, '0')}`;
    const zone = i === 10 ? 'Warehouse' : i % 2 === 1 ? 'Control room' : 'Packaging cell';
    const qty = i === 120 ? 'two' : '1';
    const purdue = i === 300 ? '9' : i % 5 === 3 ? '0' : '1';
    const comment = i % 7 === 0 ? '"Line 3; cabinet ""A"""' : '';
    lines.push([name, types[i % 5], 'Acme Automation', `X${i % 9}`, '2.4.1', qty, purdue, `10.0.${Math.floor(i / 250)}.${i % 250}`, zone, 'Hall 2', comment].join(';'));
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

test('a 500-row inventory is previewed with every problem by line and column, and only its good rows are imported', async ({ page }) => {
  await newAssessment(page, 'Bottling plant');
  await gotoStep(page, 'Scope');
  await addZone(page, 'Control room');
  await addZone(page, 'Packaging cell');
  const control = zoneCard(page, 'Control room');
  await expect(control.getByText('No assets listed')).toBeVisible();

  await page.locator('#inventory-file').setInputFiles({ name: 'plant-inventory.csv', mimeType: 'text/csv', buffer: plantInventory() });
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByRole('heading', { name: '"plant-inventory.csv": 500 rows' })).toBeVisible();
  // The columns are mapped from their headings; the user can change any of them.
  await expect(preview.getByLabel('Hostname')).toHaveValue('name');
  await expect(preview.getByLabel('Device type')).toHaveValue('type');
  await expect(preview.getByLabel('Firmware')).toHaveValue('version');
  await expect(preview.getByLabel('Comment')).toHaveValue('notes');
  await expect(preview.getByText('500 rows checked: 496 ready to import, 4 with errors (left out), 1 note(s).')).toBeVisible();
  const leftOut = preview.getByRole('list', { name: 'Rows left out' }).getByRole('listitem');
  await expect(leftOut).toHaveText([
    'Line 11, column "Zone": No zone is called "Warehouse". Add the zone on the Scope step first, or correct the name.',
    'Line 121, column "Qty": "two" is not a whole number of at least 1.',
    'Line 301, column "Purdue level": "9" is not a Purdue level: use 0 to 5, 3.5 (DMZ) or SIS.',
    'Line 451, column "Hostname": The asset has no name: every asset needs one.',
  ]);
  await expect(preview.getByRole('list', { name: 'Imported with a note' })).toContainText('Line 5, column "Device type": "Weighing terminal"');
  // Leaving the name column out is refused before any row is checked.
  await preview.getByLabel('Hostname').selectOption('');
  await expect(preview.getByRole('alert')).toHaveText('Choose the column that holds the asset names: every asset needs a name.');
  await preview.getByLabel('Hostname').selectOption('name');
  // Nothing has changed yet.
  await expect(control.getByText('No assets listed')).toBeVisible();

  await preview.getByRole('button', { name: 'Import the 496 good rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toContainText('496 assets imported from "plant-inventory.csv"; 4 row(s) were left out.');
  await expect(preview).toHaveCount(0);
  // 250 odd rows in Control room: 50 of each type (i mod 5 = 1, 3, 0, 2, 4 each 50 times).
  await expect(control.getByText('250 assets: 50 PLC / controller, 50 HMI / operator panel, 50 Network equipment, 50 Field device, 50 Weighing terminal')).toBeVisible();
  await expect(zoneCard(page, 'Packaging cell').getByText(/^246 assets:/)).toBeVisible();

  // The table filters and sorts.
  await control.getByRole('button', { name: 'Show the inventory' }).click();
  const table = control.getByRole('table', { name: 'Assets of Control room' });
  await expect(table.getByRole('row')).toHaveCount(251);
  await control.getByLabel('Filter assets').fill('DEV-01');
  await expect(control.getByText('5 of 250 rows match the filter')).toBeVisible();
  await control.getByLabel('Sort by').selectOption('Name');
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('DEV-011');
  await expect(table.getByRole('row').nth(1)).toContainText('Acme Automation');

  // Edit one asset; the others stay as they were.
  await table.getByRole('button', { name: 'Edit asset DEV-011' }).click();
  const form = control.getByRole('form', { name: 'Edit asset' });
  await form.getByLabel('Vendor').fill('Siemens');
  await form.getByLabel('Quantity').fill('0');
  await form.getByRole('button', { name: 'Save asset' }).click();
  await expect(form.getByRole('alert')).toHaveText('The quantity must be a whole number from 1 to 1000000.');
  await form.getByLabel('Quantity').fill('3');
  await form.getByRole('button', { name: 'Save asset' }).click();
  await expect(form).toHaveCount(0);
  await expect(table.getByRole('row').nth(1)).toContainText('Siemens');
  await expect(control.getByText(/^252 assets:/)).toBeVisible();

  // Remove one, add one by hand.
  await table.getByRole('button', { name: 'Remove asset DEV-013' }).click();
  await expect(control.getByText('4 of 249 rows match the filter')).toBeVisible();
  await control.getByRole('button', { name: 'Add an asset' }).click();
  const added = control.getByRole('form', { name: 'New asset' });
  await added.getByLabel('Asset name or tag').fill('DEV-019b');
  await added.getByLabel('Type').fill('Historian');
  await added.getByLabel('Purdue level').selectOption('L3');
  await added.getByRole('button', { name: 'Save asset' }).click();
  await expect(control.getByText('5 of 250 rows match the filter')).toBeVisible();
  await expect(table).toContainText('L3');

  // Everything is saved.
  await page.reload();
  await expect(zoneCard(page, 'Control room').getByText(/^252 assets: .*1 Historian/)).toBeVisible();
});

test('a conduit is edited in place and a zone keeps its register entries', async ({ page }) => {
  await newAssessment(page, 'Substation');
  await gotoStep(page, 'Scope');
  for (const zone of ['Control centre', 'Bay controllers', 'Protection relays']) await addZone(page, zone);
  await page.getByLabel('From zone').selectOption({ label: 'Control centre' });
  await page.getByLabel('To zone').selectOption({ label: 'Bay controllers' });
  await page.getByRole('button', { name: 'Add conduit' }).click();
  const conduits = page.getByRole('table', { name: 'Conduits' });
  await expect(conduits).toContainText('Control centre ↔ Bay controllers');
  await expect(conduits).toContainText('Not recorded');

  await conduits.getByRole('button', { name: 'Edit conduit Control centre to Bay controllers' }).click();
  const editor = conduits.getByRole('group', { name: 'Conduit Control centre to Bay controllers' });
  await editor.getByLabel('Conduit name').fill('Station bus');
  await editor.getByLabel('Conduit name').press('Tab');
  await expect(conduits.getByRole('cell', { name: 'Station bus', exact: true })).toBeVisible();
  const station = conduits.getByRole('group', { name: 'Conduit Station bus' });
  await station.getByLabel('Conduit type').selectOption('Firewall');
  await station.getByLabel('To zone').selectOption({ label: 'Protection relays' });
  await station.getByLabel('Protocols and ports').fill('IEC 61850 MMS (TCP 102)');
  await station.getByLabel('Protocols and ports').press('Tab');
  await station.getByLabel('Managed by').fill('Grid OT team');
  await station.getByLabel('Managed by').press('Tab');
  // Both ends in one zone is refused and nothing changes.
  await station.getByLabel('From zone').selectOption({ label: 'Protection relays' });
  await expect(station.getByRole('alert')).toHaveText('A conduit connects two different zones: choose another zone for this end.');
  await expect(station.getByLabel('From zone')).toHaveValue('z1');
  const row = conduits.getByRole('row').filter({ hasText: 'Station bus' }).first();
  await expect(row).toContainText('Control centre ↔ Protection relays');
  await expect(row).toContainText('Firewall');
  await expect(row).toContainText('IEC 61850 MMS (TCP 102)');

  // The zone register.
  const relays = zoneCard(page, 'Protection relays');
  await relays.getByText('Zone register: organisation, boundary, access points, data flows, Purdue levels').click();
  await relays.getByLabel('Accountable organisation').fill('Protection engineering');
  await relays.getByLabel('Accountable organisation').press('Tab');
  await relays.getByLabel('Level 1: basic control').check();

  await page.reload();
  const after = page.getByRole('table', { name: 'Conduits' });
  await expect(after).toContainText('Station bus');
  await expect(after).toContainText('Control centre ↔ Protection relays');
  await expect(after).toContainText('Firewall');
  await after.getByRole('button', { name: 'Edit conduit Station bus' }).click();
  await expect(after.getByLabel('Managed by')).toHaveValue('Grid OT team');
  const reloaded = zoneCard(page, 'Protection relays');
  await reloaded.getByText('Zone register: organisation, boundary, access points, data flows, Purdue levels').click();
  await expect(reloaded.getByLabel('Accountable organisation')).toHaveValue('Protection engineering');
  await expect(reloaded.getByLabel('Level 1: basic control')).toBeChecked();
});
