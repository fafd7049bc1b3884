// `npm run trial`: the whole flow without a 1688 account. Builds the extension, starts the local 1688
// (tests/mock-sources) and the fixture shop pages on one local port, and opens Chromium with the extension and the
// host mapping on a Taobao product page. Needs a display (or xvfb-run), like `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../tests/e2e/support/fixture-server';
import { createMockSources } from '../tests/mock-sources/server';

const ROOT = resolve(import.meta.dirname, '..');
const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. Install it: sudo apt-get install -y chromium fonts-wqy-microhei`,
  );
  process.exit(1);
}
if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const mock = createMockSources();
const server = await startFixtureServer({
  root: ROOT,
  sitesDir: join(ROOT, 'tests', 'fixtures', 'sites'),
  // The local stand-ins for every registered source (tests/mock-sources/index.ts), by host name.
  extraHosts: mock.hostHandlers(),
});
const rules = server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ');
const extension = join(ROOT, '.output', 'chrome-mv3');
const args = [
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'sourcelens-trial-'))}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  `--host-resolver-rules=${rules}`,
  // The local pages use a self-signed certificate; this profile is thrown away after the trial.
  '--ignore-certificate-errors',
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  'https://item.taobao.com/item.htm?id=712345678901',
];
const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
console.log(`Local 1688 and shop pages on 127.0.0.1:${server.port}: ${server.hosts.join(', ')}`);
console.log('Open the side panel from the SourceLens toolbar popup, then "Search 1688". Ctrl+C to stop.');
const child = display
  ? spawn(chromium, args, { stdio: 'inherit' })
  : spawn('xvfb-run', ['-a', chromium, '--remote-debugging-port=9222', ...args], { stdio: 'inherit' });
const stop = () => {
  child.kill();
  void server.close().then(() => process.exit(0));
};
child.on('exit', stop);
process.on('SIGINT', stop);
