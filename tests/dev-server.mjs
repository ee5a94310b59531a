// The README's first command, tried as a new user would: `scripts/serve` (trunk serve: a development build
// with live reload) on a clean copy of the repository must start, build and serve a page that loads in
// headless Chromium without a console error, and reload that page when a source file changes.
// scripts/test runs it after the release build; it stops every process it started and removes the copy.
//
//   node tests/dev-server.mjs
//
// The clean copy holds the repository's files as a clone would (`git ls-files`: tracked files plus new
// ones not yet added, without anything ignored such as target/, dist/, test-results/), so folders that
// only exist after a build or a test run cannot hide a problem. Two things are shared with this checkout
// to save time, neither of which is part of a clone: node_modules/ (a symlink; scripts/setup in the copy
// finds it up to date) and Cargo's build cache (CARGO_TARGET_DIR, or this checkout's target/).
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, appendFileSync, existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_TIMEOUT_MS = 25 * 60_000; // a first debug build of every crate on two cores
const RELOAD_TIMEOUT_MS = 5 * 60_000;
// What a user sees once the app has started (the same as scripts/bench.mjs waits for).
const START_BUTTON = 'Start a new assessment';

const log = (m) => console.log(`[dev-server] ${m}`);

/** A copy of the repository's files (as a clone has them) in a new temporary folder. */
function cleanCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'iec62443-serve-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter(Boolean);
  let copied = 0;
  for (const file of listed) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the work tree, not yet committed
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to); // keeps the mode (scripts stay executable)
    const { atime, mtime } = statSync(from);
    utimesSync(to, atime, mtime); // scripts/setup compares package-lock.json's time with node_modules'
    copied++;
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, copied };
}

/** A port that was free a moment ago. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (!existsSync(join(ROOT, 'node_modules', '.package-lock.json'))) throw new Error('node_modules is missing: run scripts/setup first');
  const { dir, copied } = cleanCopy();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const logFile = join(dir, '..', `${dir.split('/').pop()}.log`);
  writeFileSync(logFile, '');
  log(`clean copy of ${copied} files in ${dir}; starting scripts/serve --port ${port}`);

  // Its own process group (detached), so that trunk, cargo and everything they start can be stopped together.
  const serve = spawn('bash', ['scripts/serve', '--port', String(port)], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR || join(ROOT, 'target') },
  });
  let exited = null;
  serve.on('exit', (code, signal) => (exited = signal || `exit code ${code}`));
  serve.stdout.on('data', (d) => appendFileSync(logFile, d));
  serve.stderr.on('data', (d) => appendFileSync(logFile, d));

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-serve.pid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 50 && !exited; i++) await sleep(200);
    if (!exited) {
      try {
        process.kill(-serve.pid, 'SIGKILL');
      } catch {}
    }
  };
  const onSignal = async () => {
    await stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser;
  const problems = [];
  try {
    // 1. The server comes up (the bug this guards against: trunk exited at once) and serves the built page.
    const started = Date.now();
    for (;;) {
      if (exited) throw new Error(`scripts/serve stopped (${exited}) before serving the page`);
      if (Date.now() - started > BUILD_TIMEOUT_MS) throw new Error('scripts/serve did not serve the page in time');
      try {
        const res = await fetch(url);
        if (res.ok && (await res.text()).includes('TrunkApplicationStarted')) break;
      } catch {}
      await sleep(1000);
    }
    log(`serving after ${((Date.now() - started) / 1000).toFixed(0)} s`);

    // 2. The page loads and starts without a console error, page error or failed request.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    await page.goto(url);
    const startButton = page.getByRole('button', { name: START_BUTTON });
    await startButton.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await page.locator('#boot').count()) !== 0) problems.push('the static first screen (#boot) is still there after the app started');
    // Give the live-reload WebSocket time to connect (a CSP that blocks it logs an error now).
    await sleep(1500);
    if (problems.length) throw new Error('the page did not load cleanly');
    log('page loaded and started');

    // 3. Live reload: a change to a source file rebuilds and reloads the page.
    const reloaded = page.waitForEvent('load', { timeout: RELOAD_TIMEOUT_MS });
    appendFileSync(join(dir, 'style', 'main.css'), '\n/* tests/dev-server.mjs: live-reload check */\n');
    await reloaded;
    await startButton.waitFor({ state: 'visible', timeout: 60_000 });
    await sleep(1000);
    log('page reloaded after a change to style/main.css');
  } catch (e) {
    problems.push(`${e.message}`);
  } finally {
    await browser?.close().catch(() => {});
    await stop();
  }

  if (problems.length) {
    console.error(`[dev-server] FAILED:\n  ${[...new Set(problems)].join('\n  ')}`);
    console.error(`[dev-server] output of scripts/serve (last 60 lines; all of it in ${logFile}):`);
    try {
      console.error(execFileSync('tail', ['-n', '60', logFile]).toString());
    } catch {}
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(logFile, { force: true });
  log('scripts/serve on a clean copy: started, loaded without console errors, live reload works');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
