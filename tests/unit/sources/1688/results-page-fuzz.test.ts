/**
 * Fuzzing the reader of 1688 results pages a person browses (the harvest content script): cards of any markup
 * around offer links, with hostile titles, pictures, prices and counts. It never throws and every offer it
 * returns is well formed and passes the offer schema the background stores offers with.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readResultsPage } from '../../../../core/sources/1688/parse-results-page';
import { WholesaleOfferSchema } from '../../../../core/sources/offer-schema';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, numericIdText } from '../../../support/arbitraries';
import { expectWellFormedOffer } from '../../../support/offer-invariants';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const wild = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '¥12.50',
    '￥0.01-99999999999',
    '2件起批',
    '≥1e30件',
    '已售1.2万+件',
    '已售-5件',
    '一件代发',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '//cbu01.alicdn.com/a.jpg',
    'data:image/png;base64,AAAA',
  ),
);
const href = fc.oneof(
  numericIdText.map((id) => `https://detail.1688.com/offer/${id}.html`),
  numericIdText.map((id) => `//detail.1688.com/offer/${id}.html?spm=x`),
  fc.constantFrom('javascript:alert(1)', 'https://evil.example/offer/1234567.html', '/offer/1.html'),
  wild,
);
const card = fc
  .record({ href, title: wild, img: wild, alt: wild, lines: fc.array(wild, { maxLength: 5 }) })
  .map(
    (c) =>
      `<div class="card"><a href="${attr(c.href)}" title="${attr(c.title)}"><img src="${attr(c.img)}" alt="${attr(c.alt)}"></a>` +
      c.lines.map((l) => `<div>${text(l)}</div>`).join('') +
      '</div>',
  );
const page = fc
  .array(card, { maxLength: 8 })
  .map((cards) => parseHTML(`<!doctype html><html><body>${cards.join('')}</body></html>`).document);

describe('1688 results pages of any markup', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('never throw and give only well-formed offers that pass the offer schema', () => {
    fc.assert(
      fc.property(page, (doc) => {
        for (const offer of readResultsPage(doc as unknown as Document)) {
          expectWellFormedOffer(offer);
          expect(offer.url).toBe(`https://detail.1688.com/offer/${offer.offerId}.html`);
          expect(v.safeParse(WholesaleOfferSchema, offer).issues ?? []).toEqual([]);
        }
      }),
      FUZZ_RUNS,
    );
  });
});
