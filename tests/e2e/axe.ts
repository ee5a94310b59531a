import { join } from 'node:path';
import type { Page } from '@playwright/test';

// axe-core, injected as an inline script, which the app's CSP rightly refuses: a spec that uses it sets
// `test.use({ bypassCSP: true })`.
const AXE = join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

export interface Violation { id: string; impact: string; help: string; targets: string[] }

/** The accessibility violations axe-core finds in the page as it is now (the first three places of each). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}
