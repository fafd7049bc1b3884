/**
 * Issue 13, "Answers from the source's page world are trusted": what a page's scripts return through
 * runInMainWorld is checked for type and size; both text strippers stay correct on crafted input (their speed
 * is the bench's `jsonp_redos_ms` and `plaintext_redos_ms`); every offer stored passes the offer schema.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unwrapJsonp } from '../../../core/sources/1688/gateway';
import { MAX_PAGE_TEXT } from '../../../core/sources/page-answer';
import type { GatewayRequest } from '../../../core/sources/provider';
import type { WholesaleOffer } from '../../../core/sources/types';
import { plainText } from '../../../core/text/plain-text';
import { SourceLensDb } from '../../../storage/db';
import { recordOffers } from '../../../storage/offers';

const pageWorld = vi.hoisted(() => ({ answer: undefined as unknown }));
vi.mock('../../../entrypoints/background/sources/origin-tab', () => ({
  originTab: async () => 7,
  originTabAt: async () => ({ tabId: 7, opened: false }),
  showInTab: async () => {},
  runInMainWorld: async () => pageWorld.answer,
}));

const { originTabTransport, pageCookieTokens, pageLibraryTransport } = await import(
  '../../../entrypoints/background/sources/transports'
);

const req: GatewayRequest = {
  method: 'GET',
  url: 'https://h5api.m.1688.com/h5/mtop.x/1.0/',
  query: {},
  expect: 'gateway',
};

beforeEach(() => fakeBrowser.reset());

describe('page-world answers', () => {
  const transport = originTabTransport('https://h5api.m.1688.com/');

  it.each([
    ['a non-string text', { status: 200, finalUrl: 'https://x/', text: { evil: true } }, /bad text/],
    ['a number', 42, /answered with number/],
    ['a string', 'hello', /answered with text/],
    ['null', null, /answered with null/],
    ['a wrong status type', { status: '200', finalUrl: 'https://x/', text: '{}' }, /bad status/],
    ['10 MB of text', { status: 200, finalUrl: 'https://x/', text: 'x'.repeat(10_000_000) }, /too large/],
  ])('%s is refused with a clear transport failure', async (_what, answer, message) => {
    pageWorld.answer = answer;
    await expect(transport.request(req)).rejects.toMatchObject({
      name: 'TransportError',
      failure: 'unreachable',
    });
    await expect(transport.request(req)).rejects.toThrow(message);
  });

  it('a well-formed answer passes unchanged', async () => {
    pageWorld.answer = {
      status: 200,
      finalUrl: 'https://h5api.m.1688.com/x',
      text: '{"ret":[]}',
      awayRedirect: false,
    };
    await expect(transport.request(req)).resolves.toEqual({
      status: 200,
      finalUrl: 'https://h5api.m.1688.com/x',
      text: '{"ret":[]}',
    });
    expect(MAX_PAGE_TEXT).toBeLessThan(10_000_000);
  });

  it("the site's request library answering garbage is refused, saying so", async () => {
    fakeBrowser.tabs.query = (async () => [{ id: 3, url: 'https://www.1688.com/' }]) as never;
    pageWorld.answer = { status: 200, finalUrl: 'https://x/', text: 12 };
    const library = pageLibraryTransport({ tabs: ['https://*.1688.com/*'], call: async () => null });
    await expect(library.request(req)).rejects.toThrow(/bad text/);
  });

  it('a token that is not a short string is refused', async () => {
    const tokens = pageCookieTokens({ cookie: '_m_h5_tk', origin: 'https://h5api.m.1688.com/' });
    pageWorld.answer = { toString: () => 'x' };
    await expect(tokens.getToken()).rejects.toThrow(/token/);
    pageWorld.answer = 'a'.repeat(5000);
    await expect(tokens.getToken()).rejects.toThrow(/token/);
    pageWorld.answer = 'abc123_1700000000000';
    await expect(tokens.getToken()).resolves.toBe('abc123_1700000000000');
  });
});

describe('text strippers on crafted input (timed in the bench, not here)', () => {
  it('unwrapJsonp gives the right answer on 1 MB of crafted text', () => {
    const spaces = ' '.repeat(1_000_000);
    expect(unwrapJsonp(`cb(${spaces}!`)).toBe(`cb(${spaces}!`.trim());
    expect(unwrapJsonp(`cb && cb(${spaces}{"a":1}${spaces});`)).toBe('{"a":1}');
    expect(unwrapJsonp(`mtopjsonp3(${spaces});${spaces}x`)).toBe(`mtopjsonp3(${spaces});${spaces}x`);
    expect(unwrapJsonp('mtopjsonp12({"a":f(1)})')).toBe('{"a":f(1)}');
  });

  it('plainText gives the right answer on 1 MB of crafted text', () => {
    expect(plainText('<!--'.repeat(250_000))).toBe('');
    expect(plainText(`ok<script>${'</script '.repeat(120_000)}`)).toBe('ok');
    expect(plainText(`a<!-- x -->b<SCRIPT>alert(1)</script >c<style>p{}`)).toBe('ab c');
  });
});

describe('every offer stored passes the offer schema, whatever its path', () => {
  it('a searched offer with a bad link or wrong types is not stored', async () => {
    const database = new SourceLensDb(`offers-schema-${Date.now()}`);
    const good: WholesaleOffer = {
      source: '1688',
      offerId: '612345678901',
      title: 'T恤',
      url: 'https://detail.1688.com/offer/612345678901.html',
      images: [],
      currency: 'CNY',
      priceTiers: [],
      priceMinMinor: 100,
      priceMaxMinor: null,
      moq: 1,
      unit: null,
      dropship: null,
      sales: null,
      isAd: false,
      shippingPromise: null,
      supplier: {
        name: null,
        loginId: null,
        memberId: null,
        province: null,
        city: null,
        years: null,
        isFactory: null,
        badges: [],
        repurchaseRate: null,
        shopUrl: null,
      },
    };
    const bad = [
      { ...good, offerId: '1', url: 'javascript:alert(1)' },
      { ...good, offerId: '2', priceMinMinor: -5 },
      { ...good, offerId: '3', title: 42 },
    ] as unknown as WholesaleOffer[];
    const keys = await recordOffers(database, [good, ...bad], 'https://s.1688.com/', 'search', Date.now());
    expect(keys).toEqual(['1688:612345678901']);
    expect(await database.offers.count()).toBe(1);
    await database.delete();
  });
});
