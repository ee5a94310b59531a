import { test, expect, open } from './fixtures';
import { gotoStep, itemCard, openSection } from './pages';
import { knownAssessment } from './data';

test('evidence references recorded on an answer appear in the gap register and survive a reload', async ({ page }) => {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'known.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(knownAssessment())) });
  await expect(page.getByRole('status')).toContainText('Imported "Known answers"');

  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');

  // A zone that follows the all-zones answer shows that answer's evidence, read-only.
  await page.getByLabel('Answer for').selectOption({ label: 'Cell A' });
  const inherited = itemCard(page, 'sr-1.1');
  await expect(inherited.getByText('This zone follows the answer given for all zones, and so its evidence.')).toBeVisible();
  await expect(inherited.getByLabel('Document', { exact: true })).toHaveCount(0);

  // The Boiler house has its own answer (not implemented): its evidence is its own.
  await page.getByLabel('Answer for').selectOption({ label: 'Boiler <b>house</b>' });
  const card = itemCard(page, 'sr-1.1');
  const add = card.getByRole('button', { name: 'Add evidence' });
  await expect(add).toBeDisabled();
  await card.getByLabel('Document', { exact: true }).fill('Account review <b>2026</b>');
  await card.getByLabel('Link or place (optional)').fill('https://intranet.example/accounts');
  await card.getByLabel('Date (optional)').fill('2026-10-01');
  await add.click();
  await card.getByLabel('Document', { exact: true }).fill('Login policy');
  await card.getByLabel('Link or place (optional)').fill('javascript:alert(1)');
  await add.click();
  const list = card.getByRole('list', { name: 'Evidence references' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').nth(0)).toContainText('Account review <b>2026</b> (2026-10-01, https://intranet.example/accounts)');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Login policy (javascript:alert(1))');
  await expect(card.getByLabel('Document', { exact: true })).toHaveValue('');

  // Removing one, then a reload: the rest is kept.
  await card.getByRole('button', { name: 'Remove evidence Login policy' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await openSection(page, 'fr1');
  await page.getByLabel('Answer for').selectOption({ label: 'Boiler <b>house</b>' });
  await expect(itemCard(page, 'sr-1.1').getByRole('list', { name: 'Evidence references' }).getByRole('listitem')).toHaveCount(1);

  // The full report's gap register names the evidence; a web address becomes a link, the markup stays text.
  await gotoStep(page, 'Report');
  await page.getByRole('radio', { name: /^Full report/ }).check();
  const report = page.getByRole('article', { name: 'Report' });
  const gaps = report.getByRole('table', { name: 'Gap register' });
  const row = gaps.getByRole('row').filter({ hasText: 'Boiler <b>house</b>' }).filter({ hasText: 'Evidence:' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Evidence: Account review <b>2026</b> (2026-10-01)');
  await expect(row.getByRole('link', { name: 'Account review <b>2026</b>' })).toHaveAttribute('href', 'https://intranet.example/accounts');
  await expect(report.locator('b, script')).toHaveCount(0);
});
