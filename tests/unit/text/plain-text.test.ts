import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../core/text/plain-text';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/arbitraries';

describe('plainText', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('strips markup and hidden content, decodes entities, collapses whitespace', () => {
    expect(plainText('<b>Big</b>   &amp; <i>bold</i>\n<script>alert(1)</script>Kettle')).toBe(
      'Big & bold Kettle',
    );
    expect(plainText('&lt;img src=x onerror=alert(1)&gt;Name')).toBe('Name');
    expect(plainText('Caf&#233; &#x41; &nbsp;x &quot;q&quot;')).toBe('Café A x "q"');
    expect(plainText('a\u202eb\u200bc\u0000d')).toBe('a b c d');
  });

  it('joins inline markup without a space, as a browser shows it, and separates blocks', () => {
    expect(plainText('<b>粗</b><font color="red">体</font><style>p{}</style>')).toBe('粗体');
    expect(plainText('line one<br>line two<p>three</p>')).toBe('line one line two three');
    expect(plainText('a<!-- note -->b<!DOCTYPE html>c')).toBe('abc');
  });

  it('never leaves an angle bracket (no markup character reaches what we show or store)', () => {
    expect(plainText('Size < 5 cm, > 2 kg')).toBe('Size 5 cm, 2 kg');
    expect(plainText('x &lt;b&gt;bold&lt;/b&gt; y')).toBe('x bold y');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(400), (s, max) => {
        const t = plainText(s, max);
        expect(t).not.toMatch(/[<>]/);
        expect(t.length).toBeLessThanOrEqual(max);
        expect(t).toBe(t.trim());
      }),
      FUZZ_RUNS,
    );
  });

  it('gives "" for nothing, and reads finite numbers', () => {
    expect(plainText('   ')).toBe('');
    expect(plainText(null)).toBe('');
    expect(plainText(Number.NaN)).toBe('');
    expect(plainText({})).toBe('');
    expect(plainText(42)).toBe('42');
  });

  it('cuts at most `max` code units, never half a surrogate pair, with "…" only when asked', () => {
    expect(plainText('x'.repeat(500), 300)).toBe('x'.repeat(300));
    const cut = plainText('x'.repeat(500), 300, { ellipsis: true });
    expect(cut.length).toBe(300);
    expect(cut.endsWith('…')).toBe(true);
    expect(plainText(`${'a'.repeat(99)}😀`, 100)).toBe('a'.repeat(99));
    expect(plainText(`${'a'.repeat(99)}😀`, 101)).toBe(`${'a'.repeat(99)}😀`);
    expect(plainText(`${'a'.repeat(98)}😀b`, 100, { ellipsis: true })).toBe(`${'a'.repeat(98)}…`);
  });
});
