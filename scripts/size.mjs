// Sizes of a built dist/ folder: raw, gzip (level 9) and brotli (quality 11), per file and in total, and the
// transfer-size check: what the first screen loads, gzip -9, at most FIRST_SCREEN_BUDGET_KB (KB = 1000 bytes).
//   node scripts/size.mjs [dist]            prints the table
//   node scripts/size.mjs [dist] --check    ... and exits 1 when the first screen is over the ceiling
//                                           (scripts/test runs this after the release build)
//   import { distSizes } from './size.mjs'  (used by scripts/bench.mjs)
//
// "The first screen" is every file of dist/ except the service worker (sw.js, fetched after the app has
// started), the on-demand export worker (iec62443-docx-worker-*, fetched when a Word file, the map as draw.io or a
// share link is asked for; its
// total is printed on its own line) and the precompressed .gz/.br copies (another encoding of files already counted): index.html, the
// JavaScript, the wasm, the CSS, the icon and branding.json. The sizes are computed here with gzip -9 and
// brotli 11, so the check is the same whether or not the build wrote precompressed copies.
import { readdirSync, readFileSync, statSync, realpathSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The performance budget for the first screen, gzip -9, in KB (1000 bytes): reported by the bench. */
export const FIRST_SCREEN_BUDGET_KB = 400;

/**
 * What `--check` (and so `scripts/test`) enforces, in KB. The app on the commissioned stack (Leptos
 * components, serde, BTreeMap...) measured about 458 KB, over the 400 KB budget (README "Performance":
 * what each part costs); issue 17 (report, results, failures, layout) brought it to about 497 KB, each
 * part measured in the README, issue 18's inventory, registers, CSV import and map to about 605 KB, and
 * issue 19's snapshots, comparison, evidence, Send to and share link to about 655 KB, and issue 18's undo
 * and redo to about 667 KB. Until the budget is
 * decided, the tests fail above this ceiling (today's size and a little room) so that the transfer cannot
 * grow unnoticed.
 */
export const FIRST_SCREEN_CEILING_KB = 705;

/** Whether the browser loads `file` (relative to dist/) for the first screen; see the header. */
export const isFirstScreen = (file) => file !== 'sw.js' && !isPrecompressedCopy(file) && !isWordWorker(file);
/** The on-demand export worker (its loader, script and wasm): loaded only when a Word file, the map as draw.io or a share link is asked for. */
export const isWordWorker = (file) => file.startsWith('iec62443-docx-worker-');
const isPrecompressedCopy = (file) => /\.(gz|br)$/.test(file);

/**
 * Every file under `root` except the precompressed copies, with its raw, gzip -9 and brotli 11 sizes in
 * bytes, largest (gzip) first; the totals of the first screen; and how many precompressed copies there are.
 */
export function distSizes(root) {
  const files = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(root, p).split('\\').join('/'));
    }
  })(root);
  const copies = files.filter(isPrecompressedCopy).length;
  const rows = files
    .filter((f) => !isPrecompressedCopy(f))
    .map((f) => {
      const data = readFileSync(join(root, f));
      const gz = gzipSync(data, { level: 9 }).length;
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return { f, raw: data.length, gz, br, firstScreen: isFirstScreen(f) };
    })
    .sort((a, b) => b.gz - a.gz);
  const sum = (selected) => {
    const t = { raw: 0, gz: 0, br: 0 };
    for (const r of selected) {
      t.raw += r.raw;
      t.gz += r.gz;
      t.br += r.br;
    }
    return t;
  };
  const total = sum(rows.filter((r) => r.firstScreen));
  const wordWorker = sum(rows.filter((r) => isWordWorker(r.f)));
  return { rows, total, wordWorker, copies };
}

export const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' KB';

export function printSizes({ rows, total, wordWorker, copies }, log = console.log) {
  log('file'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
  for (const r of rows) log((r.firstScreen ? r.f : `${r.f} (not on the first screen)`).padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
  log('first screen, total'.padEnd(44) + kb(total.raw) + kb(total.gz) + kb(total.br));
  if (wordWorker && wordWorker.raw > 0) {
    log('export worker (on demand), total'.padEnd(44) + kb(wordWorker.raw) + kb(wordWorker.gz) + kb(wordWorker.br));
  }
  log(`largest file: ${rows[0]?.f} (${kb(rows[0]?.gz ?? 0).trim()} gzip); ${copies} precompressed .gz/.br copies not counted`);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) || 'dist';
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`size: ${dir}/index.html is missing; build first (trunk build --release --offline)`);
    process.exit(2);
  }
  const sizes = distSizes(dir);
  printSizes(sizes);
  const over = sizes.total.gz > FIRST_SCREEN_BUDGET_KB * 1000;
  const aboveCeiling = sizes.total.gz > FIRST_SCREEN_CEILING_KB * 1000;
  console.log(`first screen ${kb(sizes.total.gz).trim()} gzip -9, budget ${FIRST_SCREEN_BUDGET_KB} KB: ` +
    `${over ? 'OVER BUDGET' : 'within budget'}; --check fails above ${FIRST_SCREEN_CEILING_KB} KB`);
  if (args.includes('--check') && aboveCeiling) {
    console.error(`size: the first screen is over the ${FIRST_SCREEN_CEILING_KB} KB ceiling (README "Performance"): ` +
      'make it smaller, or load a rarely used feature on demand from a second module');
    process.exit(1);
  }
}
