import { dhashFromRgba } from '../../core/match/dhash';
import type { SourceLensDb } from '../../storage/db';
import type { ImageHash } from '../../storage/types';
import { fetchBitmap } from './picture';

/** Drawn at this size and averaged down by the hash itself (the browser's filter would skip pixels at 9×8). */
const SIDE = 32;
const PARALLEL = 6;

/** The dHash of one picture: fetched and decoded (picture.ts), then hashed. */
export async function hashPicture(url: string): Promise<string> {
  const bitmap = await fetchBitmap(url);
  try {
    return hashBitmap(bitmap);
  } finally {
    bitmap.close();
  }
}

/** The dHash of a decoded picture, drawn at 32×32 on an OffscreenCanvas. The caller closes the bitmap. */
export function hashBitmap(bitmap: ImageBitmap): string {
  const canvas = new OffscreenCanvas(SIDE, SIDE);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(bitmap, 0, 0, SIDE, SIDE);
  return dhashFromRgba(ctx.getImageData(0, 0, SIDE, SIDE).data, SIDE, SIDE);
}

/**
 * Hashes for many pictures, from the cache when known; a picture that can't be read gets a null hash and its
 * reason (cached too, so a broken picture is not fetched again and again).
 */
export async function hashPictures(
  database: SourceLensDb,
  urls: string[],
  now: number,
): Promise<ImageHash[]> {
  const unique = [...new Set(urls)];
  const cached = await database.imageHashes.bulkGet(unique);
  const out = new Map<string, ImageHash>();
  const missing: string[] = [];
  unique.forEach((url, i) => {
    const hit = cached[i];
    if (hit) out.set(url, hit);
    else missing.push(url);
  });
  for (let i = 0; i < missing.length; i += PARALLEL) {
    const batch = missing.slice(i, i + PARALLEL);
    const rows = await Promise.all(
      batch.map(async (url): Promise<ImageHash> => {
        try {
          return { url, hash: await hashPicture(url), error: null, at: now };
        } catch (err) {
          return { url, hash: null, error: err instanceof Error ? err.message : String(err), at: now };
        }
      }),
    );
    await database.imageHashes.bulkPut(rows);
    for (const row of rows) out.set(row.url, row);
  }
  return unique.map((url) => out.get(url) as ImageHash);
}
