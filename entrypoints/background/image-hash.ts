import { dhashFromRgba } from '../../core/match/dhash';
import type { SourceLensDb } from '../../storage/db';
import type { ImageHash } from '../../storage/types';
import { failureExpired, fetchBitmap } from './picture';

/** Drawn at this size and averaged down by the hash itself (the browser's filter would skip pixels at 9×8). */
const SIDE = 32;
const PARALLEL = 6;
const USED_MARK_MS = 24 * 60 * 60 * 1000;

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
  const used: string[] = [];
  unique.forEach((url, i) => {
    // A failure is cached with an expiry, not forever (picture.ts failureExpired).
    const hit = cached[i] && !failureExpired(cached[i], now) ? cached[i] : undefined;
    if (hit) out.set(url, hit);
    else missing.push(url);
    // Marked used at most once a day: retention purges hashes no search asked for in a while (a row restored
    // from an old backup without the date gets one now: the negated test is true for a missing date).
    if (hit && !(now - hit.usedAt <= USED_MARK_MS)) used.push(url);
  });
  if (used.length)
    await database.imageHashes.bulkUpdate(used.map((key) => ({ key, changes: { usedAt: now } })));
  for (let i = 0; i < missing.length; i += PARALLEL) {
    const batch = missing.slice(i, i + PARALLEL);
    const rows = await Promise.all(
      batch.map(async (url): Promise<ImageHash> => {
        try {
          return { url, hash: await hashPicture(url), error: null, at: now, usedAt: now };
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          return { url, hash: null, error, at: now, usedAt: now };
        }
      }),
    );
    await database.imageHashes.bulkPut(rows);
    for (const row of rows) out.set(row.url, row);
  }
  return unique.map((url) => out.get(url) as ImageHash);
}
