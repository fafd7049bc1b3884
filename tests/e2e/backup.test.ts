/**
 * "Your data" in the built extension's options page: the shortlist as CSV, a backup, deleting everything,
 * restoring the backup (everything back, byte for byte), and a tampered file that changes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';
import { runMaintenanceNow } from './support/maintenance';
import { poll } from './support/wait';

const AT = Date.UTC(2026, 10, 20);

/** Rows as the app writes them (storage/types.ts), with text a spreadsheet could take for formulas. */
const SEED = {
  products: [
    {
      key: 'taobao:712345678901',
      kind: 'product',
      site: 'taobao',
      itemId: '712345678901',
      title: 'ins风纯棉短袖T恤女',
      text: null,
      url: 'https://item.taobao.com/item.htm?id=712345678901',
      images: ['https://img.alicdn.com/a.jpg'],
      brand: null,
      sku: null,
      gtin: null,
      availability: 'in_stock',
      priceMinor: 3990,
      priceMaxMinor: null,
      currency: 'CNY',
      firstSeenAt: AT,
      lastSeenAt: AT,
    },
  ],
  offers: [
    {
      key: '1688:600000000001',
      source: '1688',
      offerId: '600000000001',
      title: '=HYPERLINK("http://evil.test","纯棉T恤")',
      url: 'https://detail.1688.com/offer/600000000001.html',
      images: [],
      currency: 'CNY',
      priceTiers: [
        { minQty: 2, priceMinor: 1500 },
        { minQty: 50, priceMinor: 1200 },
      ],
      priceMinMinor: 1200,
      priceMaxMinor: 1500,
      moq: 2,
      unit: '件',
      dropship: true,
      sales: 120,
      isAd: false,
      shippingPromise: null,
      supplier: {
        name: '@义乌服饰厂',
        loginId: null,
        memberId: null,
        province: '浙江',
        city: '义乌',
        country: null,
        years: 5,
        isFactory: true,
        badges: ['实力商家'],
        repurchaseRate: null,
        returnBuyerRate: null,
        shopUrl: null,
      },
      firstSeenAt: AT,
      lastSeenAt: AT,
    },
  ],
  priceObservations: [
    {
      subjectKey: 'taobao:712345678901',
      subjectKind: 'product',
      minor: 3990,
      maxMinor: null,
      currency: 'CNY',
      at: AT,
      where: 'https://item.taobao.com/item.htm?id=712345678901',
      via: 'spotter',
      detailAt: AT,
    },
    {
      subjectKey: '1688:600000000001',
      subjectKind: 'offer',
      minor: 1200,
      maxMinor: 1500,
      currency: 'CNY',
      at: AT,
      where: 'https://s.1688.com/selloffer/offer_search.htm?keywords=t',
      via: 'search',
      tiers: [
        { minQty: 2, priceMinor: 1500 },
        { minQty: 50, priceMinor: 1200 },
      ],
      detailAt: AT,
    },
  ],
  shortlist: [
    {
      offerKey: '1688:600000000001',
      productKey: 'taobao:712345678901',
      note: '-ask for a sample\n=2+3',
      tags: ['summer', '夏'],
      status: 'contacted',
      statusHistory: [
        { status: 'considering', at: AT },
        { status: 'contacted', at: AT + 1000 },
      ],
      quantity: null,
      targetPriceMinor: null,
      addedAt: AT,
    },
  ],
};

/** Every store of the extension's database as JSON text (key order), read from the page. */
function dump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('sourcelens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const names = [...database.objectStoreNames];
          const tx = database.transaction(names);
          const out: Record<string, string> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              out[name] = JSON.stringify(request.result);
            };
          }
          tx.oncomplete = () => {
            database.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Writes the seed rows straight into the database, as the background would have. */
function seed(page: Page): Promise<void> {
  return page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sourcelens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const tx = database.transaction(Object.keys(rows), 'readwrite');
          for (const [name, list] of Object.entries(rows))
            for (const row of list as object[]) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            database.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    SEED,
  );
}

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  assert.ok(path, 'the download was saved');
  return path;
}

describe('your data: CSV export, backup, restore', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test('export CSV → back up → delete everything → restore → everything is back; a bad file changes nothing', async () => {
    await withScreenshots(h.browser, 'backup-restore', async () => {
      const page = await h.browser.openExtensionPage('options.html');
      await page.getByTestId('data-actions').waitFor();
      await seed(page);
      // The daily maintenance folds the price points into blocks: the backup carries blocks.
      await runMaintenanceNow(h.browser);
      const before = await dump(page);
      assert.equal(JSON.parse(before.shortlist ?? '[]').length, 1);
      assert.deepEqual(
        [JSON.parse(before.priceObservations ?? '[]').length, JSON.parse(before.priceBlocks ?? '[]').length],
        [0, 2],
      );

      // CSV: BOM, headers in the person's language, the kept offer's facts, formulas neutralised.
      const csv = readFileSync(await download(page, 'export-csv'), 'utf8');
      assert.ok(csv.startsWith('\ufeff'), 'starts with a BOM');
      const [header, row] = csv.slice(1).split('\r\n');
      assert.match(header ?? '', /^Title,Link,Supplier,Unit price at 50 pcs,Currency,MOQ/);
      assert.ok(row?.startsWith(`"'=HYPERLINK(""http://evil.test"",""纯棉T恤"")"`), row);
      assert.ok(row?.includes(`,"'@义乌服饰厂",`), row);
      assert.ok(row?.includes(',64.91,'), row); // (39.90 − 12.00 − 5 % fee) / 39.90
      assert.ok(row?.includes('12.00,CNY,2,≥2: 15.00; ≥50: 12.00,contacted'), row);
      assert.ok(row?.includes(`"'-ask for a sample\n=2+3"`), row);
      assert.ok(row?.includes('ins风纯棉短袖T恤女'), row);

      // Back up.
      const backupPath = await download(page, 'backup');
      await page.getByTestId('data-result').waitFor();
      const backup = readFileSync(backupPath, 'utf8');
      assert.match(
        backup,
        /^\{"sourcelens":\{"format":1,"schemaVersion":\d+,"createdAt":\d+\},"formatName":"dexie"/,
      );

      // Delete everything (the page's own button, through the background).
      // The rows above were written straight into IndexedDB, which the page's counts don't watch, so "0 products"
      // may still be on screen from before: wait for the database itself, then for the page to say so.
      page.once('dialog', (d) => void d.accept());
      await page.getByTestId('delete-all').click();
      const cleared = await poll(
        () => dump(page),
        (d) => d.shortlist === '[]',
        { what: 'every table cleared' },
      );
      assert.ok(
        Object.values(cleared).every((rows) => rows === '[]'),
        JSON.stringify(cleared),
      );
      await page
        .getByTestId('data-counts')
        .filter({ hasText: /^0 products/ })
        .waitFor();

      // Restore: what the file holds first, then replace, then everything is back byte for byte.
      await page.getByTestId('restore-file').setInputFiles(backupPath);
      await page.getByTestId('restore-confirm').waitFor();
      assert.match(
        (await page.getByTestId('restore-holds').textContent()) ?? '',
        /1 products, 2 prices seen and 1 offers/,
      );
      await page.locator('[data-testid="restore-mode"] input[value="replace"]').check();
      await page.getByTestId('restore-go').click();
      await page.getByTestId('data-result').filter({ hasText: 'Restored' }).waitFor();
      assert.deepEqual(await dump(page), before);

      // A tampered file: refused in plain words, nothing changed.
      const tampered = join(tmpdir(), `sourcelens-tampered-${process.pid}.json`);
      writeFileSync(
        tampered,
        backup.replace('"https://detail.1688.com/offer/600000000001.html"', '"javascript:alert(1)"'),
      );
      await page.getByTestId('restore-file').setInputFiles(tampered);
      const error = page.getByTestId('data-error');
      await error.waitFor();
      assert.match(
        (await error.textContent()) ?? '',
        /can't be restored\. Nothing was changed\..*not as SourceLens writes it/,
      );
      assert.match((await page.getByTestId('data-error-detail').textContent()) ?? '', /offers row 1: url/);
      assert.deepEqual(await dump(page), before);

      // A truncated file, the same.
      writeFileSync(tampered, backup.slice(0, Math.floor(backup.length * 0.7)));
      await page.getByTestId('restore-file').setInputFiles(tampered);
      await page.getByTestId('data-error').filter({ hasText: 'incomplete' }).waitFor();
      assert.deepEqual(await dump(page), before);
      await page.close();
    });
  });
});
