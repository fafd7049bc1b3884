/**
 * A picture's pixel size read from the first bytes of its file, before anything decodes it: a small file can
 * declare a huge image (a "decompression bomb"), and decoding it would take the service worker's memory.
 * PNG, GIF, JPEG, WebP, BMP and AVIF/HEIF; null for anything else (the caller refuses what it cannot size).
 */
export interface PixelSize {
  width: number;
  height: number;
  format: string;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const u32le = (b: Uint8Array, at: number) => u16le(b, at) + u16le(b, at + 2) * 0x10000;

function jpegSize(b: Uint8Array): PixelSize | null {
  let i = 2;
  // Segments until a start-of-frame (SOF0–SOF15 less DHT, JPG and DAC), which carries the size.
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: u16be(b, i + 5), width: u16be(b, i + 7), format: 'jpeg' };
    if (marker === 0xd9 || marker === 0xda) return null;
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): PixelSize | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, format: 'webp' };
  if (chunk === 'VP8 ')
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, format: 'webp' };
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, format: 'webp' };
  }
  return null;
}

/** AVIF/HEIF: the largest `ispe` (image spatial extent) property in the header. */
function heifSize(b: Uint8Array): PixelSize | null {
  let best: PixelSize | null = null;
  const end = Math.min(b.length - 16, 1 << 16);
  for (let i = 4; i < end; i++) {
    if (b[i] !== 0x69 || ascii(b, i, 4) !== 'ispe') continue;
    const size = { width: u32be(b, i + 8), height: u32be(b, i + 12), format: 'avif' };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}

export function pictureSize(b: Uint8Array): PixelSize | null {
  if (b.length < 24) return null;
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG')
    return { width: u32be(b, 16), height: u32be(b, 20), format: 'png' };
  if (ascii(b, 0, 4) === 'GIF8') return { width: u16le(b, 6), height: u16le(b, 8), format: 'gif' };
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return b.length >= 30 ? webpSize(b) : null;
  if (ascii(b, 0, 2) === 'BM')
    return { width: Math.abs(u32le(b, 18) | 0), height: Math.abs(u32le(b, 22) | 0), format: 'bmp' };
  if (ascii(b, 4, 4) === 'ftyp') return heifSize(b);
  return null;
}
