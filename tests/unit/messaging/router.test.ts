import { describe, expect, it, vi } from 'vitest';
import type { DetectedProduct } from '../../../core/detect/types';
import { createRouter, type Handlers } from '../../../messaging/router';
import type { ShortlistEntry } from '../../../storage/types';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;

const product: DetectedProduct = {
  kind: 'product',
  title: 'Water bottle',
  text: null,
  price: { minor: 2499, currency: 'USD' },
  priceMax: null,
  images: ['https://shop.example/a.jpg'],
  brand: null,
  sku: null,
  gtin: null,
  availability: 'in_stock',
  site: 'generic',
  itemId: null,
  canonicalUrl: 'https://shop.example/p/1',
  sources: { title: 'jsonld', price: 'jsonld' },
};

const keptEntry: ShortlistEntry = {
  offerKey: '1688:1',
  productKey: null,
  note: '',
  tags: [],
  status: 'considering',
  statusHistory: [{ status: 'considering', at: 0 }],
  quantity: null,
  targetPriceMinor: null,
  addedAt: 0,
};

function setup() {
  const handlers = {
    productSpotted: vi.fn(async () => ({ productKey: 'k', observed: true })),
    productCleared: vi.fn(async () => ({ cleared: true as const })),
    offersHarvested: vi.fn(async () => ({ recorded: 0 })),
    getTabProduct: vi.fn(async () => ({ product: null, stored: null })),
    deleteAllData: vi.fn(async () => ({ deleted: true as const })),
    searchOffers: vi.fn(async () => ({ state: 'error' as const, message: 'not in this test' })),
    sourceVerified: vi.fn(async () => ({ cleared: true as const })),
    toggleShortlist: vi.fn(async () => ({ kept: true })),
    hashImages: vi.fn(async () => ({ hashes: [] })),
    suggestQueries: vi.fn(async () => ({ state: 'ok' as const, suggestions: [] })),
    readOffer: vi.fn(async () => ({ state: 'delisted' as const })),
    keepOffer: vi.fn(async () => ({ entry: keptEntry })),
    setOfferStatus: vi.fn(async () => ({ entry: keptEntry })),
    setTargetPrice: vi.fn(async () => ({ entry: keptEntry })),
    alertsSeen: vi.fn(async () => ({ cleared: true as const })),
    cancelSearch: vi.fn(async () => ({ cancelled: false })),
    findSourceFromPage: vi.fn(async () => ({ opened: false, notice: null })),
    inPageButtonText: vi.fn(async () => ({ label: 'Find source', hint: 'hint' })),
  } satisfies Handlers;
  return { handlers, route: createRouter(handlers, OWN_ID, ORIGIN) };
}

const contentSender = { id: OWN_ID, url: 'https://shop.example/p/1', tab: { id: 7 }, frameId: 0 };
const pageSender = { id: OWN_ID, url: `${ORIGIN}popup.html` };
const msg = (type: string, data: unknown) => ({ sourcelens: 1, type, data });

describe('message router', () => {
  it('passes a valid content-script message to its handler', async () => {
    const { route, handlers } = setup();
    const reply = await route(
      msg('productSpotted', { product, pageUrl: 'https://shop.example/p/1' }),
      contentSender,
    );
    expect(reply).toEqual({ ok: true, data: { productKey: 'k', observed: true } });
    expect(handlers.productSpotted).toHaveBeenCalledOnce();
  });

  it.each([
    ['no envelope', 'hello', 'bad-envelope'],
    ['wrong version', { sourcelens: 2, type: 'productSpotted', data: {} }, 'bad-envelope'],
    ['unknown type', msg('dropTables', {}), 'unknown-type'],
    ['prototype key as type', msg('toString', {}), 'unknown-type'],
  ])('rejects %s', async (_name, raw, code) => {
    const { route, handlers } = setup();
    const reply = await route(raw, contentSender);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe(code);
    expect(handlers.productSpotted).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { ...contentSender, id: 'someoneelse' }],
    ['a content script without a tab', { id: OWN_ID, url: 'https://shop.example/p/1' }],
    ['an extension page posing as a content script', { ...pageSender, tab: { id: 3 } }],
    ['a sub-frame', { ...contentSender, frameId: 4 }],
  ])('rejects a product message from %s', async (_name, sender) => {
    const { route, handlers } = setup();
    const reply = await route(
      msg('productSpotted', { product, pageUrl: 'https://shop.example/p/1' }),
      sender,
    );
    expect(!reply.ok && reply.error.code).toBe('bad-sender');
    expect(handlers.productSpotted).not.toHaveBeenCalled();
  });

  it('rejects page messages from web pages', async () => {
    const { route, handlers } = setup();
    const reply = await route(msg('deleteAllData', {}), contentSender);
    expect(!reply.ok && reply.error.code).toBe('bad-sender');
    expect(handlers.deleteAllData).not.toHaveBeenCalled();
  });

  it.each([
    ['a javascript: image', { ...product, images: ['javascript:alert(1)'] }],
    ['a negative price', { ...product, price: { minor: -1, currency: 'USD' } }],
    ['a fractional minor amount', { ...product, price: { minor: 1.5, currency: 'USD' } }],
    ['a lower-case currency', { ...product, price: { minor: 1, currency: 'usd' } }],
    ['a 10 kB title', { ...product, title: 'x'.repeat(10_000) }],
    ['an empty title', { ...product, title: '' }],
    ['a data: canonical URL', { ...product, canonicalUrl: 'data:text/html,hi' }],
    ['an unknown layer', { ...product, sources: { title: 'magic' } }],
  ])('rejects %s with a bad-data error naming the field', async (_name, bad) => {
    const { route, handlers } = setup();
    const reply = await route(
      msg('productSpotted', { product: bad, pageUrl: 'https://shop.example/p/1' }),
      contentSender,
    );
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('bad-data');
    expect(!reply.ok && reply.error.message).toMatch(/^invalid productSpotted/);
    expect(handlers.productSpotted).not.toHaveBeenCalled();
  });

  it.each([
    ['a javascript: picture', { mode: 'image', query: 'javascript:alert(1)' }],
    ['an empty query', { mode: 'keywords', query: '   ' }],
    ['an unknown sort', { mode: 'keywords', query: '帽子', sort: 'random' }],
    ['page 0', { mode: 'keywords', query: '帽子', page: 0 }],
  ])('rejects a search with %s', async (_name, patch) => {
    const { route, handlers } = setup();
    const search = {
      mode: 'keywords',
      query: '帽子',
      sort: 'relevance',
      filters: {},
      page: 1,
      pageId: null,
      refresh: false,
    };
    const reply = await route(msg('searchOffers', { ...search, ...patch }), pageSender);
    expect(!reply.ok && reply.error.code).toBe('bad-data');
    expect(handlers.searchOffers).not.toHaveBeenCalled();
  });

  it.each([
    ['an empty prefix', 'suggestQueries', { prefix: '  ' }],
    ['a 51-character prefix', 'suggestQueries', { prefix: 'x'.repeat(51) }],
    ['an offer id with a path', 'readOffer', { offerId: '123456/../../x' }],
    ['an offer URL instead of an id', 'readOffer', { offerId: 'https://evil.example/offer/123456.html' }],
  ])('rejects %s', async (_name, type, data) => {
    const { route, handlers } = setup();
    const reply = await route(msg(type, data), pageSender);
    expect(!reply.ok && reply.error.code).toBe('bad-data');
    expect(handlers.suggestQueries).not.toHaveBeenCalled();
    expect(handlers.readOffer).not.toHaveBeenCalled();
  });

  it('accepts a well-formed offer read from an extension page only', async () => {
    const { route, handlers } = setup();
    expect((await route(msg('readOffer', { offerId: '833454967766' }), pageSender)).ok).toBe(true);
    const fromPage = await route(msg('readOffer', { offerId: '833454967766' }), contentSender);
    expect(!fromPage.ok && fromPage.error.code).toBe('bad-sender');
    expect(handlers.readOffer).toHaveBeenCalledOnce();
  });

  it('turns a handler exception into an error answer', async () => {
    const { route, handlers } = setup();
    handlers.getTabProduct.mockRejectedValueOnce(new Error('disk full'));
    const reply = await route(msg('getTabProduct', { tabId: 1 }), pageSender);
    expect(reply).toEqual({ ok: false, error: { code: 'handler-failed', message: 'disk full' } });
  });
});
