import { describe, expect, it } from 'vitest';
import { absUrl, cleanText, decodeEntities, siteOf } from '../../../core/detect/text';
import { urlSku } from '../../../core/detect/url';

describe('cleanText', () => {
  it('strips markup and scripts, decodes entities, collapses whitespace', () => {
    expect(cleanText('<b>Big</b>   &amp; <i>bold</i>\n<script>alert(1)</script>Kettle')).toBe(
      'Big & bold Kettle',
    );
    expect(cleanText('&lt;img src=x onerror=alert(1)&gt;Name')).toBe('Name');
    expect(cleanText('Caf&#233; &#x41; &nbsp;x &quot;q&quot;')).toBe('Café A x "q"');
    expect(cleanText('a\u202eb\u200bc\u0000d')).toBe('a b c d');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(null)).toBeNull();
    expect(cleanText(42)).toBe('42');
  });

  it('caps the length', () => {
    const t = cleanText('x'.repeat(500), 300) as string;
    expect(t.length).toBe(300);
    expect(t.endsWith('…')).toBe(true);
    expect(cleanText(`${'a'.repeat(99)}😀`, 100)?.length).toBeLessThanOrEqual(100);
  });

  it('decodes numeric entities safely', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('   ');
  });
});

describe('absUrl', () => {
  it('resolves relative URLs and keeps only http(s)', () => {
    expect(absUrl('/a.jpg', 'https://s.example/p/1')).toBe('https://s.example/a.jpg');
    expect(absUrl('//cdn.example/a.jpg', 'https://s.example/')).toBe('https://cdn.example/a.jpg');
    expect(absUrl(' javascript:alert(1)', 'https://s.example/')).toBeNull();
    expect(absUrl('java\nscript:alert(1)', 'https://s.example/')).toBeNull();
    expect(absUrl('data:image/png;base64,AAAA', 'https://s.example/')).toBeNull();
    expect(absUrl('blob:https://s.example/1', 'https://s.example/')).toBeNull();
    expect(absUrl(`https://s.example/${'a'.repeat(3000)}`, 'https://s.example/')).toBeNull();
    expect(absUrl(42, 'https://s.example/')).toBeNull();
  });
});

describe('siteOf', () => {
  it('keeps the registrable part', () => {
    expect(siteOf('www.argos.co.uk')).toBe('argos.co.uk');
    expect(siteOf('shop.example.com')).toBe('example.com');
  });
});

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
