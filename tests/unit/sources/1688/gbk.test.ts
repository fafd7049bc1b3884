import { describe, expect, it } from 'vitest';
import {
  gbkBytes,
  gbkPercentDecode,
  gbkPercentEncode,
  gbkSupported,
} from '../../../../core/sources/1688/gbk';

describe('GBK percent-encoding', () => {
  it('is available in this engine', () => {
    expect(gbkSupported()).toBe(true);
  });

  // PROTOCOL.md writes 帽 → %C3%F0; GBK (and GB2312 row 35, cell 17) gives C3 B1 for 帽, and C3 F0 is 灭.
  // Python's gbk codec and the WHATWG decoder agree: the value below is the real encoding.
  it('encodes 帽 as %C3%B1 and 帽子 as %C3%B1%D7%D3', () => {
    expect(gbkPercentEncode('帽')).toBe('%C3%B1');
    expect(gbkPercentEncode('帽子')).toBe('%C3%B1%D7%D3');
    expect(gbkPercentEncode('灭')).toBe('%C3%F0');
  });

  it('keeps ASCII letters and digits, "+" for space, percent-encodes the rest', () => {
    expect(gbkPercentEncode('T恤 XL')).toBe('T%D0%F4+XL');
    expect(gbkPercentEncode('a&b=c')).toBe('a%26b%3Dc');
    expect(gbkPercentEncode('')).toBe('');
  });

  it('drops characters GBK has no code for', () => {
    expect(gbkBytes('帽😀')).toEqual(Uint8Array.from([0xc3, 0xb1]));
  });

  it('round-trips through the decoder', () => {
    for (const s of ['连衣裙 女 夏季', '手机壳iPhone15', '不锈钢保温杯500ml', '€']) {
      const enc = gbkPercentEncode(s);
      expect(enc).not.toBeNull();
      expect(gbkPercentDecode(enc as string)).toBe(s);
    }
  });

  it('refuses malformed input when decoding', () => {
    expect(gbkPercentDecode('%G1')).toBeNull();
    expect(gbkPercentDecode('帽')).toBeNull();
  });
});
