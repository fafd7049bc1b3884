import { describe, expect, it } from 'vitest';
import { sourcingSummary } from '../../../core/inquiry/index';
import { formatMoney } from '../../../core/money';
import { offer } from '../../support/builders';

const dress = offer({
  offerId: '600000000001',
  title: '夏季新款 连衣裙 女 雪纺 碎花长裙',
  priceTiers: [
    { minQty: 2, priceMinor: 1500 },
    { minQty: 50, priceMinor: 1200 },
  ],
  moq: 2,
  unit: '件',
  supplier: { name: '义乌市某某服饰厂' },
});
// Intl may put a no-break space between amount and symbol; a chat message gets a plain one.
const price = (minor: number, locale: string) =>
  formatMoney({ minor, currency: 'CNY' }, locale).replace(/\s+/g, ' ');

describe('sourcingSummary', () => {
  it('in English: title, link, price at the quantity, MOQ, supplier', () => {
    expect(sourcingSummary(dress, { language: 'en', quantity: 60 }).split('\n')).toEqual([
      '夏季新款 连衣裙 女 雪纺 碎花长裙',
      'https://detail.1688.com/offer/600000000001.html',
      `Price at 60 pcs: ${price(1200, 'en-US')} each`,
      'MOQ: 2 pcs',
      'Supplier: 义乌市某某服饰厂',
    ]);
  });

  it('in Chinese', () => {
    expect(sourcingSummary(dress, { language: 'zh', quantity: 10 }).split('\n')).toEqual([
      '夏季新款 连衣裙 女 雪纺 碎花长裙',
      'https://detail.1688.com/offer/600000000001.html',
      `10件单价：${price(1500, 'zh-CN')}`,
      '起批量：2件',
      '供应商：义乌市某某服饰厂',
    ]);
  });

  it("writes numbers in the person's locale", () => {
    const text = sourcingSummary(dress, { language: 'en', quantity: 1200, locale: 'de-DE' });
    expect(text).toContain(`Price at 1.200 pcs: ${price(1200, 'de-DE')} each`);
  });

  it('says when the quantity is below the minimum order, or the price is only the lowest listed', () => {
    expect(sourcingSummary(offer({ ...dress, moq: 5 }), { language: 'en', quantity: 3 })).toContain(
      '(below the minimum order)',
    );
    expect(sourcingSummary(offer({ priceMinMinor: 990 }), { language: 'zh', quantity: 3 })).toContain(
      '（页面最低价）',
    );
  });

  it('leaves out what is not known, and asks for a price it does not have', () => {
    const bare = offer({ title: '收纳盒', url: 'javascript:alert(1)' });
    expect(sourcingSummary(bare, { language: 'en', quantity: 5 })).toBe('收纳盒\nPrice: ask the supplier');
    expect(sourcingSummary(bare, { language: 'zh', quantity: 5 })).toBe('收纳盒\n单价：需询价');
  });

  it('is plain text: markup and links from the page are not carried', () => {
    const text = sourcingSummary(
      offer({ ...dress, title: '<b>爆款</b> www.x.cn', supplier: { name: 'A&amp;B <i>厂</i>' } }),
      {
        language: 'en',
        quantity: 60,
      },
    );
    expect(text).not.toMatch(/[<>]|www\./);
    expect(text).toContain('Supplier: A&B 厂');
  });
});
