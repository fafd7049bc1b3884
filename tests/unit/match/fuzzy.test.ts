import { describe, expect, it } from 'vitest';
import { canonicalOfferUrl, FuzzyIndex, shortlist } from '../../../core/match/fuzzy';

const items = [
  {
    id: '1688:655',
    url: 'https://detail.1688.com/offer/655.html?spm=a1',
    title: '无线蓝牙耳机 入耳式 运动 TWS-X8',
    shop: '深圳电子',
  },
  { id: '1688:2', title: '304不锈钢保温杯 500ml 大容量', shop: '永康杯业' },
  { id: '1688:3', title: 'Sony WH-1000XM4 Wireless Headphones Black' },
  { id: '1688:4', title: 'USB-C Charging Cable 1m braided' },
];

describe('canonicalOfferUrl', () => {
  it('collapses 1688 and Taobao item addresses to ids', () => {
    expect(canonicalOfferUrl('https://detail.1688.com/offer/655.html?spm=a1#x')).toBe('1688:655');
    expect(canonicalOfferUrl('https://m.1688.com/offer/655.html')).toBe('1688:655');
    expect(canonicalOfferUrl('https://item.taobao.com/item.htm?id=123&spm=x')).toBe('taobao:123');
    expect(canonicalOfferUrl('https://detail.tmall.com/item.htm?id=123')).toBe('taobao:123');
  });

  it('strips query, fragment, www and trailing slash elsewhere', () => {
    expect(canonicalOfferUrl('HTTPS://WWW.Example.com/p/1/?utm=1#top')).toBe('example.com/p/1');
    expect(canonicalOfferUrl('not a url at all')).toBe('not a url at all');
  });
});

describe('FuzzyIndex', () => {
  const index = new FuzzyIndex(items);

  it('shortlists by normalised title', () => {
    const hits = index.shortlist('保温杯 500毫升', 3);
    expect(hits[0]?.item.id).toBe('1688:2');
    expect(hits[0]?.similarity).toBeGreaterThan(0.5);
    expect(index.shortlist('wh1000xm4 headphones')[0]?.item.id).toBe('1688:3');
    expect(index.shortlist('')).toEqual([]);
    expect(shortlist('usb c cable', items)[0]?.item.id).toBe('1688:4');
  });

  it('recognises a seen offer by id, URL or near-identical title', () => {
    expect(index.findSeen({ id: '1688:3', title: 'x' })?.by).toBe('id');
    expect(index.findSeen({ url: 'https://m.1688.com/offer/655.html', title: 'x' })?.item.id).toBe(
      '1688:655',
    );
    const trad = index.findSeen({ title: '３０４不銹鋼保溫杯 500ML 大容量', shop: '永康杯業' });
    expect(trad?.item.id).toBe('1688:2');
    expect(index.findSeen({ title: 'Sony WH-1000XM4 Wireless Headphones, Black' })?.item.id).toBe('1688:3');
  });

  it('does not confuse different sizes, models or shops', () => {
    expect(index.findSeen({ title: 'USB-C Charging Cable 2m braided' })).toBeNull();
    expect(index.findSeen({ title: 'Sony WH-1000XM3 Wireless Headphones Black' })).toBeNull();
    expect(index.findSeen({ title: '304不锈钢保温杯 500ml 大容量', shop: '别的店' })).toBeNull();
  });

  it('supports add and remove', () => {
    const idx = new FuzzyIndex(items);
    idx.add({ id: 'x', title: 'Logitech M185 wireless mouse' });
    expect(idx.size).toBe(5);
    expect(idx.shortlist('logitech mouse')[0]?.item.id).toBe('x');
    expect(idx.remove((i) => i.id === 'x')).toHaveLength(1);
    expect(idx.size).toBe(4);
    expect(idx.findSeen({ id: 'x', title: 'Logitech M185 wireless mouse' })).toBeNull();
  });
});
