// Trunk post-build hook (see Trunk.toml). Works on the staging folder before it becomes dist/:
// 0. in release builds, minifies the wasm-bindgen JavaScript with terser (trunk's own minifier cannot parse
//    it): about 3 KB less to download, gzipped;
// 1. writes sw.js (the offline service worker) with the list of built files and a version derived from
//    their contents, so every new build gets a new cache (minified too in release builds);
// 2. adds a Content-Security-Policy to index.html that allows only this origin, plus the one inline
//    loader script trunk writes (by its hash) and WebAssembly compilation.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const here = dirname(fileURLToPath(import.meta.url));

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(staging, p).split('\\').join('/'));
  }
})(staging);

// terser's settings for every script it minifies; `module` is added for the wasm-bindgen ES modules.
const TERSER = { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } };

// 0. Minify the JavaScript (sw.js is written, and minified, below from a readable template).
if (process.env.TRUNK_PROFILE === 'release') {
  for (const f of files.filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
    const path = join(staging, f);
    const original = readFileSync(path, 'utf8');
    const result = await minify(original, { ...TERSER, module: true });
    writeFileSync(path, result.code);
    // trunk put the file's Subresource Integrity hash into index.html: give it the new one.
    const sri = (text) => 'sha384-' + createHash('sha384').update(text, 'utf8').digest('base64');
    const indexFile = join(staging, 'index.html');
    const page = readFileSync(indexFile, 'utf8');
    writeFileSync(indexFile, page.split(sri(original)).join(sri(result.code)));
  }
}

// The bench's minimal page (bench/minimal) gets the same minification and nothing else.
if (process.argv.includes('--minify-only')) process.exit(0);

// 2. CSP first: the hash of index.html changes with it, and sw.js's version covers the final file.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
if (!html.includes('Content-Security-Policy')) {
  // Right after the charset declaration, written by hand or minified (`<meta charset=utf-8>`).
  html = html.replace(/<meta charset="?utf-8"?\s*\/?>/i, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  writeFileSync(indexPath, html);
}

// 1. The service worker.
const precache = ['./', ...files.filter((f) => f !== 'sw.js').map((f) => './' + f)];
const version = createHash('sha256');
for (const f of files.filter((f) => f !== 'sw.js')) version.update(f).update(readFileSync(join(staging, f)));
let sw = readFileSync(join(here, 'sw-template.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(precache, null, 2));
if (process.env.TRUNK_PROFILE === 'release') {
  // A classic worker script (not a module); the readable version is scripts/sw-template.js.
  sw = (await minify(sw, TERSER)).code;
}
writeFileSync(join(staging, 'sw.js'), sw);
console.log(`post-build: sw.js precaches ${precache.length} files; CSP allows ${hashes.length} inline script(s)`);
