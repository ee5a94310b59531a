// Sizes of a built dist/ folder: raw, gzip (level 9) and brotli (quality 11), per file and in total.
//   node scripts/size.mjs [dist]      prints the table
//   import { distSizes } from './size.mjs'   (used by scripts/bench.mjs)
import { readdirSync, readFileSync, statSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Every file under `root`, with its raw, gzip -9 and brotli -11 sizes in bytes, largest (gzip) first. */
export function distSizes(root) {
  const files = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  })(root);
  const total = { raw: 0, gz: 0, br: 0 };
  const rows = files.map((f) => {
    const data = readFileSync(f);
    const raw = data.length;
    const gz = gzipSync(data, { level: 9 }).length;
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total.raw += raw; total.gz += gz; total.br += br;
    return { f: relative(root, f), raw, gz, br };
  }).sort((a, b) => b.gz - a.gz);
  return { rows, total };
}

export const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' KB';

export function printSizes({ rows, total }, log = console.log) {
  log('file'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
  for (const r of rows) log(r.f.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
  log('total'.padEnd(44) + kb(total.raw) + kb(total.gz) + kb(total.br));
  log(`largest file: ${rows[0]?.f} (${kb(rows[0]?.gz ?? 0).trim()} gzip)`);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printSizes(distSizes(process.argv[2] || 'dist'));
}
