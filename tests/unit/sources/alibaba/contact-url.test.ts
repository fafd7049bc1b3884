import { MatchPattern } from '@webext-core/match-patterns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceAlibaba } from '../../../../core/sources/alibaba/source';
import { CONTACT_PAGE_URL, contactUrl } from '../../../../core/sources/alibaba/urls';
import type { ContactOffer } from '../../../../core/sources/definition';
import { MOCK_HOSTS } from '../../../mock-sources/index';
import { PROPERTY_RUNS } from '../../../support/arbitraries';
import { useMockSources } from '../../../support/mock-server';

const mock = useMockSources();

const offerOf = (over: Partial<ContactOffer> = {}): ContactOffer => ({
  offerId: '1600123456789',
  url: 'https://www.alibaba.com/product-detail/LED-Lamp_1600123456789.html',
  supplier: { loginId: null, memberId: '230405060' },
  ...over,
});

describe('Alibaba.com: the "Contact Supplier" form for a product', () => {
  it('opens the contact form for the product id', () => {
    expect(contactUrl(offerOf())).toBe(
      'https://message.alibaba.com/msgsend/contact.htm?action=contact_action&chkProductIds=1600123456789',
    );
  });

  it('takes the product id from the product URL when the id field is not one; null without either', () => {
    expect(contactUrl(offerOf({ offerId: 'abc' }))).toMatch(/chkProductIds=1600123456789$/);
    expect(contactUrl(offerOf({ offerId: 'abc', url: 'https://www.alibaba.com/' }))).toBeNull();
    expect(contactUrl(offerOf({ offerId: '', url: 'javascript:alert(1)' }))).toBeNull();
    expect(
      contactUrl(offerOf({ offerId: '1600 1234', url: 'https://evil.example/_1600123456789.html' })),
    ).toBeNull();
  });

  it('whatever the ids, only ever an https URL of the contact form with a numeric id, or null', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.webUrl(), fc.string()), (offerId, url) => {
        const built = contactUrl({ offerId, url, supplier: { loginId: offerId, memberId: offerId } });
        if (built === null) return;
        const parsed = new URL(built);
        expect(parsed.protocol).toBe('https:');
        expect(`${parsed.origin}${parsed.pathname}`).toBe(CONTACT_PAGE_URL);
        expect(parsed.searchParams.get('chkProductIds')).toMatch(/^\d{5,20}$/);
        expect(built.toLowerCase()).not.toContain('javascript:');
      }),
      PROPERTY_RUNS,
    );
  });

  it('is the definition’s contact page; Alibaba.com is written to in English', () => {
    expect(sourceAlibaba.pages.contact).toBe(contactUrl);
    expect(sourceAlibaba.inquiryLanguage).toBe('en');
  });

  it('is outside the sites SourceLens asks permission for: it is only opened in a normal tab', () => {
    const url = contactUrl(offerOf()) ?? '';
    expect(sourceAlibaba.sites.some((site) => new MatchPattern(site).includes(url))).toBe(false);
    // …and mapped onto the mock in the browser tests, which answers it with a small page.
    expect(MOCK_HOSTS).toContain('message.alibaba.com');
  });

  it('the mock answers it with a small page naming the product (for the browser tests)', async () => {
    const url = new URL(contactUrl(offerOf()) ?? '');
    const res = await fetch(`${mock.url}${url.pathname}${url.search}`, {
      headers: { 'X-Mock-Host': url.host },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="mock-contact"');
    expect(html).toContain('data-source="alibaba"');
    expect(html).toContain('data-q-chkproductids="1600123456789"');
    expect(mock.requests.at(-1)?.host).toBe('message.alibaba.com');
  });
});
