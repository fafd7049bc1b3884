import { describe, expect, it } from 'vitest';
import { classifyToken, extractModelCodes, isModelCode, tokenize } from '../../../core/match/tokens';

const texts = (s: string, cjk?: 'segmenter' | 'bigram') => tokenize(s, cjk).map((t) => t.text);

describe('Latin tokens', () => {
  it('splits words and keeps kinds', () => {
    const toks = tokenize('Sony DSC-W800 20.1MP camera, 16 GB');
    expect(toks).toContainEqual({ text: 'sony', kind: 'word' });
    expect(toks).toContainEqual({ text: 'dscw800', kind: 'code' });
    expect(toks).toContainEqual({ text: '20.1mp', kind: 'quantity' });
    expect(toks).toContainEqual({ text: '16gb', kind: 'quantity' });
    expect(toks).toContainEqual({ text: 'camera', kind: 'word' });
  });

  it('joins hyphenated brand words and keeps their parts', () => {
    expect(texts('D-Link switch')).toEqual(['dlink', 'd', 'link', 'switch']);
  });

  it('does not call "5-port" or "2-in-1" model codes', () => {
    const kinds = tokenize('5-port 2-in-1 107-key 8GB+256GB').filter((t) => t.kind === 'code');
    expect(kinds).toEqual([]);
  });

  it('reads numbers with dots as one number', () => {
    expect(tokenize('802.11 b/g')).toContainEqual({ text: '802.11', kind: 'number' });
  });
});

describe('model codes', () => {
  it('detects mixed letter+digit codes and removes separators', () => {
    expect(extractModelCodes('Sony DSC-W800 camera')).toEqual(['dscw800']);
    expect(extractModelCodes('Sony Bravia KDL40EX500 40"')).toEqual(['kdl40ex500']);
    expect(extractModelCodes('Sony WH-1000XM4 headphones')).toEqual(['wh1000xm4']);
    expect(extractModelCodes('apple ipod touch mb533ll/a')).toContain('mb533lla');
  });

  it('normalises different spellings of one code to the same token', () => {
    const a = extractModelCodes('LC-42D85U');
    const b = extractModelCodes('lc42d85u');
    expect(a).toContain('lc42d85u');
    expect(b).toEqual(['lc42d85u']);
  });

  it('rejects quantities, ordinals and plain words', () => {
    expect(isModelCode('16gb')).toBe(false);
    expect(isModelCode('1080p')).toBe(false);
    expect(isModelCode('2nd')).toBe(false);
    expect(isModelCode('camera')).toBe(false);
    expect(isModelCode('12345')).toBe(false);
    expect(isModelCode('DSC-W800')).toBe(true);
    expect(classifyToken('x5')).toBe('word'); // too short to be trusted as a code
  });
});

describe('CJK tokens', () => {
  it('segments Chinese words with Intl.Segmenter', () => {
    const t = texts('无线蓝牙耳机');
    expect(t.join('')).toBe('无线蓝牙耳机');
    expect(t.length).toBeGreaterThan(1);
    expect(t).toContain('耳机');
  });

  it('mixes Chinese words and Latin model codes in one title', () => {
    const toks = tokenize('小米 Redmi Note12 手機 5000毫安');
    expect(toks).toContainEqual({ text: '小米', kind: 'word' });
    expect(toks).toContainEqual({ text: 'note12', kind: 'code' });
    expect(toks).toContainEqual({ text: '手机', kind: 'word' }); // traditional folded first
    expect(toks).toContainEqual({ text: '5000mah', kind: 'quantity' });
  });

  it('segments Japanese text', () => {
    const t = texts('ワイヤレスヘッドホン WH-1000XM4');
    expect(t).toContain('wh1000xm4');
    expect(t.some((x) => /[\u30a0-\u30ff]/.test(x))).toBe(true);
  });

  it('can emit character bigrams instead', () => {
    expect(texts('保温杯', 'bigram')).toEqual(['保温', '温杯']);
    expect(texts('杯', 'bigram')).toEqual(['杯']);
  });
});
