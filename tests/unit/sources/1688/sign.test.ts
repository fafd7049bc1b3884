import { describe, expect, it } from 'vitest';
import {
  H5_APP_KEY,
  md5Hex,
  mtopSign,
  parseTokenCookie,
  tokenExpired,
  tokenFromCookie,
} from '../../../../core/sources/1688/sign';

// Vectors computed independently with Node: crypto.createHash('md5').update(s, 'utf8').digest('hex').
const DATA = '{"appId":32517,"params":"{\\"method\\":\\"getOfferList\\",\\"keywords\\":\\"帽子\\"}"}';

describe('md5 signing', () => {
  it('hashes the UTF-8 bytes (known vectors)', () => {
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('signs token&t&appKey&data', () => {
    expect(DATA).toBe(
      JSON.stringify({ appId: 32517, params: JSON.stringify({ method: 'getOfferList', keywords: '帽子' }) }),
    );
    expect(mtopSign('0123456789abcdef0123456789abcdef', 1700000000000, H5_APP_KEY, DATA)).toBe(
      '6a2999dc0f78116c7c898e47c210ba24',
    );
    expect(
      mtopSign(
        'abcdef0123456789abcdef0123456789',
        '1712345678901',
        '12574478',
        '{"appId":39799,"params":"{}"}',
      ),
    ).toBe('62b83e09fc44a2612423bfa89ff2ffa2');
  });

  it('signs with an empty token before the handshake', () => {
    expect(mtopSign(null, 1700000000000, H5_APP_KEY, DATA)).toBe('66bb39d423724ea597d9b22f26c4b13a');
  });
});

describe('token cookie', () => {
  it('takes the part before the first underscore', () => {
    expect(tokenFromCookie('0123456789abcdef0123456789abcdef_1712345678901')).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(parseTokenCookie('_m_h5_tk=0123456789abcdef0123456789abcdef_1712345678901')).toEqual({
      token: '0123456789abcdef0123456789abcdef',
      expiresAt: 1712345678901,
    });
    expect(tokenFromCookie('0123456789abcdef0123456789abcdef%5F1712345678901')).toBe(
      '0123456789abcdef0123456789abcdef',
    );
  });

  it('rejects unusable values', () => {
    expect(tokenFromCookie(null)).toBeNull();
    expect(tokenFromCookie('')).toBeNull();
    expect(tokenFromCookie('_123')).toBeNull();
    expect(tokenFromCookie('not a token!_1')).toBeNull();
  });

  it('knows when a token has expired', () => {
    const v = '0123456789abcdef0123456789abcdef_1000000000000';
    expect(tokenExpired(v, 999_999_999_999)).toBe(false);
    expect(tokenExpired(v, 1_000_000_000_000)).toBe(true);
    expect(tokenExpired(null, 0)).toBe(true);
  });
});
