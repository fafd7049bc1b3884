import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  editsFrom,
  INQUIRY_PARTS,
  INQUIRY_PLACEHOLDERS,
  resolveTemplates,
  TEMPLATE_SETS,
  unknownPlaceholders,
} from '../../../core/inquiry/index';
import { PART_MAX_CHARS, PART_MAX_LINES } from '../../../core/inquiry/templates';

describe('the default templates', () => {
  it('have every part in every set, naming only known placeholders', () => {
    for (const set of TEMPLATE_SETS)
      for (const part of INQUIRY_PARTS) {
        expect(typeof DEFAULT_TEMPLATES[set][part], `${set}.${part}`).toBe('string');
        expect(DEFAULT_TEMPLATES[set][part].trim().length, `${set}.${part} has words`).toBeGreaterThan(0);
        expect(unknownPlaceholders(DEFAULT_TEMPLATES[set][part]), `${set}.${part}`).toEqual([]);
      }
  });

  it('gloss the Chinese line for line', () => {
    for (const part of INQUIRY_PARTS)
      expect(DEFAULT_TEMPLATES.gloss[part].split('\n').length, part).toBe(
        DEFAULT_TEMPLATES.zh[part].split('\n').length,
      );
  });

  it('use every placeholder somewhere but the supplier name (there for edited templates)', () => {
    const all = TEMPLATE_SETS.flatMap((set) =>
      INQUIRY_PARTS.map((part) => DEFAULT_TEMPLATES[set][part]),
    ).join('\n');
    for (const name of INQUIRY_PLACEHOLDERS.filter((n) => n !== 'supplierName'))
      expect(all, name).toContain(`{${name}}`);
  });
});

describe('resolveTemplates: the defaults with the person’s edits over them', () => {
  it('anything that is not an edit gives the defaults, never an exception', () => {
    for (const junk of [
      undefined,
      null,
      0,
      'zh',
      [],
      [{ zh: {} }],
      { zh: 'x' },
      { zh: [] },
      { fr: { greeting: 'x' } },
    ])
      expect(resolveTemplates(junk)).toEqual(DEFAULT_TEMPLATES);
  });

  it('puts each string edit over its part and ignores the rest', () => {
    const t = resolveTemplates({
      zh: { greeting: '老板好', closing: 42, nonsense: 'x' },
      en: { leadTime: 'When can you ship?' },
    });
    expect(t.zh.greeting).toBe('老板好');
    expect(t.zh.closing).toBe(DEFAULT_TEMPLATES.zh.closing);
    expect(t.en.leadTime).toBe('When can you ship?');
    expect(t.gloss).toEqual(DEFAULT_TEMPLATES.gloss);
    expect(Object.keys(t.zh).sort()).toEqual([...INQUIRY_PARTS].sort());
  });

  it('an empty edit leaves the part out', () => {
    expect(resolveTemplates({ zh: { closing: ' \n ' } }).zh.closing).toBe('');
  });

  it('bounds what a stored edit can hold, keeping line breaks and dropping other control characters', () => {
    const t = resolveTemplates({
      zh: {
        note: `${'甲'.repeat(5000)}`,
        closing: Array.from({ length: 50 }, (_, i) => `第${i}行`).join('\n'),
      },
      en: { greeting: 'Hi\u0000\u0007 there\r\nfriend' },
    });
    expect(t.zh.note.length).toBeLessThanOrEqual(PART_MAX_CHARS);
    expect(t.zh.closing.split('\n')).toHaveLength(PART_MAX_LINES);
    expect(t.en.greeting).toBe('Hi there\nfriend');
  });

  it('editsFrom keeps only what differs from the defaults, and resolves back to the same templates', () => {
    const t = resolveTemplates({
      zh: { greeting: '老板好' },
      gloss: { greeting: 'Hi boss' },
      en: { closing: '' },
    });
    const edits = editsFrom(t);
    expect(edits).toEqual({
      zh: { greeting: '老板好' },
      gloss: { greeting: 'Hi boss' },
      en: { closing: '' },
    });
    expect(resolveTemplates(edits)).toEqual(t);
    expect(editsFrom(DEFAULT_TEMPLATES)).toEqual({});
  });
});

describe('unknownPlaceholders', () => {
  it('lists the {names} that are not placeholders, once each, in order', () => {
    expect(unknownPlaceholders('要{quantiy}{unit}，{price} {quantiy} {offerUrl} {} {1x}')).toEqual([
      '{quantiy}',
      '{price}',
    ]);
  });
});
