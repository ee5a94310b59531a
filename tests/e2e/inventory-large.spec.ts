import { test, expect } from './fixtures';
import { addZone, gotoStep, newAssessment, zoneCard } from './pages';

// Issue 18: a 10,000-row inventory stays responsive. The file is read a chunk at a time (the browser
// paints between chunks), the preview lists the first problems with a count of the rest, and the table
// draws its first 250 rows with "Show more". Measured on the 2-core test machine; the limits leave room
// for a loaded machine while catching a page that freezes.

const ROWS = 10_000;
/** Longest single task (ms) the page may block for while the file is read, checked or imported. */
const LONGEST_TASK_MS = 1500;
/** Limits (ms) from choosing the file to the preview, and from pressing Import to the confirmation. */
const PREVIEW_MS = 20_000;
const IMPORT_MS = 20_000;
/** How fast (ms) a click on another control is answered once the preview is shown. */
const CLICK_MS = 1000;

/** 10,000 rows as a discovery tool exports them: comma separated, no byte order mark. Rows 1..ROWS are
 * lines 2..ROWS+1; odd rows go to Line A, even to Line B. Three rows are wrong: line 101 names no zone
 * that exists, line 5001 has quantity "-1", line 9001 has no name. */
function bigInventory(): Buffer {
  const types = ['PLC', 'HMI', 'Switch', 'Sensor', 'Drive'];
  const lines = ['Name,Type,Vendor,Model,Firmware,Quantity,Zone,IP address'];
  for (let i = 1; i <= ROWS; i++) {
    const name = i === 9000 ? '' : `NODE-${String(i).padStart(5, '0')}`;
    const zone = i === 100 ? 'Warehouse' : i % 2 === 1 ? 'Line A' : 'Line B';
    const qty = i === 5000 ? '-1' : '1';
    lines.push([name, types[i % 5], 'Acme', `M${i % 7}`, `1.${i % 4}`, qty, zone, `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`].join(','));
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

test('a 10,000-row inventory is previewed and imported without freezing the page', async ({ page }) => {
  test.setTimeout(180_000);
  await newAssessment(page, 'Large plant');
  await gotoStep(page, 'Scope');
  await addZone(page, 'Line A');
  await addZone(page, 'Line B');
  await expect(zoneCard(page, 'Line B')).toBeVisible();
  // Every task that blocks the page for 50 ms or more, from here on.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const longTasks = async () => {
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    return { longest: Math.round(Math.max(0, ...tasks)), total: Math.round(tasks.reduce((a, b) => a + b, 0)), count: tasks.length };
  };

  const file = bigInventory();
  let started = Date.now();
  await page.locator('#inventory-file').setInputFiles({ name: 'discovery.csv', mimeType: 'text/csv', buffer: file });
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByText(`${ROWS} rows checked: 9997 ready to import, 3 with errors (left out), 0 note(s).`)).toBeVisible({ timeout: PREVIEW_MS });
  const previewMs = Date.now() - started;
  const previewTasks = await longTasks();
  await expect(preview.getByRole('heading', { name: `"discovery.csv": ${ROWS} rows` })).toBeVisible();
  await expect(preview.getByRole('list', { name: 'Rows left out' }).getByRole('listitem')).toHaveText([
    'Line 101, column "Zone": No zone is called "Warehouse". Add the zone on the Scope step first, or correct the name.',
    'Line 5001, column "Quantity": "-1" is not a whole number of at least 1.',
    'Line 9001, column "Name": The asset has no name: every asset needs one.',
  ]);

  // The page answers a click while the preview is shown: changing a column's field checks every row again.
  started = Date.now();
  await preview.getByLabel('Model').selectOption('');
  await expect(preview.getByLabel('Model')).toHaveValue('');
  const clickMs = Date.now() - started;
  await preview.getByLabel('Model').selectOption('model');
  await longTasks();

  started = Date.now();
  await preview.getByRole('button', { name: 'Import the 9997 good rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toContainText('9997 assets imported from "discovery.csv"; 3 row(s) were left out.', { timeout: IMPORT_MS });
  const importMs = Date.now() - started;
  const importTasks = await longTasks();
  const lineA = zoneCard(page, 'Line A');
  await expect(lineA.getByText(/^5000 assets: /)).toBeVisible();
  await expect(zoneCard(page, 'Line B').getByText(/^4997 assets: /)).toBeVisible();

  // The table of 5,000 rows draws its first 250, and more on request.
  started = Date.now();
  await lineA.getByRole('button', { name: 'Show the inventory' }).click();
  const table = lineA.getByRole('table', { name: 'Assets of Line A' });
  await expect(table.getByRole('row')).toHaveCount(251);
  const tableMs = Date.now() - started;
  await expect(lineA.getByText('The first 250 of these rows are shown.')).toBeVisible();
  await lineA.getByRole('button', { name: 'Show 250 more rows' }).click();
  await expect(table.getByRole('row')).toHaveCount(501);
  // Filtering looks through every row, not only those drawn.
  await lineA.getByLabel('Filter assets').fill('NODE-09999');
  await expect(table.getByRole('row')).toHaveCount(2);
  const tableTasks = await longTasks();

  const figures = { previewMs, previewTasks, clickMs, importMs, importTasks, tableMs, tableTasks };
  console.log(`10,000-row import: ${JSON.stringify(figures)}`);
  expect(previewMs).toBeLessThan(PREVIEW_MS);
  expect(importMs).toBeLessThan(IMPORT_MS);
  expect(clickMs).toBeLessThan(CLICK_MS);
  for (const [what, tasks] of [['preview', previewTasks], ['import', importTasks], ['table', tableTasks]] as const) {
    expect(tasks.longest, `longest task during the ${what}`).toBeLessThan(LONGEST_TASK_MS);
  }
});

test('a file of thousands of bad rows lists the first problems with a count of the rest, and all on request', async ({ page }) => {
  await newAssessment(page, 'Bad file');
  await gotoStep(page, 'Scope');
  await addZone(page, 'Line A');
  const lines = ['Name,Zone,Quantity'];
  for (let i = 1; i <= 3000; i++) lines.push(`N${i},Line A,none`);
  await page.locator('#inventory-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByText('3000 rows checked: 0 ready to import, 3000 with errors (left out), 0 note(s).')).toBeVisible();
  const problems = preview.getByRole('list', { name: 'Rows left out' }).getByRole('listitem');
  await expect(problems).toHaveCount(100);
  await expect(preview.getByText('The first 100 of each list are shown; 2,900 more.')).toBeVisible();
  await preview.getByRole('button', { name: 'List all 3,000 problems' }).click();
  await expect(problems).toHaveCount(3000);
  await expect(problems.last()).toHaveText('Line 3001, column "Quantity": "none" is not a whole number of at least 1.');
  await expect(preview.getByRole('button', { name: 'Import the 0 good rows' })).toBeDisabled();
});
