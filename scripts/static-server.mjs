// Serves a built dist/ folder the way a static host does, with sirv (the npm package): the precompressed
// .br/.gz copies that the release build writes are sent with Content-Encoding when the browser accepts them,
// `.wasm` as application/wasm, content-hashed files cacheable for a year and index.html, sw.js and
// branding.json revalidated on every visit (README "Deploy").
//
//   node scripts/static-server.mjs [dist] [--port 8080] [--gzip-only]     (scripts/serve --release)
//   import { serveStatic } from './static-server.mjs'
//   STATIC_SERVER_CHILD=dist in a forked child: serves, then sends its URL  (scripts/bench.mjs)
//
// --gzip-only serves the .gz copies only, never .br: the bench compares pages "served gzip-compressed".
// Files without a copy (too small to gain, or branding.json) are sent as they are.
import { createServer } from 'node:http';
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Files whose names carry no content hash: a new release must be seen at once. */
const REVALIDATE = /(^|\/)(index\.html|sw\.js|branding\.json)$|\/$/;

/**
 * Starts a server for `root` on 127.0.0.1 (`port` 0: any free port).
 * Resolves to `{ server, url }` once it listens.
 */
export async function serveStatic(root, { port = 0, brotli = true } = {}) {
  const assets = sirv(root, {
    gzip: true,
    brotli,
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', REVALIDATE.test(pathname) ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  const server = createServer((req, res) =>
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }),
  );
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

const isMain = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (process.env.STATIC_SERVER_CHILD && process.send) {
  // Started by scripts/bench.mjs in a child process: serve, report the address, stay up until the parent
  // goes or kills it.
  const { url } = await serveStatic(process.env.STATIC_SERVER_CHILD, { brotli: process.env.STATIC_SERVER_BROTLI !== '0' });
  process.send({ url });
  process.on('disconnect', () => process.exit(0));
} else if (isMain) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8080;
  const root = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') || 'dist');
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`static-server: ${root}/index.html is missing; build first (trunk build --release --offline)`);
    process.exit(1);
  }
  const { url } = await serveStatic(root, { port, brotli: !args.includes('--gzip-only') });
  console.log(`Serving ${root} at ${url} (as a static host would: precompressed copies, cache headers). Ctrl+C stops.`);
}
