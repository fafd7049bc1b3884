#!/usr/bin/env node
// `npm start`: build the Chrome extension and open Debian's Chromium with it loaded, in a profile kept in
// .cache/chromium-profile (so what you collect survives restarts). Needs a display; without one it runs
// under xvfb-run when that is installed (then reach it with remote debugging on port 9222).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, hasChromium } from './chromium.mjs';

if (!hasChromium()) {
  console.error(
    `No Chromium at ${chromiumPath}. Install it: sudo apt-get install -y chromium fonts-wqy-microhei`,
  );
  process.exit(1);
}
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const extensionDir = resolve('.output/chrome-mv3');
// Chromium derives an unpacked extension's id from its folder path: sha256, first 32 hex digits as a–p.
const extensionId = [...createHash('sha256').update(extensionDir).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
  .join('');
const profile = resolve('.cache/chromium-profile');
mkdirSync(profile, { recursive: true });

const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...process.argv.slice(2),
  `chrome-extension://${extensionId}/options.html`,
];
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let cmd = chromiumPath;
let cmdArgs = args;
if (!hasDisplay) {
  if (!existsSync('/usr/bin/xvfb-run')) {
    console.error(
      'No display (DISPLAY is unset). Run this on a desktop, or install xvfb: apt-get install -y xvfb xauth',
    );
    process.exit(1);
  }
  console.warn(
    'No display: starting Chromium inside xvfb-run; inspect it with remote debugging on port 9222.',
  );
  cmd = '/usr/bin/xvfb-run';
  cmdArgs = ['-a', chromiumPath, '--remote-debugging-port=9222', ...args];
}
console.log(`SourceLens ${extensionId} loaded from ${extensionDir}`);
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
