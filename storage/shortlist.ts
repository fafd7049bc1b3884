import type { SourceLensDb } from './db';
import type { ShortlistEntry, ShortlistStatus } from './types';

/** Tags as kept: trimmed, lower-cased, without empties and repeats, at most 20 of at most 30 characters. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFKC').trim().toLowerCase().slice(0, 30);
    if (tag && !out.includes(tag)) out.push(tag);
    if (out.length >= 20) break;
  }
  return out;
}

function newEntry(offerKey: string, productKey: string | null, now: number): ShortlistEntry {
  return {
    offerKey,
    productKey,
    note: '',
    tags: [],
    status: 'considering',
    statusHistory: [{ status: 'considering', at: now }],
    quantity: null,
    targetPriceMinor: null,
    addedAt: now,
  };
}

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
    await database.shortlist.add(newEntry(offerKey, productKey, now));
    return true;
  });
}

/**
 * Keeps an offer with a note and tags in one step (the side panel's Keep), or updates them when it is kept
 * already; the retail product it is kept for is set when given and kept when not.
 */
export async function keepOffer(
  database: SourceLensDb,
  change: { offerKey: string; productKey: string | null; note?: string; tags?: readonly string[] },
  now: number,
): Promise<ShortlistEntry> {
  return database.transaction('rw', database.shortlist, async () => {
    const existing = await database.shortlist.where('offerKey').equals(change.offerKey).first();
    const entry: ShortlistEntry = {
      ...(existing ?? newEntry(change.offerKey, change.productKey, now)),
      productKey: change.productKey ?? existing?.productKey ?? null,
      ...(change.note !== undefined ? { note: change.note.trim().slice(0, 2000) } : {}),
      ...(change.tags !== undefined ? { tags: cleanTags(change.tags) } : {}),
    };
    const id = await database.shortlist.put(entry);
    return { ...entry, id };
  });
}

/**
 * Moves a kept offer to `status` (an offer not kept yet is kept with it: asking a supplier keeps the offer as
 * "contacted"). The same status again changes nothing; each change is added to the entry's history.
 */
export async function setShortlistStatus(
  database: SourceLensDb,
  change: { offerKey: string; productKey: string | null; status: ShortlistStatus },
  now: number,
): Promise<ShortlistEntry> {
  return database.transaction('rw', database.shortlist, async () => {
    const existing =
      (await database.shortlist.where('offerKey').equals(change.offerKey).first()) ??
      newEntry(change.offerKey, change.productKey, now);
    if (existing.status === change.status && existing.id !== undefined) return existing;
    const entry: ShortlistEntry = {
      ...existing,
      status: change.status,
      statusHistory:
        existing.id === undefined && change.status === 'considering'
          ? existing.statusHistory
          : [...existing.statusHistory, { status: change.status, at: now }],
    };
    const id = await database.shortlist.put(entry);
    return { ...entry, id };
  });
}

/**
 * Sets (or, with null, clears) the price a kept offer should reach: a whole number of minor units, positive.
 * Only a kept offer has a target; for one not kept, null is returned and nothing is written.
 */
export async function setTargetPrice(
  database: SourceLensDb,
  change: { offerKey: string; targetPriceMinor: number | null },
): Promise<ShortlistEntry | null> {
  const target = change.targetPriceMinor;
  if (target !== null && (!Number.isSafeInteger(target) || target <= 0))
    throw new RangeError(`a target price is a positive whole number of minor units, got ${target}`);
  return database.transaction('rw', database.shortlist, async () => {
    const existing = await database.shortlist.where('offerKey').equals(change.offerKey).first();
    if (existing?.id === undefined) return null;
    const entry: ShortlistEntry = { ...existing, targetPriceMinor: target };
    await database.shortlist.put(entry);
    return entry;
  });
}
