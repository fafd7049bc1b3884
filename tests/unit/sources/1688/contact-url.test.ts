import { MatchPattern } from '@webext-core/match-patterns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { source1688 } from '../../../../core/sources/1688/source';
import { CONTACT_PAGE_URL, contactUrl } from '../../../../core/sources/1688/urls';
import type { ContactOffer } from '../../../../core/sources/definition';
import { PROPERTY_RUNS } from '../../../support/arbitraries';
import { useMockSources } from '../../../support/mock-server';

const mock = useMockSources();

const offerOf = (loginId: string | null, over: Partial<ContactOffer> = {}): ContactOffer => ({
  offerId: '833454967766',
  url: 'https://detail.1688.com/offer/833454967766.html',
  supplier: { loginId, memberId: 'b2b-2207123456789a1b2c' },
  ...over,
});

describe('1688: the seller’s 旺旺 chat for an offer', () => {
  it('opens the web chat for the seller’s loginId, with the offer for the product card', () => {
    expect(contactUrl(offerOf('fixture_daily_goods'))).toBe(
      `${CONTACT_PAGE_URL}?touid=cnalichnfixture_daily_goods&siteid=cnalichn&status=1&offerId=833454967766#/`,
    );
  });

  it('encodes Chinese loginIds and odd characters as UTF-8, so the chat gets the id back exactly', () => {
    for (const id of ['浙江飞虎新能源科技公司', 'yiwu shop 01', 'a&b=c?d#e/f+g%h', '  padded  ']) {
      const url = contactUrl(offerOf(id));
      expect(url, id).not.toBeNull();
      const parsed = new URL(url ?? '');
      expect(parsed.searchParams.get('touid')).toBe(`cnalichn${id.trim()}`);
      expect(parsed.searchParams.get('offerId')).toBe('833454967766');
      expect(parsed.hash).toBe('#/');
      expect(url).not.toMatch(/[\s+]/); // spaces are %20, never "+" or raw
    }
    expect(contactUrl(offerOf('浙江飞虎新能源科技公司'))).toContain(
      `touid=cnalichn${encodeURIComponent('浙江飞虎新能源科技公司')}&`,
    );
  });

  it('is null without a loginId (no public client opens the chat by memberId): the panel opens the offer', () => {
    for (const loginId of [null, '', '   ', 'x'.repeat(101), 'bad\u0000id', 'line\nbreak'])
      expect(contactUrl(offerOf(loginId)), JSON.stringify(loginId)).toBeNull();
  });

  it('takes the offer id from the page URL when the id field is not one, and leaves it out when neither is', () => {
    expect(contactUrl(offerOf('seller', { offerId: 'x' }))).toContain('&offerId=833454967766#/');
    const none = contactUrl(offerOf('seller', { offerId: 'x', url: 'https://detail.1688.com/' }));
    expect(none).toBe(`${CONTACT_PAGE_URL}?touid=cnalichnseller&siteid=cnalichn&status=1#/`);
  });

  it('whatever the ids, only ever an https URL of the chat page on 1688, or null', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: 'grapheme', maxLength: 120 })),
        fc.string(),
        fc.string(),
        (id, oid, url) => {
          const built = contactUrl({ offerId: oid, url, supplier: { loginId: id, memberId: null } });
          if (built === null) return;
          const parsed = new URL(built);
          expect(parsed.protocol).toBe('https:');
          expect(`${parsed.origin}${parsed.pathname}`).toBe(CONTACT_PAGE_URL);
          expect(parsed.searchParams.get('touid')).toBe(`cnalichn${(id ?? '').trim()}`);
          expect(built.toLowerCase()).not.toContain('javascript:');
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it('is the definition’s contact page, on a host within 1688’s sites; 1688 is written to in Chinese', () => {
    expect(source1688.pages.contact).toBe(contactUrl);
    expect(source1688.inquiryLanguage).toBe('zh');
    const url = contactUrl(offerOf('seller')) ?? '';
    expect(source1688.sites.some((site) => new MatchPattern(site).includes(url))).toBe(true);
  });

  it('the mock answers it with a small page naming the seller and offer (for the browser tests)', async () => {
    const url = new URL(contactUrl(offerOf('浙江飞虎 01')) ?? '');
    const res = await fetch(`${mock.url}${url.pathname}${url.search}`, {
      headers: { 'X-Mock-Host': url.host },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="mock-contact"');
    expect(html).toContain('data-source="1688"');
    expect(html).toContain('data-q-touid="cnalichn浙江飞虎 01"');
    expect(html).toContain('data-q-offerid="833454967766"');
    expect(mock.requests.at(-1)?.host).toBe('air.1688.com');
  });
});
