import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProduct } from '../../../core/detect';
import { readAlibabaItem } from '../../../core/detect/adapters/taobao';
import { decodeHtml } from '../../../core/text/charset';
import { doc, FIXTURES, fixtureDoc } from './helpers';

// A 2020 desktop Taobao item page: served as GBK, its data in the `g_config` script literal with the title
// written in \uXXXX escapes (see tests/fixtures/pages/PROVENANCE.md).
const PAGE = join(FIXTURES, 'taobao', 'g-config-escaped-gbk.html');
const URL = 'https://item.taobao.com/item.htm?id=612345678901';
const TITLE = '乳白色陶瓷马克杯 大容量办公室水杯 带盖勺';

describe('Taobao g_config pages', () => {
  it('decodes the JavaScript escapes of the title, never reports them as text', () => {
    const r = readAlibabaItem(fixtureDoc(PAGE), URL);
    expect(r?.title).toBe(TITLE);
    expect(r?.itemId).toBe('612345678901');
    expect(r?.images?.[0]).toBe(
      'https://img.alicdn.com/imgextra/i1/2201234567/O1CN01aBcDeF1abcdEFGhij_!!2201234567.jpg',
    );
    const p = detectProduct(fixtureDoc(PAGE), URL);
    expect(p?.title).toBe(TITLE);
    expect(p?.title).not.toContain('\\u');
  });

  it('reads the page by its declared charset (gbk), not as UTF-8', () => {
    const bytes = readFileSync(PAGE);
    expect(decodeHtml(bytes)).toContain(`<title>${TITLE}-淘宝网</title>`);
    // The same bytes read as UTF-8 are not the page's text: the declaration is what makes it right.
    expect(decodeHtml(bytes, 'utf-8')).not.toContain(TITLE);
    expect(detectProduct(doc(decodeHtml(bytes)), URL)?.price).toEqual({ minor: 3900, currency: 'CNY' });
  });
});
