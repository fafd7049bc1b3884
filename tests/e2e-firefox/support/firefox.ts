import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** The test build (`--mode e2e`): the shipped build plus the command hook (entrypoints/background/e2e-hook.ts). */
export const EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'sourcelens@sourcelens.app';
/** Pinned so the extension's pages have a known moz-extension:// origin. */
export const EXTENSION_UUID = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi, with the test build installed as a temporary
 * add-on. Every mapped host goes through the PAC script to the local proxy; nothing else is reachable.
 */
export async function launchFirefox(opts: { pac: string; lang?: string }): Promise<Browser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no test build at ${EXTENSION_DIR}: run \`node scripts/e2e-firefox.mjs\` (it builds it)`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // The fixture server's certificate is self-signed. This BiDi session capability makes Firefox accept it
    // everywhere for the session — tabs the extension opens and its background's requests included — as
    // --ignore-certificate-errors does for Chromium. (A CA put into the profile's NSS store would also need a
    // certificate naming every fixture host; the shared one names only localhost.)
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(opts.pac)}`,
      // The command hook lives in the background event page; Firefox would unload it after 30 s without
      // extension events, ending the test's channel. (Chromium keeps a worker alive while DevTools is attached.)
      'extensions.background.idle.timeout': 3_600_000,
      'extensions.openPopupWithoutUserGesture.enabled': true,
      'intl.locale.requested': opts.lang ?? 'en-US',
      'intl.accept_languages': opts.lang ?? 'en-US',
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  return browser;
}
