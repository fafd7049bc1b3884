import { describe, expect, it } from 'vitest';
import {
  composeChinese,
  composeEnglish,
  composeInquiry,
  DEFAULT_TEMPLATES,
  type InquiryRequest,
  resolveTemplates,
} from '../../../core/inquiry/index';
import { tierPriceAt } from '../../../core/match/margin';
import { formatMoney } from '../../../core/money';
import { offer } from '../../support/builders';

// Prices are written by Intl for the message's language; the expected text is made the same way, so the tests
// check where the price comes from and where it goes, not one ICU version's symbols.
const cny = (minor: number, locale = 'zh-CN') => formatMoney({ minor, currency: 'CNY' }, locale);
const usd = (minor: number) => formatMoney({ minor, currency: 'USD' }, 'en-US');

const tiered = offer({
  offerId: '600000000001',
  title: '夏季新款 连衣裙 女 雪纺 碎花长裙',
  priceTiers: [
    { minQty: 2, priceMinor: 1500 },
    { minQty: 50, priceMinor: 1200 },
    { minQty: 500, priceMinor: 1000 },
  ],
  moq: 2,
  unit: '件',
  supplier: { name: '义乌市某某服饰厂', loginId: 'yiwu_dress' },
});

const everything: InquiryRequest = {
  offer: tiered,
  quantity: 50,
  variant: '黑色>M',
  asks: { dropship: true, samples: true, leadTime: true, customisation: true },
  note: '我们是做直播的\n长期合作',
};

describe('the Chinese message', () => {
  it('asks, line by line, as a buyer writes on 旺旺: quantity, price at that quantity, variant, each ask, the note', () => {
    const { zh } = composeChinese(everything);
    expect(zh.split('\n')).toEqual([
      '您好！',
      '想咨询一下这款：夏季新款 连衣裙 女 雪纺 碎花长裙',
      'https://detail.1688.com/offer/600000000001.html',
      '要的规格：黑色 / M',
      `我这边要50件，页面上这个量是${cny(1200)}/件，还能再优惠点吗？`,
      '支持一件代发吗？',
      '可以先拿个样吗？样品费和运费怎么算？',
      '下单后大概多久能发货？',
      '能定制logo和包装吗？定制的起订量是多少？',
      '我们是做直播的',
      '长期合作',
      '麻烦回复一下，谢谢！',
    ]);
  });

  it('comes with an English gloss of the same lines, in the same order', () => {
    const inquiry = composeInquiry(everything, { language: 'zh' });
    expect(inquiry.gloss?.split('\n')).toHaveLength(inquiry.message.split('\n').length);
    expect(inquiry.lines.map((l) => l.text).join('\n')).toBe(inquiry.message);
    const gloss = (start: string) => inquiry.lines.find((l) => l.gloss?.startsWith(start));
    expect(gloss('Do you offer dropshipping')?.text).toBe('支持一件代发吗？');
    expect(gloss('Can I get a sample')?.text).toBe('可以先拿个样吗？样品费和运费怎么算？');
    expect(gloss('I need 50 pcs')?.gloss).toContain(cny(1200, 'en-US'));
    // The person's own words are glossed as they wrote them.
    expect(gloss('我们是做直播的')?.text).toBe('我们是做直播的');
  });

  it('asks only what the person ticked', () => {
    const { zh } = composeChinese({ offer: tiered, quantity: 50, asks: { samples: true } });
    expect(zh).toContain('拿个样');
    expect(zh).not.toContain('一件代发');
    expect(zh).not.toContain('发货');
    expect(zh).not.toContain('定制');
    expect(zh).not.toContain('规格');
  });

  it("quotes the tier the buyer's quantity falls in, through margin.ts", () => {
    for (const quantity of [2, 49, 50, 499, 500, 20_000]) {
      const price = tierPriceAt(tiered.priceTiers, quantity);
      const { zh } = composeChinese({ offer: tiered, quantity });
      expect(zh, String(quantity)).toContain(`页面上这个量是${cny(price?.priceMinor ?? -1)}/件`);
    }
  });

  it('below the minimum order it asks whether that quantity is possible, and quotes no price', () => {
    const { zh } = composeChinese({ offer: offer({ ...tiered, moq: 10 }), quantity: 3 });
    expect(zh).toContain('看页面是10件起批，3件可以拿吗？');
    expect(zh).toContain('我这边要3件，麻烦报个价。');
    expect(zh).not.toContain('页面上这个量是');
  });

  it('without a price (or in an unknown currency) it asks for one', () => {
    for (const o of [offer({ title: '收纳盒' }), offer({ ...tiered, currency: 'XXX' })]) {
      const { zh } = composeChinese({ offer: o, quantity: 100 });
      expect(zh).toContain('我这边要100件，麻烦报个价。');
      expect(zh).not.toMatch(/页面上这个量是/);
    }
  });

  it('an offer with only a lowest price quotes that price from its MOQ', () => {
    const { zh } = composeChinese({ offer: offer({ priceMinMinor: 880, moq: 3 }), quantity: 10 });
    expect(zh).toContain(`页面上这个量是${cny(880)}/件`);
  });

  it("writes the source's own unit", () => {
    const { zh, gloss } = composeChinese({ offer: offer({ ...tiered, unit: '套' }), quantity: 60 });
    expect(zh).toContain('我这边要60套');
    expect(gloss).toContain('I need 60 sets');
  });

  it('an unusable quantity becomes 1, never an exception', () => {
    for (const quantity of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 2.7]) {
      expect(() => composeChinese({ offer: tiered, quantity })).not.toThrow();
    }
    expect(composeChinese({ offer: tiered, quantity: 2.7 }).zh).toContain('我这边要2件');
    expect(composeChinese({ offer: tiered, quantity: Number.NaN }).zh).toContain('1件可以拿吗');
  });
});

describe('the English message (international suppliers)', () => {
  const alibaba = offer({
    source: 'alibaba',
    offerId: '1600123456789',
    title: 'LED Desk Lamp, Foldable, USB Rechargeable',
    url: 'https://www.alibaba.com/product-detail/LED-Desk-Lamp_1600123456789.html',
    currency: 'USD',
    priceTiers: [
      { minQty: 10, priceMinor: 450 },
      { minQty: 100, priceMinor: 390 },
    ],
    moq: 10,
    unit: 'pieces',
    supplier: { name: 'Ningbo Bright Lighting Co., Ltd.' },
  });

  it('is written in English with the price in US dollars and the page’s own unit', () => {
    const text = composeEnglish({ offer: alibaba, quantity: 200, asks: { samples: true, leadTime: true } });
    expect(text.split('\n')).toEqual([
      'Hello,',
      'I am interested in your product: LED Desk Lamp, Foldable, USB Rechargeable',
      'https://www.alibaba.com/product-detail/LED-Desk-Lamp_1600123456789.html',
      `I would like to order 200 pieces. Your listed price at this quantity is ${usd(390)} each; what is your best price?`,
      'Can you send a sample first? What would the sample and its shipping cost?',
      'What is your lead time after payment?',
      'Looking forward to your reply.',
      'Best regards',
    ]);
  });

  it('has no gloss', () => {
    const inquiry = composeInquiry({ offer: alibaba, quantity: 20 }, { language: 'en' });
    expect(inquiry.gloss).toBeNull();
    expect(inquiry.lines.every((l) => l.gloss === null)).toBe(true);
  });
});

describe('what goes into the message from the page and the person', () => {
  it('one link only, the offer’s own: links in titles, variants and notes are taken out', () => {
    const { zh, gloss } = composeChinese({
      offer: offer({ ...tiered, title: '连衣裙 https://evil.example/x 官网 www.shop.cn 同款 shop.com/p' }),
      quantity: 50,
      variant: 'javascript:alert(1)>M',
      note: '详情见 http://t.cn/abc 谢谢',
    });
    for (const text of [zh, gloss]) {
      expect(text.match(/:\/\//g)).toHaveLength(1);
      expect(text).toContain('https://detail.1688.com/offer/600000000001.html');
      expect(text).not.toMatch(/www\.|javascript:|shop\.com|t\.cn/);
    }
    expect(zh).toContain('连衣裙 官网 同款');
    expect(zh).toContain('详情见 谢谢');
  });

  it('an offer whose link is not http(s) gets no link line', () => {
    const { zh } = composeChinese({ offer: offer({ ...tiered, url: 'javascript:alert(1)' }), quantity: 50 });
    expect(zh).not.toMatch(/javascript|:\/\//);
    expect(zh).toContain('想咨询一下这款');
  });

  it('a title with "{quantity}" in it is not a placeholder', () => {
    const { zh } = composeChinese({
      offer: offer({ ...tiered, title: '套装{quantity}件 {unit}' }),
      quantity: 50,
    });
    expect(zh).toContain('套装(quantity)件 (unit)');
    expect(zh).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('markup in a title is text at most, never markup', () => {
    const { zh } = composeChinese({
      offer: offer({ ...tiered, title: '<b>爆款</b><script>x()</script>&lt;i&gt;新品' }),
      quantity: 50,
    });
    expect(zh).not.toMatch(/[<>]/);
    expect(zh).toContain('爆款');
    expect(zh).not.toContain('x()');
  });

  it('a long title is cut with "…"', () => {
    const { zh } = composeChinese({ offer: offer({ ...tiered, title: '长'.repeat(200) }), quantity: 50 });
    const line = zh.split('\n')[1] ?? '';
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThanOrEqual('想咨询一下这款：'.length + 60);
  });
});

describe('edited templates', () => {
  it('are used in place of the defaults, part by part', () => {
    const templates = resolveTemplates({ zh: { greeting: '老板好～', closing: '谢谢老板' } });
    const { zh } = composeChinese({ offer: tiered, quantity: 50 }, templates);
    expect(zh.split('\n')[0]).toBe('老板好～');
    expect(zh.split('\n').at(-1)).toBe('谢谢老板');
    expect(zh).toContain('想咨询一下这款'); // the parts not edited stay the defaults
  });

  it('an unknown placeholder stays visible as written, so the person sees the mistake', () => {
    const templates = resolveTemplates({ zh: { price: '要{quantiy}{unit}，{priceAtQuantity}，{1bad} {}' } });
    const { zh } = composeChinese({ offer: tiered, quantity: 50 }, templates);
    expect(zh).toContain(`要{quantiy}件，${cny(1200)}，{1bad} {}`);
  });

  it('a line naming a placeholder that has no value is left out', () => {
    const templates = resolveTemplates({ zh: { greeting: '您好，{supplierName}！\n在吗？' } });
    expect(composeChinese({ offer: tiered, quantity: 50 }, templates).zh).toMatch(
      /^您好，义乌市某某服饰厂！\n在吗？\n/,
    );
    const nameless = offer({ ...tiered, supplier: { name: null } });
    expect(composeChinese({ offer: nameless, quantity: 50 }, templates).zh).toMatch(/^在吗？\n/);
  });

  it('an emptied part is left out', () => {
    const templates = resolveTemplates({ zh: { closing: '   ' }, gloss: { closing: '' } });
    const inquiry = composeInquiry({ offer: tiered, quantity: 50 }, { language: 'zh', templates });
    expect(inquiry.message).not.toContain('谢谢');
    expect(inquiry.gloss).not.toContain('thank you');
  });

  it('a placeholder may be used more than once, and a value is never read for placeholders again', () => {
    const templates = resolveTemplates({ en: { greeting: '{note} / {note}' } });
    const text = composeEnglish({ offer: tiered, quantity: 5, note: '{offerUrl}' }, templates);
    expect(text.split('\n')[0]).toBe('(offerUrl) / (offerUrl)');
  });

  it('the defaults name only known placeholders', () => {
    const message = composeChinese(everything, DEFAULT_TEMPLATES);
    expect(`${message.zh}\n${message.gloss}`).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
  });
});
