import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dhashFromGray,
  dhashFromRgba,
  hamming,
  isDhash,
  isNearDuplicate,
  parseDhash,
  popcount32,
  rgbaToGray,
} from '../../../core/match/dhash';

// ---------------------------------------------------------------------------------------------------------
// Picture helpers (RGBA, row-major)

interface Picture {
  w: number;
  h: number;
  data: Uint8ClampedArray;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rgb = [number, number, number];

/**
 * A "product photo" defined on the unit square, so it can be rendered at any size: a background gradient in
 * a random direction, a few soft blobs, a couple of hard-edged boxes. Different seeds give different photos.
 */
function scene(seed: number): (u: number, v: number) => Rgb {
  const r = mulberry32(seed);
  const col = (): Rgb => [r() * 255, r() * 255, r() * 255];
  const angle = r() * Math.PI * 2;
  const gx = Math.cos(angle);
  const gy = Math.sin(angle);
  const c0 = col();
  const c1 = col();
  const blobs = Array.from({ length: 4 }, () => ({ x: r(), y: r(), s: 0.08 + r() * 0.2, c: col() }));
  const boxes = Array.from({ length: 2 }, () => {
    const x0 = r() * 0.7;
    const y0 = r() * 0.7;
    return { x0, y0, x1: x0 + 0.1 + r() * 0.3, y1: y0 + 0.1 + r() * 0.3, c: col() };
  });
  return (u, v) => {
    const t = Math.min(1, Math.max(0, 0.5 + (u - 0.5) * gx + (v - 0.5) * gy));
    let p: Rgb = [c0[0] + (c1[0] - c0[0]) * t, c0[1] + (c1[1] - c0[1]) * t, c0[2] + (c1[2] - c0[2]) * t];
    for (const b of blobs) {
      const d2 = ((u - b.x) ** 2 + (v - b.y) ** 2) / (b.s * b.s);
      const a = Math.exp(-d2);
      p = [p[0] + (b.c[0] - p[0]) * a, p[1] + (b.c[1] - p[1]) * a, p[2] + (b.c[2] - p[2]) * a];
    }
    for (const b of boxes) if (u >= b.x0 && u < b.x1 && v >= b.y0 && v < b.y1) p = [...b.c];
    return p;
  };
}

const SS4 = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
] as const;
const SS1 = [[0.5, 0.5]] as const;

/** Render with 2×2 supersampling (anti-aliased edges, like a camera), or 1 sample per pixel. */
function render(f: (u: number, v: number) => Rgb, w: number, h: number, supersample = true): Picture {
  const offsets = supersample ? SS4 : SS1;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (const [dx, dy] of offsets) {
        const c = f((x + dx) / w, (y + dy) / h);
        s0 += c[0];
        s1 += c[1];
        s2 += c[2];
      }
      const o = (y * w + x) * 4;
      data[o] = s0 / offsets.length;
      data[o + 1] = s1 / offsets.length;
      data[o + 2] = s2 / offsets.length;
      data[o + 3] = 255;
    }
  }
  return { w, h, data };
}

/** Exact area-average resize (any factor). */
function resize(p: Picture, w2: number, h2: number): Picture {
  const acc = new Float64Array(w2 * h2 * 4);
  for (let y = 0; y < p.h; y++) {
    for (let ty = Math.floor((y * h2) / p.h); ty < h2 && ty * p.h < (y + 1) * h2; ty++) {
      const oy = Math.min((y + 1) * h2, (ty + 1) * p.h) - Math.max(y * h2, ty * p.h);
      if (oy <= 0) continue;
      for (let x = 0; x < p.w; x++) {
        for (let tx = Math.floor((x * w2) / p.w); tx < w2 && tx * p.w < (x + 1) * w2; tx++) {
          const ox = Math.min((x + 1) * w2, (tx + 1) * p.w) - Math.max(x * w2, tx * p.w);
          if (ox <= 0) continue;
          const s = (y * p.w + x) * 4;
          const d = (ty * w2 + tx) * 4;
          for (let c = 0; c < 4; c++)
            acc[d + c] = (acc[d + c] as number) + (p.data[s + c] as number) * ox * oy;
        }
      }
    }
  }
  const data = new Uint8ClampedArray(acc.length);
  for (let i = 0; i < acc.length; i++) data[i] = Math.round((acc[i] as number) / (p.w * p.h));
  return { w: w2, h: h2, data };
}

/** Nearest-neighbour resize (the crude path: what a careless thumbnailer does). */
function resizeNearest(p: Picture, w2: number, h2: number): Picture {
  const data = new Uint8ClampedArray(w2 * h2 * 4);
  for (let y = 0; y < h2; y++) {
    const sy = Math.min(p.h - 1, Math.floor(((y + 0.5) * p.h) / h2));
    for (let x = 0; x < w2; x++) {
      const sx = Math.min(p.w - 1, Math.floor(((x + 0.5) * p.w) / w2));
      data.set(p.data.subarray((sy * p.w + sx) * 4, (sy * p.w + sx) * 4 + 4), (y * w2 + x) * 4);
    }
  }
  return { w: w2, h: h2, data };
}

function crop(p: Picture, x0: number, y0: number, x1: number, y1: number): Picture {
  const w = x1 - x0;
  const h = y1 - y0;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    data.set(p.data.subarray(((y + y0) * p.w + x0) * 4, ((y + y0) * p.w + x1) * 4), y * w * 4);
  return { w, h, data };
}

/** Uniform integer noise in [−amp, amp] on every colour channel (JPEG-recompression stand-in). */
function noisy(p: Picture, amp: number, seed: number): Picture {
  const r = mulberry32(seed);
  const data = new Uint8ClampedArray(p.data);
  for (let i = 0; i < data.length; i++) {
    if (i % 4 === 3) continue;
    data[i] = (data[i] as number) + Math.floor(r() * (2 * amp + 1)) - amp;
  }
  return { w: p.w, h: p.h, data };
}

/** An opaque white box with dark "text" stripes in the bottom-right corner, `fw`×`fh` of the picture. */
function watermark(p: Picture, fw: number, fh: number): Picture {
  const data = new Uint8ClampedArray(p.data);
  const bw = Math.round(p.w * fw);
  const bh = Math.round(p.h * fh);
  const m = Math.round(p.w * 0.02);
  for (let y = p.h - bh - m; y < p.h - m; y++) {
    for (let x = p.w - bw - m; x < p.w - m; x++) {
      const o = (y * p.w + x) * 4;
      const ink = (Math.floor(x / 3) + Math.floor(y / 5)) % 4 === 0;
      data[o] = ink ? 30 : 250;
      data[o + 1] = ink ? 30 : 250;
      data[o + 2] = ink ? 30 : 250;
      data[o + 3] = 255;
    }
  }
  return { w: p.w, h: p.h, data };
}

const hashOf = (p: Picture): string => dhashFromRgba(p.data, p.w, p.h);

// ---------------------------------------------------------------------------------------------------------

describe('dhashFromGray: layout and exactness', () => {
  it('reads bits row by row, left to right, most significant first (bit = brighter than left neighbour)', () => {
    const g = new Uint8Array(9 * 8); // all equal → no bit set
    expect(dhashFromGray(g, 9, 8)).toBe('0000000000000000');
    g[1] = 10; // row 0: cell 1 > cell 0 → first bit; cell 2 < cell 1 → 0
    expect(dhashFromGray(g, 9, 8)).toBe('8000000000000000');
    const last = new Uint8Array(9 * 8);
    last[7 * 9 + 8] = 200; // row 7, cell 8 > cell 7 → last bit
    expect(dhashFromGray(last, 9, 8)).toBe('0000000000000001');
  });

  it('gives all ones for a left-to-right ramp and all zeros for the mirror ramp or a vertical ramp', () => {
    const w = 90;
    const h = 40;
    const ramp = new Uint8Array(w * h);
    const back = new Uint8Array(w * h);
    const vert = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        ramp[y * w + x] = x * 2;
        back[y * w + x] = 255 - x * 2;
        vert[y * w + x] = y * 5;
      }
    expect(dhashFromGray(ramp, w, h)).toBe('ffffffffffffffff');
    expect(dhashFromGray(back, w, h)).toBe('0000000000000000');
    expect(dhashFromGray(vert, w, h)).toBe('0000000000000000');
  });

  it('is unchanged when every pixel is repeated k×l times (exact area averaging, no rounding drift)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 72, maxLength: 72 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (small, kx, ky) => {
          const w = 9 * kx;
          const h = 8 * ky;
          const big = new Uint8Array(w * h);
          for (let y = 0; y < h; y++)
            for (let x = 0; x < w; x++)
              big[y * w + x] = small[Math.floor(y / ky) * 9 + Math.floor(x / kx)] as number;
          expect(dhashFromGray(big, w, h)).toBe(dhashFromGray(small, 9, 8));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not turn faint noise on a flat backdrop into bits (dead zone of a quarter grey level)', () => {
    const r = mulberry32(5);
    const w = 180;
    const h = 160;
    const flat = new Uint8Array(w * h);
    for (let i = 0; i < flat.length; i++) flat[i] = 128 + Math.floor(r() * 3) - 1; // 127..129
    expect(dhashFromGray(flat, w, h)).toBe('0000000000000000');
    // A real step of one grey level between cells still counts.
    const step = new Uint8Array(9 * 8).map((_, i) => 100 + (i % 9));
    expect(dhashFromGray(step, 9, 8)).toBe('ffffffffffffffff');
  });

  it('accepts sizes smaller than 9×8 and odd sizes, and Uint8ClampedArray input', () => {
    expect(dhashFromGray(new Uint8Array([7]), 1, 1)).toBe('0000000000000000');
    // 2×1: dark | bright. Cells 0–3 lie in the dark pixel, cell 4 straddles both, 5–8 in the bright one.
    expect(dhashFromGray(new Uint8Array([0, 255]), 2, 1)).toBe('1818181818181818');
    const p = render(scene(3), 37, 23);
    expect(dhashFromRgba(p.data, 37, 23)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects bad sizes and short arrays with a RangeError', () => {
    expect(() => dhashFromGray(new Uint8Array(72), 0, 8)).toThrow(RangeError);
    expect(() => dhashFromGray(new Uint8Array(72), 9.5, 8)).toThrow(RangeError);
    expect(() => dhashFromGray(new Uint8Array(71), 9, 8)).toThrow(/needs 72 values/);
    expect(() => dhashFromRgba(new Uint8Array(72), 9, 8)).toThrow(RangeError);
  });
});

describe('rgbaToGray / dhashFromRgba', () => {
  it('uses BT.601 luma, rounded, and puts transparency on white', () => {
    const px = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0, 0, 128, 10, 20, 30, 255];
    expect([...rgbaToGray(px, 6, 1)]).toEqual([76, 150, 29, 255, 127, 18]);
  });

  it('equals dhashFromGray on grey pixels', () => {
    const p = render(scene(11), 64, 48);
    const grey = rgbaToGray(p.data, p.w, p.h);
    const rgba = new Uint8ClampedArray(p.w * p.h * 4);
    for (let i = 0; i < grey.length; i++)
      rgba.set([grey[i] as number, grey[i] as number, grey[i] as number, 255], i * 4);
    expect(dhashFromRgba(rgba, p.w, p.h)).toBe(dhashFromGray(grey, p.w, p.h));
    expect(dhashFromRgba(p.data, p.w, p.h)).toBe(dhashFromGray(grey, p.w, p.h));
  });
});

describe('dhash robustness on synthetic photos', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  // 800×800 at one sample per pixel (fine enough; keeps the test quick), small sizes anti-aliased.
  const big = new Map(seeds.map((s) => [s, render(scene(s), 800, 800, false)]));
  const pic = (s: number) => big.get(s) as Picture;

  it('same picture at 800×800 and 200×200 (downscaled, or rendered small) → ≤ 6 bits', () => {
    for (const s of seeds) {
      const h = hashOf(pic(s));
      expect(hamming(h, hashOf(resize(pic(s), 200, 200)))).toBeLessThanOrEqual(6);
      expect(hamming(h, hashOf(render(scene(s), 200, 200)))).toBeLessThanOrEqual(6);
      expect(hamming(h, hashOf(resizeNearest(pic(s), 200, 200)))).toBeLessThanOrEqual(6);
      // The browser side may hand over a 32×32 or exactly 9×8 drawing.
      expect(hamming(h, hashOf(resize(pic(s), 32, 32)))).toBeLessThanOrEqual(6);
      expect(hamming(h, hashOf(resize(pic(s), 9, 8)))).toBeLessThanOrEqual(6);
    }
  });

  it('a non-uniform resize (aspect change, odd size) → ≤ 6 bits', () => {
    for (const s of seeds)
      expect(hamming(hashOf(pic(s)), hashOf(resize(pic(s), 333, 251)))).toBeLessThanOrEqual(6);
  });

  it('±3 noise on every channel ("recompression") → ≤ 6 bits', () => {
    for (const s of seeds) {
      const small = resize(pic(s), 200, 200);
      expect(hamming(hashOf(pic(s)), hashOf(noisy(pic(s), 3, s)))).toBeLessThanOrEqual(6);
      expect(hamming(hashOf(small), hashOf(noisy(small, 3, s + 100)))).toBeLessThanOrEqual(6);
    }
  });

  it('a 3 % border crop → ≤ 10 bits', () => {
    for (const s of seeds) {
      const b = 24; // 3 % of 800 on every side
      expect(hamming(hashOf(pic(s)), hashOf(crop(pic(s), b, b, 800 - b, 800 - b)))).toBeLessThanOrEqual(10);
    }
  });

  it('a small opaque watermark in a corner → ≤ 10 bits', () => {
    for (const s of seeds)
      expect(hamming(hashOf(pic(s)), hashOf(watermark(pic(s), 0.15, 0.08)))).toBeLessThanOrEqual(10);
  });

  it('different pictures → > 16 bits', () => {
    const hashes = seeds.map((s) => hashOf(pic(s)));
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++)
        expect(
          hamming(hashes[i] as string, hashes[j] as string),
          `seeds ${seeds[i]} / ${seeds[j]}`,
        ).toBeGreaterThan(16);
  });
});

// Real photos decoded once by Chromium (see tests/fixtures/images/PROVENANCE.md).
const IMAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'images');

function loadPam(name: string): Picture {
  const buf = gunzipSync(readFileSync(join(IMAGES, `${name}.pam.gz`)));
  const end = buf.indexOf('ENDHDR\n') + 'ENDHDR\n'.length;
  const head = buf.subarray(0, end).toString('latin1');
  const w = Number(/WIDTH (\d+)/.exec(head)?.[1]);
  const h = Number(/HEIGHT (\d+)/.exec(head)?.[1]);
  expect(/DEPTH 4/.test(head) && w > 0 && h > 0).toBe(true);
  return { w, h, data: new Uint8ClampedArray(buf.subarray(end, end + w * h * 4)) };
}

describe('dhash on real photos', () => {
  const distinct = [
    'ukbench00120',
    'ukbench01380',
    'ukbench08976',
    'ukbench08996',
    'ukbench09012',
    'ukbench09040',
    'ukbench09060',
    'ukbench09268',
    'ukbench09348',
    'ukbench09380',
    'clipper_ship',
    'stoplights',
    'Babylonian',
  ];
  const hashes = new Map(distinct.map((n) => [n, hashOf(loadPam(n))]));
  const h = (n: string) => hashes.get(n) ?? hashOf(loadPam(n));

  it('finds the grey copy, the resized (squashed) copy and the WebP copy of a photo (≤ 6 bits)', () => {
    expect(hamming(h('ukbench00120'), h('ukbench00120_gray'))).toBeLessThanOrEqual(6);
    expect(hamming(h('ukbench00120'), h('ukbench00120_resize'))).toBeLessThanOrEqual(6);
    expect(hamming(h('ukbench09380'), h('ukbench09380_webp'))).toBeLessThanOrEqual(6);
  });

  it('survives a 3 % crop, ±3 noise and a corner watermark on real photos', () => {
    for (const n of distinct) {
      const p = loadPam(n);
      const b = Math.round(p.w * 0.03);
      const bh = Math.round(p.h * 0.03);
      expect(hamming(h(n), hashOf(crop(p, b, bh, p.w - b, p.h - bh))), n).toBeLessThanOrEqual(10);
      expect(hamming(h(n), hashOf(noisy(p, 3, 7))), n).toBeLessThanOrEqual(6);
      expect(hamming(h(n), hashOf(watermark(p, 0.15, 0.08))), n).toBeLessThanOrEqual(10);
    }
  });

  it('keeps different photos apart (all pairs > 10 bits, median > 24)', () => {
    const d: number[] = [];
    for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++) {
        const x = hamming(h(distinct[i] as string), h(distinct[j] as string));
        expect(x, `${distinct[i]} / ${distinct[j]}`).toBeGreaterThan(10);
        d.push(x);
      }
    d.sort((a, b) => a - b);
    expect(d[Math.floor(d.length / 2)]).toBeGreaterThan(24);
  });

  it('is not mirror- or rotation-tolerant (documented limit): those copies are > 10 bits away', () => {
    expect(hamming(h('ukbench00120'), h('ukbench00120_hflip'))).toBeGreaterThan(10);
    expect(hamming(h('ukbench00120'), h('ukbench00120_rotation'))).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------------------------------------------------

const hex64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((b) => b.toString(16).padStart(16, '0'));

function naiveHamming(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < 16; i++) {
    let x = Number.parseInt(a[i] as string, 16) ^ Number.parseInt(b[i] as string, 16);
    while (x) {
      n += x & 1;
      x >>= 1;
    }
  }
  return n;
}

describe('hamming', () => {
  it('counts differing bits, case-insensitively', () => {
    expect(hamming('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hamming('8000000000000001', '0000000000000000')).toBe(2);
    expect(hamming('00000000ffffffff', '00000000FFFFFFFF')).toBe(0);
    expect(hamming('f0f0f0f0f0f0f0f0', '0f0f0f0f0f0f0f0f')).toBe(64);
  });

  it('throws a RangeError naming malformed input (no NaN)', () => {
    expect(() => hamming('abc', '0000000000000000')).toThrow(/not a 64-bit hex hash: "abc"/);
    expect(() => hamming('0000000000000000', '00000000000000000')).toThrow(RangeError);
    expect(() => hamming('000000000000000g', '0000000000000000')).toThrow(RangeError);
    expect(() => hamming(null as unknown as string, '0000000000000000')).toThrow(RangeError);
    expect(() => isNearDuplicate('', '0000000000000000')).toThrow(RangeError);
    expect(isDhash('0123456789abcdef')).toBe(true);
    expect(isDhash('0123456789abcde')).toBe(false);
    expect(isDhash(42)).toBe(false);
    expect(parseDhash('ffffffff00000001')).toEqual([0xffffffff, 1]);
  });

  it('matches a naive bit count and popcount32 matches a naive count', () => {
    fc.assert(
      fc.property(hex64, hex64, (a, b) => {
        expect(hamming(a, b)).toBe(naiveHamming(a, b));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        expect(popcount32(v)).toBe(v.toString(2).replace(/0/g, '').length);
      }),
    );
  });

  it('is a metric: identity, symmetry, triangle inequality', () => {
    fc.assert(
      fc.property(hex64, hex64, hex64, (a, b, c) => {
        expect(hamming(a, a)).toBe(0);
        expect(hamming(a, b) === 0).toBe(a === b);
        expect(hamming(a, b)).toBe(hamming(b, a));
        expect(hamming(a, c)).toBeLessThanOrEqual(hamming(a, b) + hamming(b, c));
        expect(hamming(a, b)).toBeGreaterThanOrEqual(0);
        expect(hamming(a, b)).toBeLessThanOrEqual(64);
      }),
      { numRuns: 500 },
    );
  });

  it('isNearDuplicate uses ≤ maxDistance (default 10)', () => {
    const a = '0000000000000000';
    expect(isNearDuplicate(a, '00000000000003ff')).toBe(true); // 10 bits
    expect(isNearDuplicate(a, '00000000000007ff')).toBe(false); // 11 bits
    expect(isNearDuplicate(a, '000000000000000f', 3)).toBe(false);
    expect(isNearDuplicate(a, '000000000000000f', 4)).toBe(true);
  });
});
