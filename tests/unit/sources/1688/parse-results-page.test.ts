import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readResultsPage } from '../../../../core/sources/1688/parse-results-page';

const page = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

describe('offers on a results page a person browses', () => {
  it('reads each card around its offer link: title, picture, price, MOQ, sales', () => {
    const doc = page(`
      <div class="list">
        <div class="card"><a href="https://detail.1688.com/offer/712345678.html"><img src="//cbu01.alicdn.com/a.jpg" alt="纯棉短袖T恤 女"></a>
          <div>¥12.50</div><div>2件起批</div><div>已售1.2万+件</div><div>一件代发</div></div>
        <div class="card"><a href="https://detail.1688.com/offer/712345679.html" title="夏季宽松上衣">夏季宽松上衣</a>
          <span>￥8.8</span></div>
      </div>`);
    const offers = readResultsPage(doc);
    expect(offers).toHaveLength(2);
    expect(offers[0]).toMatchObject({
      offerId: '712345678',
      title: '纯棉短袖T恤 女',
      url: 'https://detail.1688.com/offer/712345678.html',
      images: ['https://cbu01.alicdn.com/a.jpg'],
      priceMinMinor: 1250,
      moq: 2,
      unit: '件',
      priceTiers: [{ minQty: 2, priceMinor: 1250 }],
      sales: 12000,
      dropship: true,
    });
    expect(offers[1]).toMatchObject({
      offerId: '712345679',
      title: '夏季宽松上衣',
      priceMinMinor: 880,
      moq: null,
    });
  });

  it('takes each offer once, ignores links elsewhere, and never throws on junk', () => {
    const doc =
      page(`<a href="https://detail.1688.com/offer/1234567.html">A</a><a href="https://detail.1688.com/offer/1234567.html">A again</a>
      <a href="javascript:alert(1)">x</a><a href="https://www.1688.com/">home</a>`);
    expect(readResultsPage(doc).map((o) => o.offerId)).toEqual(['1234567']);
    expect(readResultsPage({} as Document)).toEqual([]);
  });
});
