import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  chineseQuery,
  glossaryQuery,
  isChineseTitle,
  singulars,
} from '../../../core/sources/query';
import { GLOSSARY_ENTRIES, glossary } from '../../../core/sources/query/glossary';

describe('glossary', () => {
  it('has at least 500 entries and no duplicate keys', () => {
    expect(GLOSSARY_ENTRIES.length).toBeGreaterThanOrEqual(500);
    const keys = GLOSSARY_ENTRIES.map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    expect(glossary().size).toBe(keys.length);
  });

  it('keys are lower case and values are non-empty Chinese or brand-like keywords', () => {
    for (const [en, zh] of GLOSSARY_ENTRIES) {
      expect(en, en).toBe(en.toLowerCase().trim());
      expect(zh.trim().length, en).toBeGreaterThan(0);
    }
  });

  it('covers the categories the product needs', () => {
    const g = glossary();
    for (const [en, zh] of [
      ['phone case', '手机壳'],
      ['yoga pants', '瑜伽裤'],
      ['dress', '连衣裙'],
      ['necklace', '项链'],
      ['pillow', '枕头'],
      ['frying pan', '平底锅'],
      ['lipstick', '口红'],
      ['power bank', '充电宝'],
      ['plush toy', '毛绒玩具'],
      ['dog leash', '狗牵引绳'],
      ['yoga mat', '瑜伽垫'],
      ['notebook', '笔记本'],
      ['screwdriver', '螺丝刀'],
      ['car seat cover', '汽车座套'],
      ['pacifier', '安抚奶嘴'],
    ]) {
      expect(g.get(en as string), en).toBe(zh);
    }
  });
});

describe('Chinese titles', () => {
  it('are recognised', () => {
    expect(isChineseTitle('手机壳适用苹果15')).toBe(true);
    expect(isChineseTitle('iPhone 15 Pro Max Case 手')).toBe(false);
    expect(isChineseTitle('Phone case')).toBe(false);
  });

  it('lose marketing words, years and shop names, keep nouns and specs', () => {
    expect(chineseQuery('2024新款ins网红同款手机壳适用苹果15防摔硅胶保护套')).toBe(
      '手机壳苹果15防摔硅胶保护套',
    );
    expect(chineseQuery('味其食核桃芝麻黑豆粉以黑养黑3罐装早餐粉正品官方旗舰店')).toBe(
      '味其食核桃芝麻黑豆粉以黑养黑3罐装早餐粉',
    );
    expect(chineseQuery('【包邮】夏季新款韩版宽松短袖T恤女')).toBe('宽松短袖T恤女');
    expect(chineseQuery('XX旗舰店 纯棉毛巾 2025年 爆款 特价清仓')).toBe('纯棉毛巾');
    expect(chineseQuery('南方黑芝麻糊原味720g*2袋 黑芝麻糊营养早餐冲饮冲调芝麻糊包邮')).toBe(
      '南方黑芝麻糊原味720g 2袋 黑芝麻糊营养早餐冲饮冲调芝麻糊',
    );
  });

  it('build a zh query that does not prefer image search', () => {
    expect(buildQuery('2025新款爆款瑜伽裤女高腰')).toEqual({
      query: '瑜伽裤女高腰',
      language: 'zh',
      preferImageSearch: false,
    });
  });

  it('bound the length', () => {
    const long = Array.from({ length: 20 }, (_, i) => `商品名称${i}`).join(' ');
    expect(Array.from(chineseQuery(long).replace(/ /g, '')).length).toBeLessThanOrEqual(30);
  });
});

describe('other languages through the glossary', () => {
  it('longest phrase first, plurals folded', () => {
    expect(glossaryQuery('Yoga Pants')).toBe('瑜伽裤');
    expect(glossaryQuery('Silicone Phone Cases')).toBe('硅胶 手机壳');
    expect(glossaryQuery('Stainless Steel Insulated Water Bottles 500ml')).toBe('不锈钢 保温 水杯 500ml');
    expect(glossaryQuery('Wine Glasses')).toBe('红酒杯');
    expect(glossaryQuery('kitchen knives')).toBe('菜刀');
    expect(glossaryQuery('Phone Case for iPhone 15')).toBe('手机壳 苹果 15');
    expect(glossaryQuery("Women's T-Shirts")).toBe('女 T恤');
  });

  it('fold plurals', () => {
    expect(singulars('boxes')).toContain('box');
    expect(singulars('berries')).toContain('berry');
    expect(singulars('knives')).toContain('knife');
    expect(singulars('glass')).toEqual([]);
  });

  it('prefer image search, and fall back to the title when nothing maps', () => {
    expect(buildQuery('Wireless Earbuds')).toEqual({
      query: '无线蓝牙耳机',
      language: 'other',
      preferImageSearch: true,
    });
    expect(buildQuery('Qwzx Blorp')).toEqual({
      query: 'Qwzx Blorp',
      language: 'other',
      preferImageSearch: true,
    });
  });
});
