import type { SourceLensDb } from './db';

/** Keeps an offer in the shortlist, or drops it when it is already kept. Returns whether it is kept now. */
export async function toggleShortlist(
  database: SourceLensDb,
  offerKey: string,
  productKey: string | null,
  now: number,
) {
  return database.transaction('rw', database.shortlist, async () => {
    const existing = await database.shortlist.where('offerKey').equals(offerKey).first();
    if (existing?.id !== undefined) {
      await database.shortlist.delete(existing.id);
      return false;
    }
    await database.shortlist.add({ offerKey, productKey, note: '', quantity: null, addedAt: now });
    return true;
  });
}
