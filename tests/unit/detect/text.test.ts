import { describe, expect, it } from 'vitest';
import { fieldText, textOf } from '../../../core/detect/text';
import { doc } from './helpers';

// Text sanitising itself is tested with core/text (tests/unit/text/plain-text.test.ts); here, the detector's
// field convention on top of it: "…" where cut, null when nothing is left.
describe('fieldText', () => {
  it('strips markup and scripts, decodes entities, collapses whitespace', () => {
    expect(fieldText('<b>Big</b>   &amp; <i>bold</i>\n<script>alert(1)</script>Kettle', 100)).toBe(
      'Big & bold Kettle',
    );
    expect(fieldText('&lt;img src=x onerror=alert(1)&gt;Name', 100)).toBe('Name');
    expect(fieldText('Caf&#233; &#x41; &nbsp;x &quot;q&quot;', 100)).toBe('Café A x "q"');
    expect(fieldText('a\u202eb\u200bc\u0000d', 100)).toBe('a b c d');
    expect(fieldText('   ', 100)).toBeNull();
    expect(fieldText(null, 100)).toBeNull();
    expect(fieldText(42, 100)).toBe('42');
  });

  it('caps the length', () => {
    const t = fieldText('x'.repeat(500), 300) as string;
    expect(t.length).toBe(300);
    expect(t.endsWith('…')).toBe(true);
    expect(fieldText(`${'a'.repeat(99)}😀`, 100)?.length).toBeLessThanOrEqual(100);
  });
});

describe('textOf', () => {
  it("reads an element's visible text as a field", () => {
    const d = doc('<h1> Big <b>Kettle</b>\n &amp; cup</h1><p> </p>');
    expect(textOf(d.querySelector('h1'))).toBe('Big Kettle & cup');
    expect(textOf(d.querySelector('p'))).toBeNull();
    expect(textOf(null)).toBeNull();
  });
});
