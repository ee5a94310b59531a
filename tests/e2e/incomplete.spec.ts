import { test, expect, open } from './fixtures';
import { gotoStep, openSection } from './pages';
import { CATALOGUE_VERSION, knownAssessment } from './data';
import type { Locator, Page } from '@playwright/test';

// Issue 17: results that mean something while the assessment is incomplete, the levels in plain words,
// priorities a manager would agree with, done actions leaving the summary, and a readable projection.

async function importAssessment(page: Page, data: object) {
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  await expect(page.getByRole('status')).toContainText('Imported');
}

/** The water utility of the issue: SCADA control (High) and the safety PLCs (Critical); of the system
 * requirements only SR 5.1 is answered, Not implemented in the safety PLC zone, and SCADA's SR 4.2 RE(1)
 * (SL 3, above its FR4 target of 2) is implemented. */
function waterUtility() {
  return {
    format: 'iec62443-assess/assessment',
    schema: 1,
    catalogue_version: CATALOGUE_VERSION,
    assessment: {
      id: 'a-water-17',
      name: 'Water utility',
      created: '2026-11-20T09:00:00.000Z',
      updated: '2026-11-21T10:30:00.000Z',
      catalogue_version: CATALOGUE_VERSION,
      profile: { organisation: 'Riverside Water', sector: 'Water and wastewater', roles: ['asset_owner'], mode: 'full', target_maturity: 2 },
      zones: [
        { id: 'z1', name: 'SCADA control', description: '', asset_types: [], criticality: 'high', target: [3, 3, 2, 2, 2, 3, 3] },
        { id: 'z2', name: 'Safety PLCs', description: '', asset_types: [], criticality: 'critical', target: [2, 2, 3, 2, 2, 2, 3] },
      ],
      conduits: [],
      answers: {
        assessment: {},
        all_zones: {},
        zones: { z1: { 'sr-4.2-re1': { answer: 'implemented' } }, z2: { 'sr-5.1': { answer: 'not_implemented' } } },
      },
      plan: {},
      last_step: 'results',
    },
  };
}

/** The roadmap's card of SR 5.1 (the programme practice NET 1 has the same title). */
function sr51Card(page: Page): Locator {
  return page.getByRole('listitem', { name: 'Network segmentation', exact: true }).filter({ hasText: 'SR 5.1' });
}

/** The SL table's cell of a zone and FR (1-7). */
function slCell(table: Locator, zone: RegExp, fr: number): Locator {
  return table.getByRole('row', { name: zone }).getByRole('cell').nth(fr - 1);
}

test('a level held down by unanswered questions looks different from a known gap, in words and colour', async ({ page }) => {
  // Cell A: FR1 met at SL 1, its six SL 2 questions unanswered; FR2 not answered at all. Boiler house: SR 1.1
  // Not implemented, every other SL 1 question of FR1 met (SL-T 1).
  await importAssessment(page, knownAssessment());
  await gotoStep(page, 'Results');
  const table = page.getByRole('table', { name: 'Security levels by zone' });
  const cellA = slCell(table, /Cell A/, 1);
  const boiler = slCell(table, /Boiler/, 1);
  const words = { useInnerText: true };
  await expect(cellA).toHaveText('SL-A 1 / SL-T 2 ◌ not yet assessed 6 of 16 questions open SL-A 2 if they are met', words);
  await expect(slCell(table, /Cell A/, 2)).toHaveText('SL-A 0 / SL-T 2 ◌ not yet assessed 12 of 12 questions open SL-A 2 if they are met', words);
  await expect(boiler).toHaveText('SL-A 0 / SL-T 1 ▼ gap 1');
  // Not the red of a known gap.
  const background = (l: Locator) => l.evaluate((e) => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor);
  expect(await background(cellA)).not.toBe(await background(boiler));
  const colour = (l: Locator) => l.evaluate((e) => getComputedStyle(e).color);
  expect(await colour(cellA)).not.toBe(await colour(boiler));
  // One sentence explains it, beside the plain words for SL-T, SL-A and a gap.
  const legend = page.getByRole('list', { name: 'What the levels mean' });
  await expect(legend.getByRole('listitem')).toHaveText([
    /^SL-T, the target: the attacker the zone must withstand/,
    /^SL-A, the achieved level: what the answers show today/,
    /^Gap \(▼\): levels short of the target, shown by the answers; until closed, weaker attackers than planned for could get in or stop the process\.$/,
    /^Not yet assessed \(◌\): only unanswered questions hold the level down/,
  ]);
  await expect(legend).toBeVisible();
  // The zone's card and readiness line say which FRs are not yet assessed.
  await expect(page.getByRole('region', { name: 'Zone Cell A' })).toContainText(
    'Not yet assessed, only unanswered questions hold these down: FR1 (6 of 16 questions open; SL-A 2 if they are met), FR2',
  );
  await expect(page.getByRole('list', { name: 'Readiness per zone' })).toContainText('Cell A: target reached in 0 of 7 FRs; not yet assessed: all 7 FRs;');
  await expect(page.getByRole('list', { name: 'Readiness per zone' })).toContainText('largest gap FR1 Identification and authentication control (SL-A 0, SL-T 1); not yet assessed: FR2, FR3, FR4, FR5, FR6, FR7;');

  // The live summary: "?" for not yet assessed, "▾" for a known gap, each labelled in words.
  await gotoStep(page, 'Questionnaire');
  await openSection(page, 'fr1');
  const summary = page.getByRole('complementary', { name: 'Live summary' });
  await expect(summary.getByRole('cell', { name: 'Cell A FR1: achieved 1, target 2; not yet assessed: 6 of 16 questions open' })).toHaveText('1/2 ?');
  await expect(summary.getByRole('cell', { name: 'Boiler <b>house</b> FR1: achieved 0, target 1; known gap' })).toHaveText('0/1 ▾');
  await expect(summary).toContainText('? a level not yet assessed: only unanswered questions hold it down.');

  // The report's executive summary: the same cells, the legend and a sentence on what is established.
  await gotoStep(page, 'Report');
  const executive = page.getByRole('article', { name: 'Report' }).getByRole('region', { name: 'Executive summary' });
  const brief = executive.getByRole('table', { name: 'Security levels by zone' });
  await expect(brief.getByRole('cell', { name: 'Cell A FR1: SL-A 1, SL-T 2, not yet assessed' })).toHaveText('1 / 2 ◌');
  await expect(brief.getByRole('cell', { name: 'Boiler <b>house</b> FR1: SL-A 0, SL-T 1, known gap' })).toHaveText('0 / 1 ▼ gap 1');
  await expect(executive.getByRole('list', { name: 'What the levels mean' })).toContainText('Gap (▼): levels short of the target');
  await expect(executive).toContainText('Across the zones, 1 FR has a known gap and 13 FRs are not yet assessed (only unanswered questions hold them down).');
});

test('the top gaps put a known missing segmentation first; done actions leave the summary, planned ones say so', async ({ page }) => {
  await importAssessment(page, waterUtility());
  await gotoStep(page, 'Report');
  const executive = page.getByRole('article', { name: 'Report' }).getByRole('region', { name: 'Executive summary' });
  const topGaps = executive.locator('h3:text-is("Top five gaps") + ol > li');
  // Answered as missing comes first, then the groundwork (login, remote access, authorization, malware
  // protection), never the password masking, lockout or banner that are only unanswered.
  await expect(topGaps).toHaveCount(5);
  // SR 5.1 is answered Not implemented in the safety PLC zone (and still unanswered in SCADA control).
  await expect(topGaps.nth(0)).toHaveText('Network segmentation (SR 5.1) · SCADA control, Safety PLCs · 3-12 months');
  await expect(topGaps.nth(1)).toContainText('Human user identification and authentication (SR 1.1)');
  await expect(topGaps.nth(1)).toContainText('· unanswered');
  for (const refinement of ['SR 1.10', 'SR 1.11', 'SR 1.12']) await expect(executive.locator('h3:text-is("Top five gaps") + ol')).not.toContainText(refinement);

  // The first step becomes Done and SR 5.1 Planned, on the Roadmap step.
  const firstSteps = executive.locator('h3:text-is("First steps") + ol > li');
  const firstTitle = (await firstSteps.nth(0).locator('strong').textContent())!.replace(/ \([^)]*\)$/, '');
  await gotoStep(page, 'Roadmap');
  await page.getByRole('listitem', { name: firstTitle, exact: true }).getByLabel('Status').selectOption('Done');
  await sr51Card(page).getByLabel('Status').selectOption('Planned');
  // The done action leaves the Roadmap's list too, and comes back (still Done) when asked for.
  await expect(page.getByRole('listitem', { name: firstTitle, exact: true })).toHaveCount(0);
  await expect(page.getByText('1 done action left the list; it still counts in the projection below.')).toBeVisible();
  await page.getByLabel('Show done actions (1)').check();
  await expect(page.getByRole('listitem', { name: firstTitle, exact: true }).getByLabel('Status')).toHaveValue('Done');
  await page.getByLabel('Show done actions (1)').uncheck();
  await expect(sr51Card(page).getByLabel('Status')).toHaveValue('Planned');

  await gotoStep(page, 'Report');
  await expect(firstSteps.filter({ hasText: firstTitle })).toHaveCount(0);
  await expect(executive.locator('h3:text-is("Top five gaps") + ol')).not.toContainText(firstTitle);
  await expect(topGaps.nth(0)).toHaveText('Network segmentation (SR 5.1) · SCADA control, Safety PLCs · 3-12 months · Planned');
  await expect(executive).toContainText('1 action is marked done and left out above');

  // Requirements sort by their numbers: in the controls phase, SR 1.3 before SR 1.10, 1.11 and 1.12.
  await gotoStep(page, 'Roadmap');
  const controls = page.getByRole('region', { name: /^Phase 5: / });
  const refs = await controls.locator('.item-ref').allTextContents();
  const at = (ref: string) => refs.indexOf(ref);
  expect(at('SR 1.3')).toBeGreaterThanOrEqual(0);
  expect(at('SR 1.3')).toBeLessThan(at('SR 1.10'));
  expect(at('SR 1.10')).toBeLessThan(at('SR 1.11'));
  expect(at('SR 1.11')).toBeLessThan(at('SR 1.12'));
});

test('the projection is a table per zone by FR that fits 1280 px, and says why levels stay', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await importAssessment(page, waterUtility());
  await gotoStep(page, 'Roadmap');
  const region = page.getByRole('region', { name: 'Projected levels, scrollable' });
  const safety = region.getByRole('table', { name: 'Safety PLCs: projected SL-A' });
  await expect(region.getByRole('table', { name: 'SCADA control: projected SL-A' })).toBeVisible();
  await expect(safety.getByRole('columnheader')).toHaveText(['FR', 'Now', 'Phase 1', 'Phase 2', 'Phase 3', 'Phase 4', 'Phase 5', 'Phase 6', 'Phase 7', 'All done', 'Target']);
  // No raw vectors; FR5 of the safety PLCs: 0 now and after each phase, 2 with everything done, target 2.
  await expect(page.getByText(/\{\d \d \d \d \d \d \d\}/)).toHaveCount(0);
  await expect(safety.getByRole('row', { name: /^FR5/ }).getByRole('cell')).toHaveText(['0', '0', '0', '0', '0', '0', '0', '0', '↑2', '2']);
  // Every table, target column included, fits the page: nothing scrolls sideways.
  for (const table of await region.getByRole('table').all()) {
    const header = table.getByRole('columnheader', { name: 'Target' });
    const box = (await header.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  expect(await region.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Why the levels stay: nothing is planned, so FR5 waits for its four SL 1 requirements.
  const why = region.getByRole('list', { name: 'Why levels of Safety PLCs stay below target' });
  await expect(why.getByRole('listitem').filter({ hasText: /^FR5/ })).toHaveText('FR5 stays at 0 until SR 5.1, SR 5.2, SR 5.3 and 1 more are met.');
  // Planning SR 5.1 changes nothing yet, and the reason says what is still missing.
  await sr51Card(page).getByLabel('Status').selectOption('Planned');
  await expect(why.getByRole('listitem').filter({ hasText: /^FR5/ })).toHaveText('FR5 stays at 0 until SR 5.2, SR 5.3 and SR 5.4 are met.');
  // SCADA's FR4 would reach 3 with every action done, above its target of 2: explained below the tables.
  await expect(region.getByRole('table', { name: 'SCADA control: projected SL-A' }).getByRole('row', { name: /^FR4/ }).getByRole('cell').nth(8)).toHaveText('↑3');
  await expect(page.getByText('All done can be above the target: the actions close every gap up to the target, and requirements above it that are already met then count too.')).toBeVisible();
});
