// Trunk post-build hook (see Trunk.toml). Works on the staging folder before it becomes dist/:
// 0. in release builds, minifies the wasm-bindgen JavaScript with terser (trunk's own minifier cannot parse
//    it): about 3 KB less to download, gzipped;
// 1. adds a Content-Security-Policy to index.html that allows only this origin, plus the one inline
//    loader script trunk writes (by its hash) and WebAssembly compilation. Development builds (`trunk serve`,
//    scripts/serve) also allow inline scripts and WebSockets to this host, for trunk's live-reload script:
//    trunk fills in its address while serving the page, so it has no hash known here;
//    Also names the export worker's loader in <meta name="docx-worker"> for the app;
// 2. writes sw.js (the offline service worker) with the list of built files (the export worker's included) and a version derived from
//    their contents, so every new build gets a new cache (minified too in release builds);
// 3. in release builds, writes precompressed copies (`.gz`, gzip -9, and `.br`, brotli 11) of the text and
//    wasm files, for static hosts that serve them (nginx `gzip_static`/`brotli_static`, Caddy
//    `precompressed`, scripts/static-server.mjs). Not of branding.json, which is meant to be edited in dist/.
//
//   node scripts/post-build.mjs              the app (Trunk.toml)
//   node scripts/post-build.mjs --baseline   bench/minimal: steps 0 and 3 only, so both pages are built alike
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const here = dirname(fileURLToPath(import.meta.url));
const release = process.env.TRUNK_PROFILE === 'release';

/** Every file under `root`, as paths relative to it with `/`, sorted. */
function readdirRecursive(root) {
  const found = [];
  (function walk(dir) {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else found.push(relative(root, p).split('\\').join('/'));
    }
  })(root);
  return found;
}

// The on-demand export worker (Word, draw.io, share link; index.html): trunk names its files without a content hash. Give them one, like
// every other asset (README "Cache headers"), and write the module that starts it (src/ui/word.rs starts
// it as a module worker): it loads the wasm-bindgen script, which runs the worker's `main`.
const WORKER = 'iec62443-docx-worker';
if (existsSync(join(staging, `${WORKER}.js`))) {
  const plain = { js: `${WORKER}.js`, wasm: `${WORKER}_bg.wasm` };
  const hash = createHash('sha256')
    .update(readFileSync(join(staging, plain.js)))
    .update(readFileSync(join(staging, plain.wasm)))
    .digest('hex')
    .slice(0, 16);
  const hashed = { js: `${WORKER}-${hash}.js`, wasm: `${WORKER}-${hash}_bg.wasm`, loader: `${WORKER}-${hash}_loader.js` };
  renameSync(join(staging, plain.js), join(staging, hashed.js));
  renameSync(join(staging, plain.wasm), join(staging, hashed.wasm));
  writeFileSync(
    join(staging, hashed.loader),
    `import init from './${hashed.js}';\nawait init({ module_or_path: new URL('./${hashed.wasm}', import.meta.url) });\n`,
  );
}

const files = readdirRecursive(staging);

const isWorkerFile = (f) => f.startsWith(`${WORKER}-`);

// terser's settings for every script it minifies; `module` is added for the wasm-bindgen ES modules.
const TERSER = { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } };

// 0. Minify the JavaScript (sw.js is written, and minified, below from a readable template).
if (release) {
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

// 3. Precompressed copies of the files a browser loads as text or wasm; only when smaller than the file.
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt|xml)$/;
function precompress() {
  const written = [];
  for (const f of readdirRecursive(staging)) {
    if (!COMPRESSIBLE.test(f) || f === 'branding.json') continue;
    const data = readFileSync(join(staging, f));
    const copies = {
      gz: gzipSync(data, { level: 9 }),
      br: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    };
    for (const [ext, copy] of Object.entries(copies)) {
      if (copy.length >= data.length) continue;
      writeFileSync(join(staging, `${f}.${ext}`), copy);
      written.push(`${f}.${ext}`);
    }
  }
  return written;
}

// The bench's minimal page (bench/minimal) gets the same minification and copies, and nothing else.
if (process.argv.includes('--baseline')) {
  if (release) console.log(`post-build: ${precompress().length} precompressed copies`);
  process.exit(0);
}

// 1. CSP first: the hash of index.html changes with it, and sw.js's version covers the final file.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
// Development builds: 'unsafe-inline' (browsers ignore it when a hash is listed, so no hashes) for trunk's
// live-reload script, and its WebSocket back to the dev server ('self' covers ws: only in newer browsers).
const scripts = release ? hashes.join(' ') : "'unsafe-inline'";
const connect = release ? "'self'" : "'self' ws: wss:";
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${scripts}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src ${connect}`,
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
// Where the app finds the export worker: the loader shim's hashed name (src/ui/word.rs reads this).
const workerLoader = files.find((f) => isWorkerFile(f) && f.endsWith('_loader.js'));
if (!workerLoader) {
  console.error(`post-build: the export worker (${WORKER}.js) was not built; built: ${files.join(', ')}`);
  process.exit(1);
}
if (!html.includes('name="docx-worker"')) {
  html = html.replace(/<meta charset="?utf-8"?\s*\/?>/i, (charset) => `${charset}\n    <meta name="docx-worker" content="./${workerLoader}" />`);
  writeFileSync(indexPath, html);
}
if (!html.includes('Content-Security-Policy')) {
  // Right after the charset declaration, written by hand or minified (`<meta charset=utf-8>`).
  html = html.replace(/<meta charset="?utf-8"?\s*\/?>/i, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  writeFileSync(indexPath, html);
}

// 2. The service worker. It caches the files themselves, never the precompressed copies of step 3 (a host
// that serves a copy answers the request for the file itself).
const cached = files.filter((f) => f !== 'sw.js' && !/\.(gz|br)$/.test(f));
const precache = ['./', ...cached.map((f) => './' + f)];
const version = createHash('sha256');
for (const f of cached) version.update(f).update(readFileSync(join(staging, f)));
let sw = readFileSync(join(here, 'sw-template.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(precache, null, 2));
if (release) {
  // A classic worker script (not a module); the readable version is scripts/sw-template.js.
  sw = (await minify(sw, TERSER)).code;
}
writeFileSync(join(staging, 'sw.js'), sw);
const copies = release ? precompress() : [];
console.log(
  `post-build: sw.js precaches ${precache.length} files; ` +
    (release ? `CSP allows ${hashes.length} inline script(s) by hash; ` : 'development CSP (inline scripts for live reload); ') +
    `${copies.length} precompressed copies`,
);
