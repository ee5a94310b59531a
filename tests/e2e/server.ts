// A tiny static server for dist/, mounted under a sub-path; no dependencies.
import { createServer, Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const SUB_PATH = '/plant-tools/assess/';

/** The file of dist/ (under `root`) that the URL path names, with its content type; null when none. */
export async function distFile(root: string, urlPath: string): Promise<{ body: Buffer; contentType: string } | null> {
  const path = decodeURIComponent(urlPath);
  if (!path.startsWith(SUB_PATH)) return null;
  let rel = normalize(path.slice(SUB_PATH.length));
  if (rel.startsWith('..')) return null;
  if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
  const file = join(root, rel);
  try {
    await stat(file);
    return { body: await readFile(file), contentType: TYPES[extname(file)] || 'application/octet-stream' };
  } catch {
    return null;
  }
}

export async function serveDist(root: string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const file = await distFile(root, new URL(req.url || '/', 'http://x').pathname).catch(() => null);
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache' });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actualPort}${SUB_PATH}` };
}
