// Sizes of a built dist/ folder: raw, gzip (level 9) and brotli (quality 11), per file and in total.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] || 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(root);

const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' KB';
let total = { raw: 0, gz: 0, br: 0 };
const rows = files.map((f) => {
  const data = readFileSync(f);
  const raw = data.length;
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total.raw += raw; total.gz += gz; total.br += br;
  return { f: relative(root, f), raw, gz, br };
}).sort((a, b) => b.gz - a.gz);

console.log('file'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const r of rows) console.log(r.f.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
console.log('total'.padEnd(44) + kb(total.raw) + kb(total.gz) + kb(total.br));
console.log(`largest file: ${rows[0]?.f} (${kb(rows[0]?.gz ?? 0).trim()} gzip)`);
