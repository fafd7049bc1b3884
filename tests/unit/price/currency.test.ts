import { describe, expect, it } from 'vitest';
import { currencyFromText, type PriceContext, parsePrice } from '../../../core/price';

const cur = (text: string, ctx?: PriceContext) => {
  const p = parsePrice(text, ctx);
  return [p.currencyText, p.currency];
};

describe('currency symbols and codes', () => {
  it.each([
    ['US$ 5', 'US$', 'USD'],
    ['C$5', 'C$', 'CAD'],
    ['CA$1.23', 'CA$', 'CAD'],
    ['A$190.00', 'A$', 'AUD'],
    ['AU $59.95', 'AU $', 'AUD'],
    ['R$ 1.500,00', 'R$', 'BRL'],
    ['45,00 zł', 'zł', 'PLN'],
    ['299 Kč', 'Kč', 'CZK'],
    ['5 450 руб.', 'руб.', 'RUB'],
    ['1128240 рублей', 'руб', 'RUB'],
    ['1 ₽', '₽', 'RUB'],
    ['₹ 4649', '₹', 'INR'],
    ['₩5,000', '₩', 'KRW'],
    ['€ 11.69', '€', 'EUR'],
    ['£14.99', '£', 'GBP'],
    ['199.90 Fr.', 'Fr.', 'CHF'],
    ['99,00 lei', 'lei', 'RON'],
    ['10,75 TL', 'TL', 'TRY'],
    ['1 ₺', '₺', 'TRY'],
    ['฿ 3.3900', '฿', 'THB'],
    ['8.000.000 ₫', '₫', 'VND'],
    ['1 RM', 'RM', 'MYR'],
    ['Rp 350.000', 'Rp', 'IDR'],
    ['HK$5', 'HK$', 'HKD'],
    ['NT$ 1,160', 'NT$', 'TWD'],
    ['S$5', 'S$', 'SGD'],
    ['3,500円', '円', 'JPY'],
    ['12.50元', '元', 'CNY'],
    ['RMB 12.50', 'RMB', 'CNY'],
    ['CNY 99', 'CNY', 'CNY'],
    ['14.00 SGD / Each', 'SGD', 'SGD'],
    ['SGD4.90 $', 'SGD', 'SGD'],
    ['NZD $100.70', 'NZD', 'NZD'],
    ['SGD$4.90', 'SGD', 'SGD'],
    ['$ SGD4.90', 'SGD', 'SGD'],
    ['MXN$5', '$', 'MXN'],
    ['140,00 pln', 'pln', 'PLN'],
    ['र24,401', 'र', 'INR'],
    ['تومان56,000', 'تومان', null],
    ['61.858 L', 'L', null],
    ['£94.50 GBP', '£', 'GBP'],
    ['R273.00', 'R', 'ZAR'],
  ])('%j → %s / %s', (text, written, iso) => {
    expect(cur(text)).toEqual([written, iso]);
  });

  it('reports the currency exactly as written, full-width included', () => {
    expect(cur('￥１２．５０')).toEqual(['￥', 'CNY']);
    expect(cur('Price: ＄１，２３４．５６')).toEqual(['＄', 'USD']);
  });

  it('reads codes and abbreviations only next to a number', () => {
    expect(cur('ALL SALE ITEMS 9.99')).toEqual([null, null]);
    expect(cur('Pure & IP BP Ph. Eur. USP')).toEqual([null, null]);
    expect(cur('Cena 283,50 PLN')).toEqual(['PLN', 'PLN']);
  });

  it('reads the currency from the hint when there is no price text', () => {
    expect(parsePrice(null, { currencyHint: 'EUR' })).toEqual({
      amount: null,
      currency: 'EUR',
      currencyText: 'EUR',
      max: null,
    });
  });

  it('falls back to the hint, codes included', () => {
    expect(cur('28', { currencyHint: '$' })).toEqual(['$', 'USD']);
    expect(cur('5 799,00', { currencyHint: 'Pris NOK 1 999,00' })).toEqual(['NOK', 'NOK']);
    expect(cur('3,20 €', { currencyHint: '$' })).toEqual(['€', 'EUR']);
    expect(cur('89.99', { currencyHint: 'Price' })).toEqual([null, null]);
  });

  it('uses domain and locale to settle $', () => {
    expect(cur('$5')).toEqual(['$', 'USD']);
    expect(cur('$5', { hostname: 'www.amazon.ca' })).toEqual(['$', 'CAD']);
    expect(cur('$5', { locale: 'en-AU' })).toEqual(['$', 'AUD']);
    expect(cur('$5', { hostname: 'shop.co.nz' })).toEqual(['$', 'NZD']);
    expect(cur('$5', { locale: 'es-MX' })).toEqual(['$', 'MXN']);
    expect(cur('$5 CAD')).toEqual(['CAD', 'CAD']);
  });

  it('uses domain and locale to settle kr, and leaves it open without them', () => {
    expect(cur('7 990 kr')).toEqual(['kr', null]);
    expect(cur('7 990 kr', { locale: 'sv-SE' })).toEqual(['kr', 'SEK']);
    expect(cur('7 990 kr', { hostname: 'www.komplett.no' })).toEqual(['kr', 'NOK']);
    expect(cur('7 990 kr.', { locale: 'da' })).toEqual(['kr.', 'DKK']);
    expect(cur('7 990 kr', { hostname: 'elko.is' })).toEqual(['kr', 'ISK']);
  });

  it('reads ¥ as yen on Japanese pages and as yuan elsewhere', () => {
    expect(cur('¥500')).toEqual(['¥', 'CNY']);
    expect(cur('¥500', { hostname: 'www.amazon.co.jp' })).toEqual(['¥', 'JPY']);
    expect(cur('￥500', { locale: 'ja' })).toEqual(['￥', 'JPY']);
    expect(cur('¥500', { locale: 'zh-CN', hostname: 'item.taobao.com' })).toEqual(['¥', 'CNY']);
    expect(cur('¥500', { hostname: 'shop.cn', locale: 'ja' })).toEqual(['¥', 'CNY']);
    expect(cur('¥500', { currencyHint: 'JPY' })).toEqual(['¥', 'JPY']);
    expect(cur('500円', { hostname: 'item.taobao.com' })).toEqual(['円', 'JPY']);
    expect(cur('500元', { hostname: 'www.amazon.co.jp' })).toEqual(['元', 'CNY']);
  });

  it('currencyFromText maps symbols and codes with the same tie-breaks', () => {
    expect(currencyFromText('€')).toBe('EUR');
    expect(currencyFromText('usd')).toBe('USD');
    expect(currencyFromText('R$')).toBe('BRL');
    expect(currencyFromText('руб.')).toBe('RUB');
    expect(currencyFromText('kr', { locale: 'nb-NO' })).toBe('NOK');
    expect(currencyFromText('kr')).toBeNull();
    expect(currencyFromText('¥', { hostname: 'www.rakuten.co.jp' })).toBe('JPY');
    expect(currencyFromText('¥')).toBe('CNY');
    expect(currencyFromText('$', { currencyHint: 'CAD' })).toBe('CAD');
    expect(currencyFromText('nothing here')).toBeNull();
    expect(currencyFromText(null)).toBeNull();
  });

  it('recognises every ISO 4217 code written in capitals, current and retired', () => {
    // The parser's code list is partly implied by its symbol table: this keeps the full list checked.
    const codes =
      'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD ' +
      'CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF ' +
      'GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK ' +
      'LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR ' +
      'PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC ' +
      'SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ' +
      'ZAR ZMW ZWG ZWL ATS BEF CYP DEM EEK ESP FIM FRF GRD IEP ITL LTL LUF LVL MTL NLG PTE SIT SKK BYR MRO STD ' +
      'VEF GHC MZM TRL ROL RUR ZWD CSD SDD';
    for (const code of codes.split(' ')) expect(cur(`12.50 ${code}`), code).toEqual([code, code]);
  });
});
