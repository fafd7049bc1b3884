import { describe, expect, it } from 'vitest';
import { urlSku } from '../../../core/detect/url';

describe('urlSku', () => {
  it('reads the id a URL carries', () => {
    expect(urlSku('https://www.johnlewis.com/ridleys-puzzle/p3897500')).toBe('3897500');
    expect(urlSku('https://kids.1k.by/x/BabyBjorn_One-987929.html')).toBe('987929');
    expect(urlSku('http://www.tmon.co.kr/deal/4548094738')).toBe('4548094738');
    expect(urlSku('https://www.gomaji.com/store/36064?pid=262388')).toBe('262388');
    expect(urlSku('https://www.pcstore.com.tw/powerbus/M14876706.htm')).toBe('M14876706');
    expect(urlSku('https://shop.example/blog/how-to-choose-a-kettle')).toBeNull();
    expect(urlSku('not a url')).toBeNull();
  });
});
