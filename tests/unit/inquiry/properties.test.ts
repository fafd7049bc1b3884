import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeInquiry,
  INQUIRY_PARTS,
  type InquiryRequest,
  MAX_MESSAGE_CHARS,
  resolveTemplates,
  sourcingSummary,
  TEMPLATE_SETS,
} from '../../../core/inquiry/index';
import { safeHttpUrl } from '../../../core/url';
import { PROPERTY_RUNS } from '../../support/arbitraries';
import { offer } from '../../support/builders';

// Text a page or a person could put in a field: anything, and the things that break messages — markup, entities
// that spell markup or links, links of every kind, placeholder look-alikes, control and private-use characters.
const nasty = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '<b>爆款</b>',
    '<script>alert(1)</script>',
    '&lt;img src=x onerror=alert(1)&gt;',
    'https&#58;//evil.example',
    'https&amp;#58;//evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<b>x</b>',
    '//evil.example/x',
    'www.evil.example',
    'shop.com/deal',
    'mailto:a@b.cn',
    '{quantity}',
    '{offerUrl}',
    '{unknown}',
    '\u0000\u0007\u202e\ue000\ufeff',
    '黑色>M',
    '长'.repeat(3000),
  ),
  fc.webUrl().map((u) => `see ${u} now`),
);

const tier = fc.record({
  minQty: fc.integer({ min: 1, max: 100_000 }),
  priceMinor: fc.integer({ min: 0, max: 10_000_000 }),
});

const requests: fc.Arbitrary<InquiryRequest> = fc.record({
  offer: fc
    .record({
      title: nasty,
      url: fc.oneof(fc.webUrl(), nasty),
      currency: fc.constantFrom('CNY', 'USD', 'EUR', 'JPY', 'XXX', 'cny', ''),
      priceTiers: fc.array(tier, { maxLength: 6 }),
      priceMinMinor: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
      moq: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
      unit: fc.option(fc.oneof(fc.constantFrom('件', '套', 'pieces', 'sets'), nasty)),
      name: fc.option(nasty),
    })
    .map(({ name, ...o }) => offer({ ...o, supplier: { name } })),
  quantity: fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.double()),
  variant: fc.option(nasty),
  asks: fc.record({
    dropship: fc.boolean(),
    samples: fc.boolean(),
    leadTime: fc.boolean(),
    customisation: fc.boolean(),
  }),
  note: fc.option(
    fc.oneof(
      nasty,
      fc.array(nasty, { maxLength: 15 }).map((lines) => lines.join('\n')),
    ),
  ),
});

/** The offer's link as the message writes it (braces escaped), or null. */
function linkOf(url: string): string | null {
  const u = safeHttpUrl(url);
  return u && u.length <= 2048 ? u.replace(/\{/g, '%7B').replace(/\}/g, '%7D') : null;
}

/** Checks every message must pass; `placeholders` false where an edited template may hold unknown ones. */
function expectSafe(text: string, link: string | null, placeholders = true): void {
  expect(typeof text).toBe('string');
  expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  // Plain text: no markup characters, no control characters but the line breaks, no private-use or bidi marks.
  expect(text).not.toMatch(/[<>]/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what is checked.
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\ue000-\uf8ff]/);
  // No link but the offer's own: take its occurrences out, and nothing link-like is left.
  const rest = link ? text.split(link).join(' ') : text;
  expect(rest).not.toMatch(/[a-z][a-z0-9+.-]*:\/\/|www\.|javascript:|vbscript:|data:/i);
  if (placeholders) expect(text).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
}

describe('whatever the offer and the request hold, the message is safe to paste', () => {
  it('Chinese, and its gloss', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const inquiry = composeInquiry(request, { language: 'zh' });
        const link = linkOf(request.offer.url);
        expectSafe(inquiry.message, link);
        expectSafe(inquiry.gloss ?? '', link);
        expect(inquiry.lines.map((l) => l.text).join('\n')).toBe(inquiry.message);
        if (link) expect(inquiry.message).toContain(link);
      }),
      PROPERTY_RUNS,
    );
  });

  it('English', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const inquiry = composeInquiry(request, { language: 'en' });
        expectSafe(inquiry.message, linkOf(request.offer.url));
        expect(inquiry.gloss).toBeNull();
      }),
      PROPERTY_RUNS,
    );
  });

  it('the sourcing summary, in either language', () => {
    fc.assert(
      fc.property(requests, fc.constantFrom('en' as const, 'zh' as const), (request, language) => {
        const text = sourcingSummary(request.offer, { language, quantity: request.quantity });
        expectSafe(text, linkOf(request.offer.url));
        expect(text.split('\n').length).toBeLessThanOrEqual(5);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('whatever the person wrote into the templates, the message stays plain, bounded and single-linked', () => {
  const edits = fc.dictionary(
    fc.constantFrom(...TEMPLATE_SETS),
    fc.dictionary(
      fc.constantFrom(...INQUIRY_PARTS),
      fc.oneof(
        nasty,
        fc.array(nasty, { maxLength: 20 }).map((lines) => lines.join('\n')),
        fc.constantFrom(
          '{offerUrl}{offerUrl}',
          'http://{offerUrl}',
          '{note}{note}{note}',
          '{offerTitle} www.{unit}',
        ),
      ),
    ),
  );

  it('in every language', () => {
    fc.assert(
      fc.property(
        requests,
        edits,
        fc.constantFrom('en' as const, 'zh' as const),
        (request, stored, language) => {
          const inquiry = composeInquiry(request, { language, templates: resolveTemplates(stored) });
          const link = linkOf(request.offer.url);
          expectSafe(inquiry.message, link, false);
          expectSafe(inquiry.gloss ?? '', link, false);
        },
      ),
      PROPERTY_RUNS,
    );
  });
});
