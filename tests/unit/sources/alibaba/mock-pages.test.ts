import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { WholesaleOfferSchema } from '../../../../core/sources/offer-schema';
import type { OfferResult } from '../../../../core/sources/provider';
import { JPEG_B64 } from '../../../support/fixtures';
import { useMockSources } from '../../../support/mock-server';
import { contextFor, nodeTransport, expectOk as ok } from '../../../support/node-transport';

const mock = useMockSources();

function okOffer(r: OfferResult) {
  if (r.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
}

describe('product pages from the mock www.alibaba.com', () => {
  it('a listed offer’s page keeps its title, minimum order and supplier, with every tier in dollars', async () => {
    const t = nodeTransport(mock.port);
    const p = createAlibabaProvider();
    const search = ok(await p.searchByKeywords('led lamp', {}, contextFor(t)));
    const listed = search.offers.find((o) => /[0-6]$/.test(o.offerId) && o.currency === 'USD');
    if (!listed) throw new Error('no ladder-shaped offer listed');
    const page = okOffer(await p.readOffer(listed.offerId, contextFor(t)));
    expect(v.safeParse(WholesaleOfferSchema, page.offer).success).toBe(true);
    expect(page.offer).toMatchObject({
      offerId: listed.offerId,
      title: listed.title,
      moq: listed.moq,
      unit: listed.unit,
      currency: 'USD',
      supplier: {
        name: listed.supplier.name,
        memberId: listed.supplier.memberId,
        country: listed.supplier.country,
      },
    });
    expect(page.offer.priceTiers).toHaveLength(3);
    expect(page.offer.priceTiers[0]?.minQty).toBe(listed.moq);
    expect(page.offer.priceMinMinor).toBe(listed.priceMinMinor);
    expect(page.skusKnown).toBe(true);
    expect(page.skus.map((s) => s.spec)).toEqual(['Black>S', 'Black>L', 'White>S', 'White>L']);
    expect(page.skus[0]?.stock).toBe(100);
    expect(mock.requests.at(-1)?.path).toBe(`/product-detail/_${listed.offerId}.html`);
  });

  it('serves the other shapes: priced per variant, an older page without dollars, a removed product', async () => {
    const ctx = contextFor(nodeTransport(mock.port));
    const p = createAlibabaProvider();
    const skuPriced = okOffer(await p.readOffer('1600900012348', ctx));
    expect(skuPriced.offer).toMatchObject({ currency: 'USD', priceTiers: [] });
    expect(skuPriced.skus.every((s) => s.priceMinor !== null)).toBe(true);
    const older = okOffer(await p.readOffer('1600900012349', ctx));
    expect(older.offer.currency).toBe('USD');
    expect(older.offer.priceTiers).toHaveLength(3);
    expect(older.skusKnown).toBe(false);
    expect(await p.readOffer('1600900012347', ctx)).toEqual({ state: 'delisted', offerId: '1600900012347' });
  });

  it('walls on product pages', async () => {
    const ctx = contextFor(nodeTransport(mock.port));
    mock.setWall('punish');
    expect(await createAlibabaProvider().readOffer('1600900012341', ctx)).toMatchObject({
      state: 'needs-verification',
      reason: 'url',
    });
    mock.setWall('login');
    expect(await createAlibabaProvider().readOffer('1600900012341', ctx)).toMatchObject({
      state: 'needs-login',
    });
    mock.setWall('rgv587');
    expect(await createAlibabaProvider().readOffer('1600900012341', ctx)).toMatchObject({
      state: 'needs-verification',
      reason: 'title',
    });
  });
});

describe('suggestions and currencies from the mock', () => {
  it('open-s.alibaba.com answers the suggestion gateway; empty answers none', async () => {
    const ctx = contextFor(nodeTransport(mock.port));
    expect(await createAlibabaProvider().suggest('Lamp', ctx)).toEqual({
      state: 'ok',
      suggestions: [
        'lamp',
        'lamp wholesale',
        'lamp for sale',
        'lamp factory',
        'lamp 2026',
        'lamp set',
        'lamp bulk',
      ],
    });
    expect(mock.requests[0]).toMatchObject({
      host: 'open-s.alibaba.com',
      path: '/openservice/associationSuggestionViewService',
      query: { keywords: 'Lamp', pageSize: '10' },
    });
    mock.setWall('empty');
    expect(await createAlibabaProvider().suggest('lamp', ctx)).toEqual({ state: 'ok', suggestions: [] });
  });

  it('an image search not asked for dollars answers in the visitor’s currency, with its symbol', async () => {
    const t = nodeTransport(mock.port);
    const p = createAlibabaProvider();
    const first = ok(await p.searchByImage(JPEG_B64, {}, contextFor(t)));
    const raw = await t.request({
      method: 'GET',
      url: 'https://www.alibaba.com/search/api/imageTextSearch',
      query: { imagePath: first.imageId ?? '', page: '1' },
      expect: 'gateway',
    });
    const prices = (JSON.parse(raw.text) as { model: { offers: { price: string }[] } }).model.offers.map(
      (o) => o.price,
    );
    expect(prices.every((price) => price.startsWith('€'))).toBe(true);
  });
});
