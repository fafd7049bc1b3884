/// <reference types="chrome" />
/**
 * Issue 13, "Pages can tell SourceLens is installed": a page that listens for window messages, for the event
 * names WXT would use (it knows the runtime id, as a page that knows the store id can), and for resource timing
 * entries sees nothing carrying the id — after load and after pushState — and forged events change nothing.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ShopTab } from './pages/ShopTab';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';

/** The page's own spy, first in <head>: it runs before any content script. */
const SPY = `
window.__seen = [];
const id = new URLSearchParams(location.search).get('rid') || sessionStorage.getItem('rid') || '';
sessionStorage.setItem('rid', id);
const note = (what, value) => { try { window.__seen.push(what + ' ' + JSON.stringify(value)); } catch { window.__seen.push(what); } };
window.addEventListener('message', (e) => note('message', e.data), true);
for (const script of ['spotter', 'harvest']) {
  for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
    const type = id + ':' + script + ':' + name;
    window.addEventListener(type, (e) => note('window-event', type), true);
    document.addEventListener(type, (e) => note('document-event', type), true);
  }
}
new PerformanceObserver((list) => { for (const e of list.getEntries()) note('resource', e.name); })
  .observe({ type: 'resource', buffered: true });
`;

function productPage(name: string, price: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><script>${SPY}</script>
<title>${name}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"${name}",
"offers":{"@type":"Offer","price":"${price}","priceCurrency":"EUR"}}</script></head>
<body><h1 id="name">${name}</h1><p id="price">€${price}</p><button>Add to cart</button>
<img id="pic" src="/pic.png" width="400" height="400" alt="">
<script>
window.go = (path, name, price) => {
  history.pushState({}, '', path);
  document.title = name;
  document.getElementById('name').textContent = name;
  document.getElementById('price').textContent = '€' + price;
  document.querySelector('script[type="application/ld+json"]').textContent = JSON.stringify({
    '@context': 'https://schema.org', '@type': 'Product', name,
    offers: { '@type': 'Offer', price, priceCurrency: 'EUR' } });
};
</script></body></html>`;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function serve(res: ServerResponse, path: string) {
  if (path.startsWith('/pic.png')) return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(productPage('Walnut Desk Tray', '24.00'));
}

describe('a page cannot tell SourceLens runs', { timeout: 120_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      'www.spy-shop.test': (req, res) => serve(res, req.url ?? '/'),
    });
  });
  after(async () => {
    await h?.close();
  });

  test('nothing with the runtime id after load and after pushState; forged events change nothing', async () => {
    await withScreenshots(h.browser, 'fingerprint', async () => {
      const id = h.browser.extensionId;
      const manifest = await h.browser.worker.evaluate(() => chrome.runtime.getManifest());
      assert.ok(Number(manifest.minimum_chrome_version) >= 130, 'minimum_chrome_version ≥ 130');

      const tab = await ShopTab.open(h.browser, `https://www.spy-shop.test/p/1?rid=${id}`);
      const first = await tab.waitForReport((r) => r?.title === 'Walnut Desk Tray');
      assert.ok(first);
      await tab.page.evaluate(() =>
        (window as unknown as { go: (...a: string[]) => void }).go('/p/2', 'Oak Pen Stand', '31.00'),
      );
      await tab.waitForReport((r) => r?.title === 'Oak Pen Stand');

      // After load and after pushState: nothing the page heard or timed names the id.
      const spy = () => tab.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      const beforeForging = await spy();
      assert.deepEqual(
        beforeForging.filter((s) => s.includes(id)),
        [],
        `the page saw: ${beforeForging.join(' | ')}`,
      );

      // Forged: WXT's events under their real names, a Navigation API event and a popstate without a navigation.
      const sentBefore = (await tab.messages()).length;
      const reportedAt = await tab.reportedAt();
      await tab.page.evaluate((rid) => {
        for (const script of ['spotter', 'harvest']) {
          const started = `${rid}:${script}:wxt:content-script-started`;
          const detail = { contentScriptName: script, messageId: 'forged' };
          document.dispatchEvent(new CustomEvent(started, { detail }));
          window.postMessage({ type: started, contentScriptName: script, messageId: 'forged' }, '*');
          window.dispatchEvent(new Event(`${rid}:${script}:wxt:locationchange`));
        }
        const nav = (window as unknown as { navigation?: EventTarget }).navigation;
        nav?.dispatchEvent(new Event('navigate'));
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, id);
      // The spotter still runs (a forged "newer script" would have stopped it) and saw no navigation.
      await tab.page.evaluate(() =>
        (window as unknown as { go: (...a: string[]) => void }).go('/p/3', 'Felt Coaster Set', '12.00'),
      );
      await tab.waitForReport((r) => r?.title === 'Felt Coaster Set', { after: reportedAt });
      const sent = (await tab.messages()).slice(sentBefore);
      assert.deepEqual(
        sent.map((m) => [m.type, m.title]),
        [['productSpotted', 'Felt Coaster Set']],
        'the forged events made the spotter clear or re-report nothing',
      );
      // After the forgeries and one more pushState, the id appears only in what the page itself sent: two
      // posted messages and six events (each "started" heard on window and document, each location change on
      // window).
      const later = (await spy()).slice(beforeForging.length).filter((s) => s.includes(id));
      assert.equal(later.filter((s) => s.startsWith('message ') && s.includes('forged')).length, 2);
      assert.equal(later.filter((s) => s.includes('-event ')).length, 6, later.join(' | '));
      assert.equal(later.length, 8, `the page saw more than its own: ${later.join(' | ')}`);
      await tab.page.close();
    });
  });
});
