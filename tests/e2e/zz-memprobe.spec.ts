import { test, expect, open } from './fixtures';
import { gotoStep } from './pages';
import { knownAssessment } from './data';

test('memory probe per step', async ({ page }) => {
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      (window as any).wasmMemory = (e as CustomEvent).detail?.wasm?.memory;
    }, { once: true });
  });
  await open(page, '#/start');
  await page.locator('#import-file').setInputFiles({ name: 'known.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(knownAssessment())) });
  await expect(page.getByRole('banner')).toContainText(knownAssessment().assessment.name);
  const bytes = () => page.evaluate(() => (window as any).wasmMemory?.buffer.byteLength ?? -1);
  test.setTimeout(600000); const steps = (process.env.PROBE_STEPS || 'Roadmap,Report').split(',');
  for (const step of steps) await gotoStep(page, step);
  const all = ['Start', 'Profile', 'Scope', 'Questionnaire', 'Results', 'Roadmap', 'Report'];
  let prev = await bytes();
  for (let c = 0; c < 20; c++) {
    for (const step of all) await gotoStep(page, step);
    const now = await bytes();
    console.log(`PROBE cycle ${c}: +${(now - prev) / 1024} KB (total ${now / 1024} KB)`);
    prev = now;
  }
});
