import { describe, expect, it } from 'vitest';
import { decodeHtml, prescanEncoding, sniffHtmlEncoding } from '../../../core/text/charset';

const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
// "你好，乳白杯" in GBK, as a 2020 Taobao item page sends it.
const GBK_TEXT = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xc8, 0xe9, 0xb0, 0xd7, 0xb1, 0xad]);

describe('sniffHtmlEncoding', () => {
  it('reads a page declared charset=gbk right', () => {
    const page = concat(
      ascii('<!doctype html><html><head><meta charset="gbk"><title>'),
      GBK_TEXT,
      ascii('</title>'),
    );
    expect(sniffHtmlEncoding(page)).toEqual({ encoding: 'gbk', source: 'meta' });
    expect(decodeHtml(page)).toContain('<title>你好，乳白杯</title>');
  });

  it('reads the http-equiv Content-Type declaration, which needs the pragma', () => {
    const declared = (meta: string) => ascii(`<html><head>${meta}</head></html>`);
    expect(
      prescanEncoding(declared('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')),
    ).toBe('shift_jis');
    expect(prescanEncoding(declared("<META content='text/html;charset=big5' HTTP-EQUIV=content-type>"))).toBe(
      'big5',
    );
    // A content attribute without the http-equiv pragma declares nothing.
    expect(prescanEncoding(declared('<meta name="x" content="text/html; charset=gbk">'))).toBeNull();
  });

  it('takes the first usable declaration, skipping comments, unknown labels and other tags', () => {
    const page = ascii(
      '<!-- <meta charset="koi8-r"> --><div title="<meta charset=big5>"></div>' +
        '<meta charset="no-such-encoding"><meta charset=\'windows-1251\'><meta charset="gbk">',
    );
    expect(prescanEncoding(page)).toBe('windows-1251');
  });

  it('looks only at the first 1024 bytes, as browsers do', () => {
    const late = ascii(`<html><head>${' '.repeat(1100)}<meta charset="gbk"></head>`);
    expect(sniffHtmlEncoding(late)).toEqual({ encoding: 'utf-8', source: 'default' });
  });

  it('puts the byte-order mark first, then the transport, then the page', () => {
    const meta = ascii('<meta charset="gbk">é');
    expect(sniffHtmlEncoding(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), meta))).toEqual({
      encoding: 'utf-8',
      source: 'bom',
    });
    expect(sniffHtmlEncoding(meta, 'cp1252')).toEqual({ encoding: 'windows-1252', source: 'transport' });
    expect(sniffHtmlEncoding(meta, 'not-a-label')).toEqual({ encoding: 'gbk', source: 'meta' });
    expect(decodeHtml(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), ascii('<p>é</p>')))).toBe('<p>é</p>');
  });

  it('maps labels as the standard does (latin1 is windows-1252; UTF-16 in a meta tag is UTF-8)', () => {
    expect(prescanEncoding(ascii('<meta charset="iso-8859-1">'))).toBe('windows-1252');
    expect(prescanEncoding(ascii('<meta charset="utf-16">'))).toBe('utf-8');
    expect(decodeHtml(Uint8Array.from([...ascii('<meta charset="latin1">'), 0x93, 0x41, 0x94]))).toBe(
      '<meta charset="latin1">“A”',
    );
  });

  it('reads an undeclared page that is not UTF-8 as windows-1252 rather than as replacement characters', () => {
    expect(decodeHtml(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toBe('Café');
    expect(decodeHtml(ascii('<p>Café</p>'))).toBe('<p>Café</p>');
  });
});
