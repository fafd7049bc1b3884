import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** An extension page such as `popup.html`, opened as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, headless, every fixture host mapped onto the local
 * fixture server (both :80 and :443), and nothing else reachable.
 */
export async function launchWithExtension(opts: {
  hosts: string[];
  port: number;
  /** The browser's UI language, which the extension's strings follow. Default en-US. */
  lang?: string;
  /** Another copy of the built extension (a test's variant of it). Default: the build in .output. */
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'sourcelens-profile-'));
  const rules = [...opts.hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`), 'EXCLUDE localhost'].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    // Pages' own locale (navigator.language, Intl's default) as a browser in that language has it, not only its UI
    // strings: dates and numbers formatted with Intl follow it.
    locale: opts.lang ?? 'en-US',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-default-apps',
      // Tabs the extension opens itself (fallback results pages) are not covered by ignoreHTTPSErrors.
      '--ignore-certificate-errors',
      `--lang=${opts.lang ?? 'en-US'}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs a test body; when it fails, saves a screenshot of every open page to test-results/ before the error
 * goes on, so a CI failure can be looked at.
 */
export async function withScreenshots(browser: ExtensionBrowser, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    const dir = join(ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    const safe = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    let i = 0;
    for (const page of browser.context.pages()) {
      i += 1;
      await page.screenshot({ path: join(dir, `${safe}-${i}.png`), fullPage: true }).catch(() => {});
    }
    throw error;
  }
}
