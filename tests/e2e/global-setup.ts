import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from './server';

// Builds the release dist/ (unless SKIP_BUILD=1, as scripts/test has just built it), serves it on
// 127.0.0.1 at a random free port and stops the server when the run ends.
export default async function globalSetup() {
  const root = join(__dirname, '..', '..');
  if (process.env.SKIP_BUILD !== '1') {
    execSync('trunk build --release --offline', {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${root}/node_modules/.bin:${process.env.PATH}` },
    });
  }
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: build the app first');
  const { server, url } = await serveDist(dist);
  process.env.APP_URL = url;
  process.env.DIST_DIR = dist;
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
