/**
 * Every 1688 parser over every saved 1688 answer and page (tests/fixtures/1688/), constructed and captured alike:
 * nothing throws, every offer is one the background would accept, and each file reads as the table says. A
 * file added to the folder without a row here fails the first test, so no saved answer goes unread.
 */
import { readdirSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, unwrapJsonp } from '../../../../core/sources/1688/gateway';
import { type AnyShape, parseAnyText } from '../../../../core/sources/1688/parse-any';
import { parseOfferData, parseOfferPage } from '../../../../core/sources/1688/parse-offer-page';
import { parseOfferItem, parseSearchAnswer } from '../../../../core/sources/1688/parse-search';
import { parseSuggest } from '../../../../core/sources/1688/parse-suggest';
import { classifyBodyWithoutData, classifyHttp, classifyRet } from '../../../../core/sources/1688/walls';
import { WholesaleOfferSchema } from '../../../../core/sources/offer-schema';
import type { WholesaleOffer } from '../../../../core/sources/types';
import { parseLooseJson } from '../../../../core/text/loose-json';
import { sourceFixtures } from '../../../support/fixtures';
import { expectWellFormedOffer } from '../../../support/offer-invariants';

const { dir, text } = sourceFixtures('1688');

interface Row {
  /** parseAnyText's shape and how many offers it gives (what the parse-offer CLI prints). */
  any: AnyShape;
  offers: number;
  /** parseSearchAnswer's shape on the parsed text. */
  search: 'offer-items' | 'offer-list' | 'none';
  /** parseSuggest's shape. */
  suggest: 'items' | 'none';
  /** The offer-page reader: parseOfferPage for HTML, parseOfferData for an object. */
  page: 'ok' | 'delisted' | 'unrecognised' | 'needs-verification' | 'error';
  /** classifyRet on the gateway envelope ('-': not an envelope). */
  ret: 'ok' | 'token' | 'resign' | 'wall' | 'error' | '-';
  /** classifyHttp on the text as a 200 answer from an offer page. */
  http: string | null;
  /** Whether the body carries the punish system's marks (only judged where there is no page data). */
  punishMarks?: boolean;
  /** A single search item (`items[]` entry) rather than a whole answer. */
  item?: boolean;
}

const none = { any: 'unknown', offers: 0, search: 'none', suggest: 'none', page: 'unrecognised' } as const;

const TABLE: Record<string, Row> = {
  // Captured by XuJiazhen/1688-cli (MIT), see PROVENANCE.md.
  '1688cli-context-result-682746284775.json': { ...none, any: 'detail-context', ret: '-', http: null },
  '1688cli-search-item-658650538045.json': { ...none, ret: '-', http: null, item: true },
  '1688cli-search-response.json': {
    ...none,
    any: 'search',
    offers: 1,
    search: 'offer-items',
    ret: 'ok',
    http: null,
  },
  '1688cli-sku-selector.json': { ...none, ret: 'ok', http: null },
  // Constructed for SourceLens.
  'detail-context-833454967766.html': {
    ...none,
    any: 'detail-html',
    offers: 1,
    page: 'ok',
    ret: '-',
    http: null,
  },
  'detail-context.json': { ...none, any: 'detail-context', offers: 1, page: 'ok', ret: '-', http: null },
  'detail-delisted.html': { ...none, any: 'detail-html', page: 'delisted', ret: '-', http: null },
  'detail-initdata-597090034012.html': {
    ...none,
    any: 'detail-html',
    offers: 1,
    page: 'ok',
    ret: '-',
    http: null,
  },
  'detail-initdata.json': { ...none, any: 'detail-init-data', offers: 1, page: 'ok', ret: '-', http: null },
  'image-upload-alt.json': { ...none, ret: 'ok', http: null },
  'image-upload-ok.json': { ...none, ret: 'ok', http: null },
  'image-upload-png.json': { ...none, ret: 'ok', http: null },
  'image-upload-zero-id.json': { ...none, ret: 'ok', http: null },
  'login-page.html': { ...none, any: 'detail-html', ret: '-', http: null },
  'normal-page-with-words.html': { ...none, any: 'detail-html', ret: '-', http: null },
  'ret-api-not-found.json': { ...none, ret: 'error', http: null },
  'ret-empty-offers.json': { ...none, any: 'search', search: 'offer-items', ret: 'ok', http: null },
  'ret-flowlimit.json': { ...none, ret: 'wall', http: null },
  'ret-illegal-access.json': { ...none, ret: 'resign', http: null },
  'ret-rgv587.json': { ...none, ret: 'wall', http: null, punishMarks: true },
  'ret-token-empty.json': { ...none, ret: 'token', http: null },
  'ret-token-expired.json': { ...none, ret: 'token', http: null },
  'ret-user-validate.json': { ...none, ret: 'wall', http: null, punishMarks: true },
  'search-image.json': { ...none, any: 'search', offers: 2, search: 'offer-items', ret: 'ok', http: null },
  'search-keyword.json': { ...none, any: 'search', offers: 4, search: 'offer-items', ret: 'ok', http: null },
  'search-keyword.jsonp.txt': {
    ...none,
    any: 'search',
    offers: 4,
    search: 'offer-items',
    ret: 'ok',
    http: null,
  },
  'search-offerlist-old.json': {
    ...none,
    any: 'offer-list',
    offers: 2,
    search: 'offer-list',
    ret: '-',
    http: null,
  },
  'suggest.json': { ...none, suggest: 'items', ret: 'ok', http: null },
  'throttled-body.txt': { ...none, ret: '-', http: 'throttled:rate-limit-text' },
  'wall-punish.html': { ...none, any: 'detail-html', ret: '-', http: 'needs-verification:title' },
  'wall-risk-title.html': { ...none, any: 'detail-html', ret: '-', http: 'needs-verification:title' },
  'wall-slider.html': { ...none, any: 'detail-html', ret: '-', http: 'needs-verification:slider-markup' },
};

const files = readdirSync(dir)
  .filter((f) => !f.endsWith('.md'))
  .sort();

/** An offer the background would accept, with every 1688 invariant. */
function expectAccepted(o: WholesaleOffer): void {
  expectWellFormedOffer(o);
  expect(() => v.parse(WholesaleOfferSchema, o)).not.toThrow();
  expect(o.url).toBe(`https://detail.1688.com/offer/${o.offerId}.html`);
}

describe('the fixture table covers the folder', () => {
  it('every file has a row and every row a file', () => {
    expect(files).toEqual(Object.keys(TABLE).sort());
  });
});

describe.each(files)('%s', (name) => {
  const body = text(name);
  const row = TABLE[name] as Row;
  const isHtml = body.trim().startsWith('<');
  const value = isHtml ? undefined : parseLooseJson(unwrapJsonp(body.trim()));

  it('reads as the table says, and every offer is well-formed', () => {
    const any = parseAnyText(body);
    expect([any.shape, any.offers.length]).toEqual([row.any, row.offers]);
    for (const o of any.offers) expectAccepted(o);

    const search = parseSearchAnswer(value);
    expect(search.shape).toBe(row.search);
    for (const o of search.offers) expectAccepted(o);
    // Saved answers are what 1688 sends: none of them reads as "most items lack a field".
    expect(search.missing).toBeNull();

    const suggest = parseSuggest(value);
    expect(suggest.shape).toBe(row.suggest);
    for (const s of suggest.suggestions) expect(typeof s).toBe('string');

    const page = isHtml
      ? parseOfferPage(body, { url: 'https://detail.1688.com/offer/100000000001.html' })
      : parseOfferData(value);
    expect(page.state).toBe(row.page);
    if (page.state === 'ok') {
      expectAccepted(page.offer);
      expect(typeof page.skusKnown).toBe('boolean');
    }

    const env = parseEnvelope(body);
    expect(env ? classifyRet(env.ret, env.data).kind : '-').toBe(row.ret);

    const wall = classifyHttp({ status: 200, finalUrl: 'https://detail.1688.com/offer/1.html', text: body });
    expect(wall ? `${wall.state}:${wall.state === 'needs-login' ? '' : wall.reason}` : null).toBe(row.http);

    expect(classifyBodyWithoutData(body) !== null).toBe(row.punishMarks ?? false);

    const item = parseOfferItem(value);
    expect(item !== null).toBe(row.item ?? false);
    if (item) expectAccepted(item);
  });
});

describe('what the captured answers say (XuJiazhen/1688-cli)', () => {
  it('a live search answer: SUCCESS::ok, code 200, flags and years as strings', () => {
    const r = parseSearchAnswer(JSON.parse(text('1688cli-search-response.json')));
    expect(r).toMatchObject({ shape: 'offer-items', hasMore: false, total: 1, missing: null });
    expect(r.offers[0]).toMatchObject({
      offerId: '700000000101',
      title: 'Runtime Fixture Drill',
      priceMinMinor: 1250,
      isAd: false,
      supplier: {
        name: 'Runtime Fixture Store',
        years: 3,
        memberId: 'fixture-chain-member-1',
        shopUrl: 'https://fixture-search-store.1688.com/',
      },
    });
  });

  it('a current listing: return-buyer rate apart from the repurchase rate, tiers, sales', () => {
    const o = parseOfferItem(JSON.parse(text('1688cli-search-item-658650538045.json')));
    expect(o).toMatchObject({
      offerId: '658650538045',
      title: '飞虎电钻',
      priceTiers: [{ minQty: 1, priceMinor: 10290 }],
      moq: 1,
      unit: '台',
      sales: 274,
      shippingPromise: '48小时发货',
      supplier: {
        name: '浙江飞虎新能源科技有限公司',
        memberId: 'b2b-2209631154515e79f6',
        years: 6,
        repurchaseRate: 0.06,
        returnBuyerRate: 0.26,
      },
    });
  });

  it('an offer core without title or price is unrecognised; its consign model contradicts itself', () => {
    const core = JSON.parse(text('1688cli-context-result-682746284775.json')) as {
      data: Record<string, unknown>;
    };
    expect(parseOfferData(core)).toMatchObject({ state: 'unrecognised', call: 'offer-page' });
    // With a title added here (the capture left the rest of the page out): consignOffer false while
    // consignSign says it supports consign issuing is unknown, not "no dropshipping".
    const titled = { ...core, data: { ...core.data, productTitle: { fields: { title: '电钻' } } } };
    expect(parseOfferData(titled)).toMatchObject({
      state: 'ok',
      skusKnown: false,
      offer: {
        offerId: '682746284775',
        dropship: null,
        supplier: {
          memberId: 'b2b-221470257453133fa3',
          shopUrl: 'https://shop06u45789e8672.1688.com/',
        },
      },
    });
  });
});
