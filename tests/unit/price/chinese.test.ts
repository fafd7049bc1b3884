import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../core/price';

const p = (text: string) => {
  const r = parsePrice(text);
  return [r.amount, r.max ?? null, r.currency];
};

describe('Chinese prices', () => {
  it.each([
    ['¥12.50', '12.50', null, 'CNY'],
    ['￥１２．５０', '12.50', null, 'CNY'],
    ['12.50元', '12.50', null, 'CNY'],
    ['RMB 99', '99', null, 'CNY'],
    ['券后¥9.9', '9.9', null, 'CNY'],
    ['¥39起', '39', null, 'CNY'],
    ['券后价 ¥ 128.00 起', '128.00', null, 'CNY'],
    ['22000.00元/台', '22000.00', null, 'CNY'],
    ['3万元', '30000', null, 'CNY'],
    ['¥1.2万', '12000', null, 'CNY'],
    ['１．２万元', '12000', null, 'CNY'],
    ['1亿', '100000000', null, null],
    ['4.287亿美元', '428700000', null, 'USD'],
    ['4,287亿元', '428700000000', null, 'CNY'],
    ['新台币 177.1 亿元', '17710000000', null, 'TWD'],
    ['2963日元', '2963', null, 'JPY'],
  ])('%j', (text, amount, max, currency) => {
    expect(p(text)).toEqual([amount, max, currency]);
  });

  it('reads Chinese numerals, financial and traditional forms', () => {
    expect(p('三百万')).toEqual(['3000000', null, null]);
    expect(p('肆佰叁拾萬圆整')).toEqual(['4300000', null, 'CNY']);
    expect(p('壹万二千三百四十五元')).toEqual(['12345', null, 'CNY']);
    expect(p('一万二')).toEqual(['12000', null, null]);
    expect(p('一百零五元')).toEqual(['105', null, 'CNY']);
    expect(p('两个亿卢布')).toEqual(['200000000', null, 'RUB']);
    expect(p('3千万亿日元')).toEqual(['3000000000000000', null, 'JPY']);
  });

  it('reads yuan subunits', () => {
    expect(p('六十四万零一百四十三元一角七分')).toEqual(['640143.17', null, 'CNY']);
    expect(p('十块三毛')).toEqual(['10.3', null, 'CNY']);
    expect(p('三块五')).toEqual(['3.5', null, 'CNY']);
    expect(p('五毛钱')).toEqual(['0.5', null, null]);
  });

  it('reads vague amounts as ranges', () => {
    expect(p('3000多欧元')).toEqual(['3000', '4000', 'EUR']);
    expect(p('十几块钱')).toEqual(['10', '20', 'CNY']);
    expect(p('几十万块')).toEqual(['100000', '1000000', 'CNY']);
    expect(p('八九亿韩元')).toEqual(['800000000', '900000000', 'KRW']);
    expect(p('三五百块')).toEqual(['300', '500', 'CNY']);
  });

  it('reads ranges and lets a bare lower end borrow the unit', () => {
    expect(p('¥12.50-18.00')).toEqual(['12.50', '18.00', 'CNY']);
    expect(p('12.50至18.00')).toEqual(['12.50', '18.00', null]);
    expect(p('2.30-20.52')).toEqual(['2.30', '20.52', null]);
    expect(p('1万(含)-5万元')).toEqual(['10000', '50000', 'CNY']);
    expect(p('两到三万港元')).toEqual(['20000', '30000', 'HKD']);
    expect(p('10~15k元')).toEqual(['10000', '15000', 'CNY']);
    expect(p('从8500到3万港元')).toEqual(['8500', '30000', 'HKD']);
  });

  it('does not take Chinese words for numbers', () => {
    expect(p('一件代发 ¥25')).toEqual(['25', null, 'CNY']);
    expect(p('统一零售价')).toEqual([null, null, null]);
  });

  it('prefers a specific currency word over a lone 元', () => {
    expect(p('港币两千九百六十元')).toEqual(['2960', null, 'HKD']);
    expect(p('两千九百六十元港币')).toEqual(['2960', null, 'HKD']);
  });
});
