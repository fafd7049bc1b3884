import { describe, expect, it } from 'vitest';
import {
  foldWidth,
  normalizeText,
  normalizeUnits,
  toSimplified,
  tradSimpTableSize,
} from '../../../core/match/normalize';

describe('foldWidth / normalizeText', () => {
  it('folds full-width letters, digits and punctuation (NFKC) and lower-cases', () => {
    expect(foldWidth('ＷＨ－１０００ＸＭ４')).toBe('WH-1000XM4');
    expect(normalizeText('ＳＯＮＹ　ＷＨ－１０００ＸＭ４')).toBe('sony wh-1000xm4');
  });

  it('collapses whitespace and trims', () => {
    expect(normalizeText('  Apple \t iPod\n touch  ')).toBe('apple ipod touch');
  });

  it('removes thousands separators and trailing decimal zeros', () => {
    expect(normalizeText('holds 7,000 songs')).toBe('holds 7000 songs');
    expect(normalizeText('version 2.0 and 1.50')).toBe('version 2 and 1.5');
  });

  it('never throws on odd input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(undefined as unknown as string)).toBe('');
    expect(normalizeText('\uD800 lone surrogate')).toContain('lone surrogate');
  });
});

describe('units', () => {
  it('treats "500 ml", "500ml" and "0.5L" alike', () => {
    const a = normalizeText('Bottle 500 ml');
    expect(a).toBe('bottle 500ml');
    expect(normalizeText('Bottle 500ml')).toBe(a);
    expect(normalizeText('Bottle 0.5L')).toBe(a);
    expect(normalizeText('Bottle 0.5 litre')).toBe(a);
    expect(normalizeText('保温杯 500毫升')).toBe('保温杯 500ml');
  });

  it('normalises storage, weight, length and inch spellings', () => {
    expect(normalizeText('16 GB')).toBe('16gb');
    expect(normalizeText('16GB')).toBe('16gb');
    expect(normalizeText('1.5 kg')).toBe('1500g');
    expect(normalizeText('1,5 kg')).not.toBe('1500g'); // decimal comma is not guessed
    expect(normalizeText('2 cm')).toBe('20mm');
    expect(normalizeText('42" LCD')).toBe('42in lcd');
    expect(normalizeText("42 ' lcd")).toBe('42in lcd');
    expect(normalizeText('37-inch tv')).toBe('37in tv');
  });

  it('leaves model codes and words alone', () => {
    expect(normalizeUnits('dgs-1005g')).toBe('dgs-1005g');
    expect(normalizeUnits('16gbps link')).toBe('16gbps link');
    expect(normalizeText('2-in-1 cable')).toBe('2-in-1 cable');
  });
});

describe('toSimplified', () => {
  it('converts common traditional product characters', () => {
    expect(toSimplified('藍牙耳機')).toBe('蓝牙耳机');
    expect(toSimplified('不銹鋼保溫杯')).toBe('不锈钢保温杯');
    expect(normalizeText('無線藍牙耳機 電池')).toBe('无线蓝牙耳机 电池');
  });

  it('leaves simplified and Latin text unchanged', () => {
    expect(toSimplified('蓝牙耳机 abc 123')).toBe('蓝牙耳机 abc 123');
    expect(tradSimpTableSize).toBeGreaterThan(150);
  });
});
