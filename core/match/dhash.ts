/**
 * Perceptual difference hash (dHash) of a picture: 64 bits written as 16 lower-case hex characters.
 *
 * The picture is reduced to luma, shrunk to 9×8 cells by exact area averaging (every source pixel counts
 * with the fraction of it that falls in a cell; integer arithmetic, so the result is the same in every
 * engine), and each of the 8 rows gives 8 bits: bit = 1 when a cell is brighter than its left neighbour
 * (by more than a quarter of a grey level, see DEAD_ZONE).
 * Bits are read row by row, top to bottom, left to right, the first bit being the most significant bit of
 * the first hex character (the layout of Python's imagehash `dhash`, though values differ from it because
 * its resampling filter differs).
 *
 * Any input size works: larger pictures are averaged down, pictures smaller than 9×8 are stretched (their
 * pixels are repeated). Near-duplicates (the same photo resized, recompressed, lightly cropped or with a
 * small watermark) usually stay within 10 bits; unrelated pictures are ~32 bits apart on average.
 *
 * Browser callers: draw the image into a canvas of at least 32×32 (or its natural size) and pass the
 * pixels; drawing straight into 9×8 lets the browser's bilinear filter skip most pixels and the hash
 * becomes less stable.
 */

/** A 64-bit dHash: 16 hex characters. */
export type DHash = string;

const HASH_W = 9;
const HASH_H = 8;
const HEX_RE = /^[0-9a-fA-F]{16}$/;
/**
 * A bit is set only when a cell is brighter than its left neighbour by more than this many grey levels
 * (of the cell means). Plain dHash (0) lets flat areas (a black or white backdrop, a blank wall) flip bits on
 * the slightest noise: on the real test photos ±3 noise moved one hash by 16 bits with 0, at most 4 with
 * this value. Integer 9×8 input behaves as plain dHash (its differences are whole numbers).
 */
const DEAD_ZONE = 0.25;

/** Whether `x` is a well-formed hash (16 hex characters; upper case accepted). */
export function isDhash(x: unknown): x is DHash {
  return typeof x === 'string' && HEX_RE.test(x);
}

function checkSize(length: number, width: number, height: number, channels: number, what: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`${what}: width and height must be positive integers, got ${width}×${height}`);
  }
  if (length < width * height * channels) {
    throw new RangeError(
      `${what}: ${width}×${height} needs ${width * height * channels} values, the array has ${length}`,
    );
  }
}

/**
 * Overlap of source pixels with destination cells along one axis, in units of 1/(src·dst) of a source
 * pixel: pixel i covers [i·dst, (i+1)·dst), cell j covers [j·src, (j+1)·src); every cell totals `src`.
 * Returned as a flat list of (pixel, cell, weight) triples in pixel order.
 */
function axisWeights(src: number, dst: number): { pix: Int32Array; cell: Int32Array; w: Float64Array } {
  const pix: number[] = [];
  const cell: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < src; i++) {
    const a = i * dst;
    const b = a + dst;
    for (let j = Math.floor(a / src); j < dst && j * src < b; j++) {
      const overlap = Math.min(b, (j + 1) * src) - Math.max(a, j * src);
      if (overlap > 0) {
        pix.push(i);
        cell.push(j);
        w.push(overlap);
      }
    }
  }
  return { pix: Int32Array.from(pix), cell: Int32Array.from(cell), w: Float64Array.from(w) };
}

const axisCache = new Map<string, ReturnType<typeof axisWeights>>();

function cachedAxis(src: number, dst: number): ReturnType<typeof axisWeights> {
  const key = `${src}:${dst}`;
  let v = axisCache.get(key);
  if (!v) {
    v = axisWeights(src, dst);
    if (axisCache.size > 64) axisCache.clear();
    axisCache.set(key, v);
  }
  return v;
}

/**
 * Area sums of the 9×8 cells of a single-channel picture read through `value(index)`. Every cell has the
 * same total weight (width·height), so the sums compare like means.
 */
function cellSums(width: number, height: number, value: (i: number) => number): Float64Array {
  const xs = cachedAxis(width, HASH_W);
  const ys = cachedAxis(height, HASH_H);
  const rows = new Float64Array(height * HASH_W);
  // Horizontal pass: every source row to 9 weighted sums.
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const out = y * HASH_W;
    for (let k = 0; k < xs.pix.length; k++) {
      const o = out + (xs.cell[k] as number);
      rows[o] = (rows[o] as number) + value(base + (xs.pix[k] as number)) * (xs.w[k] as number);
    }
  }
  // Vertical pass: 8 cells per column.
  const cells = new Float64Array(HASH_W * HASH_H);
  for (let k = 0; k < ys.pix.length; k++) {
    const src = (ys.pix[k] as number) * HASH_W;
    const dst = (ys.cell[k] as number) * HASH_W;
    const w = ys.w[k] as number;
    for (let x = 0; x < HASH_W; x++)
      cells[dst + x] = (cells[dst + x] as number) + (rows[src + x] as number) * w;
  }
  return cells;
}

function bitsToHex(cells: Float64Array, total: number): DHash {
  const tau = DEAD_ZONE * total;
  let hi = 0;
  let lo = 0;
  for (let y = 0; y < HASH_H; y++) {
    for (let x = 0; x < HASH_W - 1; x++) {
      const bit = (cells[y * HASH_W + x + 1] as number) - (cells[y * HASH_W + x] as number) > tau ? 1 : 0;
      const n = y * 8 + x; // 0 = most significant
      if (n < 32) hi |= bit << (31 - n);
      else lo |= bit << (63 - n);
    }
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/**
 * dHash of a grey picture: one byte per pixel, row-major, `width`×`height` (extra trailing values are
 * ignored). Throws RangeError for a non-positive or non-integer size, or an array that is too short.
 */
export function dhashFromGray(gray: ArrayLike<number>, width: number, height: number): DHash {
  checkSize(gray.length, width, height, 1, 'dhashFromGray');
  return bitsToHex(
    cellSums(width, height, (i) => gray[i] as number),
    width * height,
  );
}

/**
 * Luma (ITU-R BT.601, the weights of PIL's "L" mode) of RGBA pixels, 0..255 rounded, with transparent
 * pixels composited over white (shop photos on transparent backgrounds are shown on white).
 */
export function rgbaToGray(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  checkSize(rgba.length, width, height, 4, 'rgbaToGray');
  const n = width * height;
  const out = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const y1000 = 299 * (rgba[p] as number) + 587 * (rgba[p + 1] as number) + 114 * (rgba[p + 2] as number);
    const a = rgba[p + 3] as number;
    // (y·a + 255·(255−a)) / 255 with y = y1000/1000, rounded half up; exact in integers.
    const num = y1000 * a + 255000 * (255 - a);
    out[i] = Math.floor((num + 127500) / 255000);
  }
  return out;
}

/**
 * dHash of RGBA pixels as a canvas gives them (`ImageData.data`): 4 bytes per pixel, row-major. Luma first
 * (see `rgbaToGray`), then `dhashFromGray`. Throws RangeError like `dhashFromGray`.
 */
export function dhashFromRgba(rgba: ArrayLike<number>, width: number, height: number): DHash {
  return dhashFromGray(rgbaToGray(rgba, width, height), width, height);
}

/** Bits set in a 32-bit integer (SWAR popcount). */
export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The two 32-bit halves of a hash ([high, low]). Throws a RangeError naming the value when it is not 16 hex
 * characters; parse once when the same hash is compared many times.
 */
export function parseDhash(h: string): [number, number] {
  if (!isDhash(h)) throw new RangeError(`not a 64-bit hex hash: ${JSON.stringify(String(h).slice(0, 40))}`);
  return [Number.parseInt(h.slice(0, 8), 16), Number.parseInt(h.slice(8), 16)];
}

/**
 * Number of differing bits of two hashes (0..64). Malformed input is a programming error here: it throws a
 * RangeError naming the bad value rather than returning NaN, so a bad hash can't silently rank as "far"
 * (check with `isDhash` first when hashes come from storage or the network). Case-insensitive.
 */
export function hamming(a: DHash, b: DHash): number {
  const [ah, al] = parseDhash(a);
  const [bh, bl] = parseDhash(b);
  return popcount32(ah ^ bh) + popcount32(al ^ bl);
}

/** Whether two hashes are at most `maxDistance` bits apart (default 10). Throws like `hamming`. */
export function isNearDuplicate(a: DHash, b: DHash, maxDistance = 10): boolean {
  return hamming(a, b) <= maxDistance;
}
