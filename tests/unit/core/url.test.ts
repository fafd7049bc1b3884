import { describe, expect, it } from 'vitest';
import { httpsUrl, safeHttpUrl, siteOfHost } from '../../../core/url';

describe('safeHttpUrl', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['HTTP://A.example', 'http://a.example/'],
    ['  https://a.example/y  ', 'https://a.example/y'],
  ])('keeps %j', (input, out) => expect(safeHttpUrl(input)).toBe(out));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<b>',
    'file:///etc/passwd',
    'chrome://settings',
    '',
    'not a url',
    42,
    null,
  ])('refuses %j', (input) => expect(safeHttpUrl(input)).toBeNull());

  it('resolves relative and protocol-relative URLs against a base', () => {
    expect(safeHttpUrl('//img.alicdn.com/a.jpg', 'https://item.taobao.com/item.htm')).toBe(
      'https://img.alicdn.com/a.jpg',
    );
    expect(safeHttpUrl('/p/2', 'https://shop.example/p/1')).toBe('https://shop.example/p/2');
  });

  // Formerly the detector's absUrl: the same function now.
  it('resolves relative URLs and keeps only http(s)', () => {
    expect(safeHttpUrl('/a.jpg', 'https://s.example/p/1')).toBe('https://s.example/a.jpg');
    expect(safeHttpUrl('//cdn.example/a.jpg', 'https://s.example/')).toBe('https://cdn.example/a.jpg');
    expect(safeHttpUrl(' javascript:alert(1)', 'https://s.example/')).toBeNull();
    expect(safeHttpUrl('java\nscript:alert(1)', 'https://s.example/')).toBeNull();
    expect(safeHttpUrl('data:image/png;base64,AAAA', 'https://s.example/')).toBeNull();
    expect(safeHttpUrl('blob:https://s.example/1', 'https://s.example/')).toBeNull();
    expect(safeHttpUrl(`https://s.example/${'a'.repeat(3000)}`, 'https://s.example/')).toBeNull();
    expect(safeHttpUrl(42, 'https://s.example/')).toBeNull();
  });
});

describe('httpsUrl', () => {
  it('upgrades what source data writes to https and decodes entities', () => {
    expect(httpsUrl('//cbu01.alicdn.com/img/1.jpg')).toBe('https://cbu01.alicdn.com/img/1.jpg');
    expect(httpsUrl('http://shop1.1688.com/')).toBe('https://shop1.1688.com/');
    expect(httpsUrl(' https://detail.1688.com/offer/1.html?a=1&amp;b=2 ')).toBe(
      'https://detail.1688.com/offer/1.html?a=1&b=2',
    );
  });

  it('refuses relative paths, other schemes, credentials and junk', () => {
    for (const bad of [
      '/offer/1.html',
      'javascript:alert(1)',
      'ftp://x.example/',
      'https://u:p@x.example/',
      '',
      42,
      null,
    ])
      expect(httpsUrl(bad), String(bad)).toBeNull();
  });
});

describe('siteOfHost', () => {
  it('keeps the registrable part', () => {
    expect(siteOfHost('www.argos.co.uk')).toBe('argos.co.uk');
    expect(siteOfHost('shop.example.com')).toBe('example.com');
  });
});
