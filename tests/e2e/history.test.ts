import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { countRows, type Harness, pricesSettled, readRows, startHarness } from './support/harness';
import { runMaintenanceNow } from './support/maintenance';
import { poll } from './support/wait';

const HOST = 'www.example-twenty.test';
const TABS = 20;

/**
 * A shop of twenty products, `/p/<n>?price=<minor>`: a JSON-LD product page whose canonical address leaves the
 * price out, so the same product reported at another price is one product with a second price point.
 */
function shop(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', `https://${HOST}`);
  const n = /^\/p\/(\d+)$/.exec(url.pathname)?.[1];
  if (!n) {
    res.writeHead(404).end();
    return;
  }
  const price = (Number(url.searchParams.get('price') ?? '1000') / 100).toFixed(2);
  const product = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: `Linen Summer Dress no. ${n}`,
    sku: `LD-${n}`,
    offers: { '@type': 'Offer', priceCurrency: 'USD', price, availability: 'https://schema.org/InStock' },
  };
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linen Summer Dress no. ${n}</title>
<link rel="canonical" href="https://${HOST}/p/${n}">
<script type="application/ld+json">${JSON.stringify(product)}</script></head>
<body><main><h1>Linen Summer Dress no. ${n}</h1><p class="price">$${price}</p><button>Add to cart</button></main></body></html>`);
}

describe('price history under concurrency: twenty tabs at once lose no observation', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ [HOST]: shop });
  });
  after(async () => {
    await h?.close();
  });

  test('twenty tabs report their products at once, then again at new prices: every point is stored', async () => {
    const pages = await Promise.all(Array.from({ length: TABS }, () => h.browser.context.newPage()));
    // All twenty load and report together: twenty writes reach the background at the same moment.
    await Promise.all(pages.map((page, i) => page.goto(`https://${HOST}/p/${i + 1}?price=${1000 + i}`)));
    await poll(
      async () => [await countRows(h, 'products'), await countRows(h, 'priceObservations')],
      ([products, points]) => products === TABS && points === TABS,
      { what: `${TABS} products and ${TABS} price points`, timeoutMs: 60_000 },
    );

    // Every product's price moves; all twenty report the new price together.
    await Promise.all(pages.map((page, i) => page.goto(`https://${HOST}/p/${i + 1}?price=${900 + i}`)));
    const [products, points] = await poll(
      async () => [await countRows(h, 'products'), await countRows(h, 'priceObservations')],
      ([, p]) => p === 2 * TABS,
      { what: `${2 * TABS} price points`, timeoutMs: 60_000 },
    );
    await pricesSettled(h);
    assert.deepEqual([products, points, await countRows(h, 'priceLatest')], [TABS, 2 * TABS, TABS]);

    // Each product has exactly its two prices, oldest first, and its newest point is the new price.
    const options = await h.browser.openExtensionPage('options.html');
    const histories = await options.evaluate(
      (host) =>
        new Promise<{ key: string; minors: number[]; newest: number }[]>((resolve, reject) => {
          const open = indexedDB.open('sourcelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['priceObservations', 'priceLatest']);
            const points = tx.objectStore('priceObservations').index('[subjectKey+at]').getAll();
            const latest = tx.objectStore('priceLatest').getAll();
            tx.oncomplete = () => {
              const newest = new Map(
                (latest.result as { subjectKey: string; minor: number }[]).map((l) => [
                  l.subjectKey,
                  l.minor,
                ]),
              );
              const bySubject = new Map<string, number[]>();
              for (const p of points.result as { subjectKey: string; minor: number }[])
                if (p.subjectKey.includes(host))
                  bySubject.set(p.subjectKey, [...(bySubject.get(p.subjectKey) ?? []), p.minor]);
              resolve(
                [...bySubject].map(([key, minors]) => ({ key, minors, newest: newest.get(key) ?? -1 })),
              );
            };
          };
        }),
      HOST,
    );
    await options.close();
    assert.equal(histories.length, TABS);
    for (const { key, minors, newest } of histories) {
      // The product number ends the key, whether it is the canonical URL (/p/7) or the SKU (LD-7).
      const n = Number(/(\d+)$/.exec(key)?.[1]);
      assert.deepEqual(minors, [1000 + n - 1, 900 + n - 1], key);
      assert.equal(newest, 900 + n - 1, key);
    }
    await Promise.all(pages.map((page) => page.close()));
  });

  test('the daily maintenance folds every point into its product’s block, each price kept in order', async () => {
    // After the test above: twenty products with two points each, all loose.
    assert.equal(await countRows(h, 'priceObservations'), 2 * TABS);
    await runMaintenanceNow(h.browser);
    assert.deepEqual([await countRows(h, 'priceObservations'), await countRows(h, 'priceBlocks')], [0, TABS]);
    const blocks = (
      await readRows<{ subjectKey: string; size: number; points: { minor: number }[] }>(h, 'priceBlocks')
    )
      .filter((b) => b.subjectKey.includes(HOST))
      .map((b) => ({ key: b.subjectKey, minors: b.points.map((p) => p.minor), size: b.size }));
    // The options page counts the prices from the blocks' index.
    const options = await h.browser.openExtensionPage('options.html');
    await options.getByText(`${TABS} products, ${2 * TABS} prices seen`).waitFor();
    await options.close();
    assert.equal(blocks.length, TABS);
    for (const { key, minors, size } of blocks) {
      const n = Number(/(\d+)$/.exec(key)?.[1]);
      assert.deepEqual([minors, size], [[1000 + n - 1, 900 + n - 1], 2], key);
    }
  });
});
