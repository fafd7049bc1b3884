import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../../core/url';

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
});
