/**
 * Issue 13, Messages: every message type with a wrong sender or a wrong shape gets a typed error and stores
 * nothing; oversized payloads are refused; envelopes naming prototype keys are unknown types. Through the real
 * router and handlers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../entrypoints/background/handlers';
import { type MessageType, protocol } from '../../../messaging/protocol';
import { createRouter } from '../../../messaging/router';
import type { SenderInfo } from '../../../messaging/sender';
import { db } from '../../../storage/db';

const ID = 'sourcelens-test';
const ORIGIN = `chrome-extension://${ID}/`;
const route = createRouter(handlers, ID, ORIGIN);

const fromPage: SenderInfo = { id: ID, url: `${ORIGIN}sidepanel.html` };
const fromContent: SenderInfo = { id: ID, url: 'https://shop.example/p/1', tab: { id: 5 }, frameId: 0 };
const TYPES = Object.keys(protocol) as MessageType[];

async function nothingStored() {
  const d = db();
  const counts = await Promise.all(d.tables.map((t) => t.count()));
  expect(counts.every((n) => n === 0)).toBe(true);
}

beforeEach(async () => {
  fakeBrowser.reset();
  const d = db();
  await d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())));
});

describe('every message type', () => {
  it.each(TYPES)('%s from the wrong kind of sender or another extension is refused', async (type) => {
    const wrong = protocol[type].from === 'content' ? fromPage : fromContent;
    const a = await route({ sourcelens: 1, type, data: {} }, wrong);
    expect(a).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    const right = protocol[type].from === 'content' ? fromContent : fromPage;
    const b = await route({ sourcelens: 1, type, data: {} }, { ...right, id: 'another-extension' });
    expect(b).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    // A content message from a frame or an extension page posing as a shop page.
    if (protocol[type].from === 'content') {
      const c = await route({ sourcelens: 1, type, data: {} }, { ...fromContent, frameId: 3 });
      expect(c).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    }
    await nothingStored();
  });

  it.each(TYPES)('%s with data of the wrong shape gets bad-data', async (type) => {
    const sender = protocol[type].from === 'content' ? fromContent : fromPage;
    for (const data of [42, 'text', [1, 2], true]) {
      const reply = await route({ sourcelens: 1, type, data }, sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-data' } });
    }
    await nothingStored();
  });
});

describe('envelopes and payloads', () => {
  it.each([
    null,
    42,
    'productSpotted',
    [],
    { type: 'productSpotted' },
    { sourcelens: 2, type: 'getTabProduct' },
  ])('%j is not a SourceLens message', async (raw) => {
    expect(await route(raw, fromPage)).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(10_000)])(
    'type %s is unknown',
    async (type) => {
      const reply = await route({ sourcelens: 1, type, data: {} }, fromPage);
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
      if (!reply.ok) expect(reply.error.message.length).toBeLessThan(100);
    },
  );

  it('oversized payloads are refused and store nothing', async () => {
    const big = 'x'.repeat(2_000_000);
    const product = {
      kind: 'product',
      title: big,
      text: null,
      price: null,
      priceMax: null,
      images: [],
      brand: null,
      sku: null,
      gtin: null,
      availability: null,
      site: 'generic',
      itemId: null,
      canonicalUrl: 'https://shop.example/p/1',
      sources: {},
    };
    const cases: [MessageType, unknown, SenderInfo][] = [
      ['productSpotted', { product, pageUrl: 'https://shop.example/p/1' }, fromContent],
      [
        'productSpotted',
        {
          product: {
            ...product,
            title: 'ok',
            images: Array.from({ length: 500 }, (_, i) => `https://a.example/${i}`),
          },
          pageUrl: 'https://shop.example/p/1',
        },
        fromContent,
      ],
      ['searchOffers', { source: '1688', mode: 'keywords', query: big }, fromPage],
      [
        'hashImages',
        { urls: Array.from({ length: 5000 }, (_, i) => `https://a.example/${i}.jpg`) },
        fromPage,
      ],
      ['keepOffer', { offerKey: big, productKey: null, note: big, tags: [] }, fromPage],
      [
        'offersHarvested',
        { pageUrl: 'https://s.1688.com/x', kind: 'results', offers: new Array(1000).fill({}) },
        { ...fromContent, url: 'https://s.1688.com/x' },
      ],
    ];
    for (const [type, data, sender] of cases) {
      const reply = await route({ sourcelens: 1, type, data }, sender);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'bad-data' } });
    }
    await nothingStored();
  });
});
