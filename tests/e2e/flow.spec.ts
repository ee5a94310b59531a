import { test, expect } from './fixtures';
import { addZone, answer, gotoStep, itemCard, newAssessment, openSection, zoneCard } from './pages';

test('a prospect walks the whole flow and finds everything after a reload', async ({ page }) => {
  await newAssessment(page, 'Refinery 2026');

  // Profile
  await page.getByLabel('Organisation (optional)').fill('North Refining');
  await page.getByLabel('Sector').selectOption('Oil and gas');
  await expect(page.getByLabel(/Asset owner/)).toBeChecked();
  await expect(page.getByLabel(/Product supplier/)).not.toBeChecked();

  // Scope: two zones, one with a direct SL-T, one through the wizard.
  await gotoStep(page, 'Scope');
  await addZone(page, 'Control room');
  await addZone(page, 'Safety system');
  const control = zoneCard(page, 'Control room');
  await control.getByLabel('SL-T for all FRs').selectOption('2');
  await control.getByLabel('Criticality').selectOption('High');
  await control.getByLabel('HMI / operator panel').check();
  await expect(control.getByText('SL-T {2 2 2 2 2 2 2}')).toBeVisible();

  const safety = zoneCard(page, 'Safety system');
  await safety.getByRole('button', { name: 'Suggest a target with the wizard' }).click();
  const wizard = safety.getByRole('group', { name: 'Target-level wizard' });
  await wizard.getByLabel('Possible fatalities, on site or off site').check();
  await wizard.getByLabel('Skilled criminals, such as ransomware groups who know control systems').check();
  await wizard.getByLabel('Only from other control zones or through a DMZ').check();
  // Fatalities count as serious (2), skilled attacker (2), reachable only through other networks: baseline
  // matrix(2, 2) = 2; possible fatalities raise FR3 and FR7 to 3 (docs/scoring.md section 5).
  await expect(wizard.getByRole('status')).toContainText('FR3 SL 3');
  await expect(wizard.getByRole('status')).toContainText('Worst credible consequence: serious');
  await wizard.getByRole('button', { name: 'Accept this suggestion' }).click();
  await expect(safety.getByText('SL-T {2 2 3 2 2 2 3}')).toBeVisible();
  // Override one FR by hand after the wizard.
  await safety.getByLabel('A level per foundational requirement').check();
  await safety.getByLabel('FR4 Data confidentiality').selectOption('1');
  await expect(safety.getByText('SL-T {2 2 3 1 2 2 3}')).toBeVisible();

  // A conduit between the zones.
  await page.getByLabel('Conduit name (optional)').fill('SIS engineering link');
  await page.getByLabel('From zone').selectOption({ label: 'Control room' });
  await page.getByLabel('To zone').selectOption({ label: 'Safety system' });
  await page.getByLabel('Protocols').fill('Modbus/TCP');
  await page.getByLabel('Crosses to the IT network').check();
  await page.getByRole('button', { name: 'Add conduit' }).click();
  const conduits = page.getByRole('table', { name: 'Conduits' });
  await expect(conduits).toContainText('SIS engineering link');
  await expect(conduits).toContainText('Control room ↔ Safety system');
  await expect(conduits).toContainText('IT network');

  // Questionnaire: the 3-2 section, with N/A needing a justification.
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'zcr');
  await answer(itemCard(page, 'zcr-1.1'), 'implemented');
  const zcr35 = itemCard(page, 'zcr-3.5');
  await answer(zcr35, 'not_applicable');
  await expect(zcr35.getByText('Without a justification this answer counts as unanswered.')).toBeVisible();
  await expect(zcr35.locator('.item-status')).toHaveText('Needs a justification');
  await zcr35.getByLabel('Why does this not apply? (required)').fill('No wireless anywhere in the plant.');
  await expect(zcr35.locator('.item-status')).toHaveText('Answered');
  await expect(page.locator('button[data-section="zcr"] .section-progress')).toHaveText('2/28');

  // FR1: answer for all zones, then override in one zone with a compensating control.
  await openSection(page, 'fr1');
  await answer(itemCard(page, 'sr-1.1'), 'implemented');
  await page.getByLabel('Answer for').selectOption({ label: 'Safety system' });
  const sr11 = itemCard(page, 'sr-1.1');
  await expect(sr11.getByText('This zone uses the answer given for all zones.')).toBeVisible();
  await answer(sr11, 'compensating');
  await sr11.getByLabel('Describe the compensating control (required)').fill('Cabinet locked; key held by shift lead.');
  await expect(sr11.getByText('This zone has its own answer.')).toBeVisible();
  await sr11.getByLabel('Notes (optional)').fill('Vendor <b>bold</b> claim to check');

  // Keyboard: focus a card and answer with a number key, move with N.
  const sr13 = itemCard(page, 'sr-1.3');
  await sr13.focus();
  await page.keyboard.press('3');
  await expect(sr13.locator('#q-sr-1_3-not_implemented')).toBeChecked();
  await page.keyboard.press('n');
  // In "Safety system" (SL-T 2 in FR1) SR 1.4 follows SR 1.3: the enhancement SR 1.3 RE(1) is at SL 3.
  await expect(itemCard(page, 'sr-1.3-re1')).toHaveCount(0);
  await expect(itemCard(page, 'sr-1.4')).toBeFocused();
  await page.keyboard.press('p');
  await expect(sr13).toBeFocused();

  // Live summary shows SL-A per zone.
  const summary = page.getByRole('complementary', { name: 'Live summary' });
  await expect(summary.getByRole('table')).toContainText('Control room');
  await expect(summary.getByRole('table')).toContainText('Safety system');

  // Reload: everything is restored and the app reopens on the questionnaire.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaire' })).toBeVisible();
  await openSection(page, 'zcr');
  await expect(itemCard(page, 'zcr-3.5').getByLabel('Why does this not apply? (required)')).toHaveValue('No wireless anywhere in the plant.');
  await openSection(page, 'fr1');
  await page.getByLabel('Answer for').selectOption({ label: 'Safety system' });
  await expect(itemCard(page, 'sr-1.1').locator('#q-sr-1_1-compensating')).toBeChecked();
  await expect(itemCard(page, 'sr-1.1').getByLabel('Notes (optional)')).toHaveValue('Vendor <b>bold</b> claim to check');
  await page.getByLabel('Answer for').selectOption({ label: 'Control room' });
  await expect(itemCard(page, 'sr-1.1').locator('#q-sr-1_1-implemented')).toBeChecked();

  await gotoStep(page, 'Scope');
  await expect(zoneCard(page, 'Safety system').getByText('SL-T {2 2 3 1 2 2 3}')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Conduits' })).toContainText('Modbus/TCP');
  await gotoStep(page, 'Profile');
  await expect(page.getByLabel('Organisation (optional)')).toHaveValue('North Refining');
});

test('zone names are checked, shown as text, and removing a zone removes its conduits', async ({ page }) => {
  await newAssessment(page, 'Bad input');
  await gotoStep(page, 'Scope');
  await page.getByRole('button', { name: 'Add zone' }).click();
  await expect(page.getByText('Give the zone a name.')).toBeVisible();
  await addZone(page, '<img src=x onerror=alert(1)>Cell');
  await expect(page.getByRole('heading', { level: 3, name: '<img src=x onerror=alert(1)>Cell' })).toBeVisible();
  await addZone(page, '<IMG src=x onerror=alert(1)>cell');
  await expect(page.getByText('Another zone already has this name')).toBeVisible();
  await addZone(page, 'x'.repeat(130));
  await expect(page.getByText('Keep the zone name under 120 characters.')).toBeVisible();
  await addZone(page, 'Historian');
  await page.getByLabel('From zone').selectOption({ label: 'Historian' });
  await page.getByLabel('To zone').selectOption({ label: 'Historian' });
  await page.getByRole('button', { name: 'Add conduit' }).click();
  await expect(page.getByText('A conduit connects two different zones')).toBeVisible();
  await page.getByLabel('To zone').selectOption({ label: '<img src=x onerror=alert(1)>Cell' });
  await page.getByRole('button', { name: 'Add conduit' }).click();
  await expect(page.getByRole('table', { name: 'Conduits' })).toContainText('Historian to <img src=x onerror=alert(1)>Cell');

  const historian = zoneCard(page, 'Historian');
  await historian.getByLabel('Zone name').fill('');
  await historian.getByLabel('Zone name').press('Tab');
  await expect(historian.getByText('Give the zone a name.')).toBeVisible();
  await historian.getByRole('button', { name: 'Remove zone' }).click();
  await historian.getByRole('button', { name: 'Yes, remove the zone' }).click();
  await expect(page.getByRole('status')).toContainText('with the conduit(s) that connected it');
  await expect(page.getByRole('table', { name: 'Conduits' })).toHaveCount(0);
  await expect(page.locator('img')).toHaveCount(0);
});

test('several assessments: list, switch, rename, duplicate and delete with confirmation', async ({ page }) => {
  await newAssessment(page, 'Plant A');
  await page.getByLabel('Organisation (optional)').fill('Org A');
  await newAssessment(page, 'Plant B');
  await gotoStep(page, 'Start');
  const list = page.getByRole('list', { name: 'Saved assessments' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Plant A');
  await expect(list).toContainText('Org A');
  await list.getByRole('listitem').filter({ hasText: 'Plant A' }).getByRole('button', { name: 'Open Plant A' }).click();
  await expect(page.getByLabel('Organisation (optional)')).toHaveValue('Org A');
  await expect(page.getByRole('banner')).toContainText('Plant A');

  await gotoStep(page, 'Start');
  const rowB = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Open Plant B' }) });
  await rowB.getByRole('button', { name: 'Rename' }).click();
  await rowB.getByLabel('New name').fill('Plant B (north)');
  await rowB.getByRole('button', { name: 'Save name' }).click();
  await expect(list).toContainText('Plant B (north)');
  await list.getByRole('listitem').filter({ hasText: 'Plant A' }).getByRole('button', { name: 'Duplicate' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Plant A (copy)');

  const copy = list.getByRole('listitem').filter({ hasText: 'Plant A (copy)' });
  await copy.getByRole('button', { name: 'Delete' }).click();
  await copy.getByRole('button', { name: 'Keep it' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await copy.getByRole('button', { name: 'Delete' }).click();
  await copy.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.reload();
  await gotoStep(page, 'Start');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).not.toContainText('(copy)');
});

test('typing and keyboard answering keep their place while the page updates around them', async ({ page }) => {
  // The views are built with ui::dom: lists keep the nodes of the items that stay, and parts are rebuilt
  // only when what they show changes. A rebuild under the cursor would lose the focus or the typed text.
  await newAssessment(page, 'Focus');
  await gotoStep(page, 'Scope');
  await addZone(page, 'Cell A');
  await addZone(page, 'Cell B');
  const cellB = zoneCard(page, 'Cell B');
  const description = cellB.getByLabel('Description');
  await description.click();
  // Every key saves the assessment, which updates the zone list, the header and the conduit choices.
  await page.keyboard.type('PLCs and HMIs of line 2');
  await expect(description).toBeFocused();
  await expect(description).toHaveValue('PLCs and HMIs of line 2');

  // A refused name stays in its field, next to its error, while other parts of the assessment change.
  const cellA = zoneCard(page, 'Cell A');
  await cellA.getByLabel('Zone name').fill('cell b');
  await cellA.getByLabel('Zone name').press('Tab');
  await expect(page.getByText('Another zone already has this name')).toBeVisible();
  await description.click();
  await page.keyboard.type(', packaging');
  await expect(description).toHaveValue('PLCs and HMIs of line 2, packaging');
  await expect(cellA.getByLabel('Zone name')).toHaveValue('cell b');

  // Keyboard answering with "Unanswered only": an answered question leaves the list and the focus moves
  // on to the next one, so the next key answers it.
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  await page.getByLabel('Unanswered only').check();
  const first = page.locator('.item-list article.item-card').first();
  const firstId = await first.getAttribute('id');
  const secondId = await page.locator('.item-list article.item-card').nth(1).getAttribute('id');
  await first.focus();
  await page.keyboard.press('1');
  await expect(page.locator(`#${firstId}`)).toHaveCount(0);
  await expect(page.locator(`#${secondId}`)).toBeFocused();
  await page.keyboard.press('1');
  await expect(page.locator(`#${secondId}`)).toHaveCount(0);
  // Two questions answered for both zones.
  await expect(page.locator('button[data-section="fr1"] .section-progress')).toHaveText('4/20');
});
