/// <reference types="chrome" />
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';

/** How many kept offers, with how much history, `PopupPage.seed` writes. */
export interface ShortlistSeed {
  offers: number;
  /** Price points per offer, one a day back from `now`, the price moving every few days. */
  pointsPerOffer: number;
  /** Retail products the offers are kept for (offer i is kept for product i mod products). */
  products: number;
  now: number;
}

/** The toolbar popup, opened as a page. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<PopupPage> {
    const page = await browser.openExtensionPage('popup.html');
    await page.getByTestId('recent-products').waitFor();
    return new PopupPage(page);
  }

  get products(): Locator {
    return this.page.getByTestId('recent-products').getByTestId('product-card');
  }

  /** Title and price text of each recently spotted product, newest first. */
  async listed(): Promise<{ title: string; price: string; site: string }[]> {
    return this.products.evaluateAll((cards) =>
      cards.map((card) => ({
        title: card.querySelector('[data-testid="product-title"]')?.textContent ?? '',
        price: card.querySelector('[data-testid="price"]')?.textContent ?? '',
        site: card.querySelector('[data-testid="product-site"]')?.textContent ?? '',
      })),
    );
  }

  /** Sends a raw runtime message from this extension page, as a forger would; returns the answer. */
  sendRaw(message: unknown): Promise<unknown> {
    return this.page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  }

  // ---------- The shortlist review ----------

  get shortlist(): Locator {
    return this.page.getByTestId('shortlist');
  }

  /** The rows drawn (the list is virtualised: only those in view and a few more). */
  get rows(): Locator {
    return this.page.getByTestId('shortlist-row');
  }

  row(offerKey: string): Locator {
    return this.page.locator(`[data-testid="shortlist-row"][data-offer-key="${offerKey}"]`);
  }

  get detail(): Locator {
    return this.page.getByTestId('shortlist-detail');
  }

  /**
   * How many kept offers pass the search and filters (the list's count, not the rows drawn), once every kept
   * offer is read (the first frame has only the newest few).
   */
  async count(): Promise<number> {
    await this.page.locator('[data-testid="shortlist"][data-complete="true"]').waitFor({ state: 'attached' });
    const list = this.page.getByTestId('shortlist-list');
    if ((await list.count()) === 0) return 0;
    return Number(await list.getAttribute('data-count'));
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('shortlist-search').fill(text);
  }

  /** Opens the filters (when folded) and chooses `value` in one of them. */
  async filter(name: 'status' | 'tag' | 'source' | 'moved' | 'product', value: string): Promise<void> {
    const panel = this.page.getByTestId('shortlist-filters');
    if (!(await panel.isVisible())) await this.page.getByTestId('shortlist-filters-button').click();
    await this.page.getByTestId(`shortlist-filter-${name}`).selectOption(value);
  }

  async open(offerKey: string): Promise<void> {
    await this.row(offerKey).click();
    await this.detail.waitFor();
  }

  /**
   * Writes kept offers, their retail products and price histories straight into the extension's database from
   * this page (the popup has opened it at its current version by then): for benches and screenshots that need
   * more than a test can keep by hand. Generated in the page, so thousands of rows do not cross the wire.
   */
  async seed(seed: ShortlistSeed): Promise<void> {
    await this.page.evaluate(async (s: ShortlistSeed) => {
      const DAY = 24 * 60 * 60 * 1000;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('sourcelens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      // No named function declarations in here: the test runner's compiler wraps them in a helper (__name) the
      // page lacks.
      const stores = ['offers', 'products', 'shortlist', 'priceObservations', 'priceLatest'].filter((n) =>
        database.objectStoreNames.contains(n),
      );
      const tx = database.transaction(stores, 'readwrite');
      const words = ['连衣裙', '纯棉T恤', '雪纺衬衫', '牛仔短裤', '针织开衫', '防晒外套', '半身裙', '卫衣'];
      const places = ['义乌', '广州', '杭州', '泉州', '苏州'];
      const statuses = ['considering', 'contacted', 'sample', 'ordered', 'rejected'];
      for (let p = 0; p < s.products; p++) {
        tx.objectStore('products').put({
          key: `taobao:9${String(p).padStart(11, '0')}`,
          kind: 'product',
          site: 'taobao',
          itemId: `9${String(p).padStart(11, '0')}`,
          title: `夏季${words[p % words.length]} 女装 新款 ${p + 1}`,
          text: null,
          url: `https://item.taobao.com/item.htm?id=9${String(p).padStart(11, '0')}`,
          images: [],
          brand: null,
          sku: null,
          gtin: null,
          availability: 'in_stock',
          priceMinor: 6900 + p * 500,
          priceMaxMinor: null,
          currency: 'CNY',
          firstSeenAt: s.now - 40 * DAY,
          lastSeenAt: s.now,
        });
        for (let d = s.pointsPerOffer - 1; d >= 0; d -= 7)
          tx.objectStore('priceObservations').put({
            subjectKey: `taobao:9${String(p).padStart(11, '0')}`,
            subjectKind: 'product',
            minor: 6900 + p * 500 + (d % 21 === 0 ? 1000 : 0),
            maxMinor: null,
            currency: 'CNY',
            at: s.now - d * DAY,
            where: 'https://item.taobao.com/',
            via: 'spotter',
            detailAt: s.now - d * DAY,
          });
      }
      for (let i = 0; i < s.offers; i++) {
        const id = `7${String(i).padStart(11, '0')}`;
        const key = `1688:${id}`;
        const base = 800 + ((i * 37) % 2400);
        // The price at 50 on a day `d` days back: it steps every few days, up or down by a few per cent.
        const at50: number[] = [];
        for (let d = 0; d < Math.max(1, s.pointsPerOffer); d++)
          at50[d] = Math.max(
            200,
            base + (((Math.floor((s.pointsPerOffer - d + i) / 5) * 7 + i) % 9) - 4) * 15,
          );
        // The offer as last read is today's point.
        const tiers = [
          { minQty: 2, priceMinor: (at50[0] as number) + 300 },
          { minQty: 50, priceMinor: at50[0] as number },
          { minQty: 500, priceMinor: (at50[0] as number) - 100 },
        ];
        tx.objectStore('offers').put({
          key,
          source: '1688',
          offerId: id,
          title: `${words[i % words.length]} ${places[i % places.length]}源头工厂 批发 款${i + 1}`,
          url: `https://detail.1688.com/offer/${id}.html`,
          images: [],
          currency: 'CNY',
          priceTiers: tiers,
          priceMinMinor: (at50[0] as number) - 100,
          priceMaxMinor: (at50[0] as number) + 300,
          moq: 2,
          unit: '件',
          dropship: i % 3 === 0,
          sales: 100 + i,
          isAd: false,
          shippingPromise: null,
          supplier: {
            name: `${places[i % places.length]}示例服饰${i + 1}`,
            loginId: null,
            memberId: null,
            province: null,
            city: places[i % places.length],
            country: 'CN',
            years: 3,
            isFactory: i % 2 === 0,
            badges: [],
            repurchaseRate: null,
            returnBuyerRate: null,
            shopUrl: null,
          },
          firstSeenAt: s.now - s.pointsPerOffer * DAY,
          lastSeenAt: s.now,
        });
        const addedAt = s.now - ((i % 30) + 1) * DAY;
        const status = statuses[i % statuses.length] as string;
        tx.objectStore('shortlist').put({
          offerKey: key,
          productKey: s.products ? `taobao:9${String(i % s.products).padStart(11, '0')}` : null,
          note: i % 4 === 0 ? '面料厚实，可以拿样' : '',
          tags: i % 3 === 0 ? ['summer'] : i % 3 === 1 ? ['xiaohongshu', 'summer'] : [],
          status,
          statusHistory: [
            { status: 'considering', at: addedAt },
            ...(status === 'considering' ? [] : [{ status, at: addedAt + DAY }]),
          ],
          quantity: null,
          targetPriceMinor: null,
          addedAt,
        });
        let last: Record<string, unknown> | null = null;
        for (let d = s.pointsPerOffer - 1; d >= 0; d--) {
          const minor = at50[d] as number;
          last = {
            subjectKey: key,
            subjectKind: 'offer',
            minor: minor - 100,
            maxMinor: minor + 300,
            currency: 'CNY',
            at: s.now - d * DAY,
            where: `https://detail.1688.com/offer/${id}.html`,
            via: d % 3 === 0 ? 'refresh' : 'search',
            tiers: [
              { minQty: 2, priceMinor: minor + 300 },
              { minQty: 50, priceMinor: minor },
              { minQty: 500, priceMinor: minor - 100 },
            ],
            detailAt: s.now - d * DAY,
          };
          tx.objectStore('priceObservations').put(last);
        }
        if (last && stores.includes('priceLatest')) {
          const { detailAt: _d, ...latest } = last;
          tx.objectStore('priceLatest').put(latest);
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      database.close();
    }, seed);
  }
}
