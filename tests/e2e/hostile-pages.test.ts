/// <reference types="chrome" />
/**
 * Hostile pages, served under shop host names (tests/fixtures/sites/www.example-shop.test/hostile/): script and
 * event-handler payloads in titles, descriptions, alt text and JSON-LD; `javascript:`, `data:`, `file:` and
 * `chrome-extension:` URLs for pictures and links; `__proto__` / `constructor` keys in embedded JSON; an enormous,
 * deeply nested page; a page that breaks `JSON.parse`, `Array.prototype`, `fetch`, `MutationObserver`, DOM methods
 * and pollutes `Object.prototype`. For each: the page keeps working; what is stored is bounded plain text with
 * http(s) URLs only; and no script of the page's runs in any extension page that shows it (the side panel, the
 * popup, the options) — no dialog, no error, no marker set, no prototype polluted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ShopTab } from './pages/ShopTab';
import { EXTENSION_DIR } from './support/browser';
import { type Harness, startHarness } from './support/harness';

const HOST = 'https://www.example-shop.test/hostile';

const PAGES: { file: string; title: RegExp | null; price: { minor: number; currency: string } | null }[] = [
  { file: 'payloads.html', title: /Desk Lamp/, price: { minor: 3150, currency: 'USD' } },
  { file: 'proto.html', title: /^Ceramic Vase$/, price: { minor: 2490, currency: 'EUR' } },
  { file: 'huge.html', title: /^Wool Blanket/, price: { minor: 5900, currency: 'GBP' } },
  { file: 'redefine.html', title: /^Linen Apron$/, price: { minor: 1800, currency: 'USD' } },
];

interface StoredRow {
  key: string;
  title: string;
  text: string | null;
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  url: string;
  images: string[];
  priceMinor: number | null;
  currency: string | null;
}

/** Every product row, read from an extension page. */
function storedProducts(page: Page): Promise<StoredRow[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRow[]>((resolve, reject) => {
        const open = indexedDB.open('sourcelens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('products').objectStore('products').getAll();
          all.onsuccess = () => resolve(all.result as StoredRow[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/**
 * Opens an extension page and watches it for any sign that page content ran as code there: a dialog, an
 * uncaught error, a console error, the payloads' `__xss` marker, a polluted `Object.prototype`.
 */
async function watchedExtensionPage(h: Harness, path: string) {
  const page = await h.browser.openExtensionPage(path);
  const troubles: string[] = [];
  page.on('dialog', (d) => {
    troubles.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => troubles.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') troubles.push(`console: ${m.text()}`);
  });
  return {
    page,
    async check(what: string) {
      const marks = await page.evaluate(() => ({
        xss: (window as { __xss?: unknown }).__xss ?? null,
        polluted: ({} as { polluted?: unknown }).polluted ?? null,
        // Only the app's own scripts: none added, no inline handlers anywhere.
        scripts: [...document.scripts].filter((s) => !s.src.startsWith(location.origin)).length,
        handlers: [...document.querySelectorAll('*')].filter((el) =>
          [...el.attributes].some((a) => a.name.startsWith('on')),
        ).length,
        jsLinks: [...document.querySelectorAll('[href],[src]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
          // The extension's own chunks and styles are its origin's; any other such URL came from a page.
          .filter((u) => !u.startsWith(`${location.origin}/`))
          .filter((u) => /^\s*(javascript|data|file|chrome-extension):/i.test(u)),
      }));
      assert.deepEqual(
        { ...marks, troubles },
        { xss: null, polluted: null, scripts: 0, handlers: 0, jsLinks: [], troubles: [] },
        what,
      );
    },
  };
}

describe('hostile pages', { timeout: 300_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  test('extension pages keep the MV3 default content security policy or a stricter one', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const csp: string | undefined = manifest.content_security_policy?.extension_pages;
    if (csp === undefined) return; // the MV3 default: script-src 'self'; object-src 'self'
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-(eval|inline)|https?:|\*/);
  });

  for (const spec of PAGES) {
    test(`${spec.file}: the page keeps working, the product is stored clean, extension pages run none of it`, async () => {
      const tab = await ShopTab.open(h.browser, `${HOST}/${spec.file}`);
      const report = await tab.waitForReport((r) => r !== null);
      // The page still works as its author meant, with the extension loaded.
      // (Read through locators: the page broke the built-ins its own world's evaluate would use.)
      assert.equal(await tab.page.locator('html').getAttribute('data-alive'), '1');
      await tab.page.locator('#add').click();
      assert.equal(await tab.page.locator('#count').textContent(), '1');

      // What the spotter reported, as the background stored it.
      assert.ok(report, 'the product was spotted');
      const panel = await watchedExtensionPage(h, `sidepanel.html?tabId=${tab.tabId}`);
      await panel.page.getByTestId('product-title').waitFor();
      const row = (await storedProducts(panel.page)).find((r) => r.url.startsWith(`${HOST}/${spec.file}`));
      assert.ok(row, 'a product row for the page');
      if (spec.title) assert.match(row.title, spec.title);
      if (spec.price) assert.deepEqual({ minor: row.priceMinor, currency: row.currency }, spec.price);
      for (const text of [row.title, row.text, row.brand, row.sku, row.gtin]) {
        if (text === null) continue;
        assert.ok(text.length <= 2000, 'bounded');
        assert.doesNotMatch(text, /[<>]|javascript:|onerror|onload/i, 'plain text');
      }
      assert.ok(row.title.length <= 300);
      for (const url of [row.url, ...row.images]) assert.match(url, /^https?:\/\//, 'http(s) only');

      // The side panel shows it, the popup lists it, the options page counts it: none runs any of it.
      await panel.check('side panel');
      const popup = await watchedExtensionPage(h, 'popup.html');
      await popup.page.getByText(row.title.slice(0, 20), { exact: false }).first().waitFor();
      await popup.check('popup');
      const options = await watchedExtensionPage(h, 'options.html');
      await options.page.locator('main').first().waitFor();
      await options.check('options');
      await Promise.all([panel.page.close(), popup.page.close(), options.page.close(), tab.page.close()]);
    });
  }
});
