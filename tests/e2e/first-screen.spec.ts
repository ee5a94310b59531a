import { test, expect } from './fixtures';

// index.html carries a static first screen (`#boot`: the header's look, the Start step's heading, what the
// tool does and the privacy promise) that is painted before the WebAssembly has even arrived. The app
// replaces it in place, without moving what the user is reading, and removes it right after mounting, so
// there is one banner and one main region again. Here the wasm download is held back to look at it.

const HEADING = 'IEC 62443 self-assessment';
const LEAD = /^Find out where your industrial control systems stand against IEC 62443/;
const PROMISE = 'Everything you enter stays in this browser. Nothing is sent anywhere.';

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  test(`the static first screen shows at once and the Start step replaces it in place (${viewport.width} px wide)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    let releaseWasm = () => {};
    const wasmHeld = new Promise<void>((resolve) => (releaseWasm = resolve));
    await page.route('**/*.wasm', async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await page.goto('./#/start');

    const heading = page.getByRole('heading', { level: 1, name: HEADING });
    const lead = page.getByText(LEAD);
    await expect(page.locator('#boot')).toBeVisible();
    await expect(heading).toBeVisible();
    await expect(lead).toBeVisible();
    await expect(page.getByText(PROMISE)).toBeVisible();
    // Only a picture of the app: nothing a user could click, no landmark a test could take for the app's.
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('main')).toHaveCount(0);
    const before = { heading: await heading.boundingBox(), lead: await lead.boundingBox() };

    releaseWasm();
    await expect(page.getByRole('button', { name: 'Start a new assessment' })).toBeVisible();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

    // No layout jump: the heading and the paragraph under it are where they were, at the same size.
    const after = { heading: await heading.boundingBox(), lead: await lead.boundingBox() };
    for (const part of ['heading', 'lead'] as const) {
      for (const side of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs(after[part]![side] - before[part]![side]), `${part} ${side}`).toBeLessThan(0.5);
      }
    }
  });
}

test('when the WebAssembly never arrives, the first screen says after a while what to do', async ({ browser, baseURL }) => {
  // Not the `page` fixture: the blocked module is meant to fail here, with the errors that go with it.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./#/start');
  const hint = page.getByText(/^Still loading\? The tool needs a current browser with WebAssembly/);
  await expect(page.getByRole('heading', { level: 1, name: HEADING })).toBeVisible();
  await expect(hint).toBeHidden();
  await expect(hint).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#boot')).toBeVisible();
  await context.close();
});
