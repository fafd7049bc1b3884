import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import type { ProviderContext } from '../../../../core/sources/provider';
import { JPEG_B64 } from '../../../support/fixtures';
import { useMockSources } from '../../../support/mock-server';
import { contextFor, nodeTransport, expectOk as ok } from '../../../support/node-transport';

const mock = useMockSources();

/** A context whose requests to URLs matching `only` ask the mock for the `changed` answer. */
function changedFor(only: RegExp): ProviderContext {
  const t = nodeTransport(mock.port);
  return {
    transport: {
      request: (req, signal) =>
        t.request(
          only.test(req.url) ? { ...req, headers: { ...req.headers, 'x-mock-wall': 'changed' } } : req,
          signal,
        ),
    },
    tokens: t.tokens,
  };
}

describe('the mock’s changed answers are unrecognised, one call at a time, never "no offers"', () => {
  it('keyword search: result blocks renamed', async () => {
    expect(await createAlibabaProvider().searchByKeywords('lamp', {}, changedFor(/trade\/search/))).toEqual({
      state: 'unrecognised',
      call: 'search',
      shape: 'html{length:<200k,scripts:2,assigns:[__page__data_sse10]}',
      reason: 'no offer list in the page data',
    });
    expect(mock.requests[0]?.wall).toBe('changed');
  });

  it('image upload: the image path renamed', async () => {
    expect(
      await createAlibabaProvider().searchByImage(JPEG_B64, {}, changedFor(/imageTextSearchRegions$/)),
    ).toEqual({
      state: 'unrecognised',
      call: 'image-upload',
      shape: '{model:{boxes:[string ×2],imageKey:string},success:boolean}',
      reason: 'no model.imagePath',
    });
    // Nothing was searched after an upload that was not understood.
    expect(mock.requests).toHaveLength(1);
  });

  it('image search: the offer list renamed, after a normal upload', async () => {
    const r = await createAlibabaProvider().searchByImage(JPEG_B64, {}, changedFor(/imageTextSearch$/));
    expect(r).toMatchObject({ state: 'unrecognised', call: 'image-search', reason: 'no offer list' });
    if (r.state === 'unrecognised') {
      expect(r.shape).toMatch(/^\{model:\{count:number,items:\[\{.*\},success:boolean\}$/);
      // Keys and types only: no value of the answer leaks into the diagnostics.
      expect(r.shape).not.toMatch(/alibaba\.com|Mock|\d{6}/);
    }
  });

  it('product page: the data object renamed', async () => {
    expect(await createAlibabaProvider().readOffer('1600900012341', changedFor(/product-detail/))).toEqual({
      state: 'unrecognised',
      call: 'offer-page',
      shape: 'html{length:<10k,scripts:2,assigns:[__version__map,__DETAIL_DATA__]}',
      reason: 'no window.detailData',
    });
  });

  it('suggestions: the list renamed', async () => {
    expect(await createAlibabaProvider().suggest('lamp', changedFor(/openservice/))).toEqual({
      state: 'unrecognised',
      call: 'suggest',
      shape: '{code:number,data:{suggestions:[{keyword:string} ×7]}}',
      reason: 'no data.list',
    });
  });

  it('the same calls without the fault answer normally', async () => {
    const ctx = contextFor(nodeTransport(mock.port));
    const p = createAlibabaProvider();
    expect(ok(await p.searchByKeywords('lamp', {}, ctx)).offers.length).toBeGreaterThan(0);
    expect(ok(await p.searchByImage(JPEG_B64, {}, ctx)).offers.length).toBeGreaterThan(0);
    expect((await p.readOffer('1600900012341', ctx)).state).toBe('ok');
    expect((await p.suggest('lamp', ctx)).state).toBe('ok');
  });
});

describe('lists whose items were renamed are drift too', () => {
  const answering = (text: string): ProviderContext => ({
    transport: {
      async request(req) {
        return {
          status: 200,
          finalUrl: req.url,
          text: /Regions$/.test(req.url)
            ? '{"success":true,"model":{"imagePath":"p.jpg","regions":[]}}'
            : text,
        };
      },
    },
    tokens: { getToken: async () => null },
  });

  it('image search offers that mostly lack a price', async () => {
    const offers = [1, 2, 3].map((i) => ({ productId: `160090000030${i}`, title: 't', priceText: 'US$1' }));
    expect(
      await createAlibabaProvider().searchByImage(
        JPEG_B64,
        {},
        answering(JSON.stringify({ success: true, model: { offers } })),
      ),
    ).toEqual({
      state: 'unrecognised',
      call: 'image-search',
      shape: '{model:{offers:[{priceText:string,productId:string,title:string} ×3]},success:boolean}',
      reason: 'most items lack a price',
    });
  });

  it('an empty list is not drift', async () => {
    expect(
      await createAlibabaProvider().searchByImage(
        JPEG_B64,
        {},
        answering('{"success":true,"model":{"offers":[]}}'),
      ),
    ).toMatchObject({ state: 'ok', offers: [] });
  });
});
