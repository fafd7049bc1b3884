/**
 * "Have I seen this offer before?" for one search's offers: the same offer from an earlier visit (its row is
 * older than the search), or the same listing under another id — a shop re-listing one product is common on
 * 1688 — recognised by fuse.js on the normalised title from the same shop, with equal numbers and model codes
 * (core/match/fuzzy.ts).
 */
import { FuzzyIndex, type FuzzyItem } from './fuzzy';

export interface SeenCandidate {
  key: string;
  source: string;
  url: string;
  title: string;
  supplier: { name: string | null; loginId: string | null };
  firstSeenAt: number;
}

export interface SeenNote {
  /** 'same-offer': this very offer was seen before; 'relisted': a near-identical listing from the same shop. */
  by: 'same-offer' | 'relisted';
  /** The earlier row (the offer itself for 'same-offer'). */
  earlierKey: string;
  /** When the earlier row was first seen. */
  since: number;
  /** The earlier listing's title as it was written. */
  earlierTitle: string;
}

type Indexed = FuzzyItem & { key: string; source: string; firstSeenAt: number; written: string };

// Re-listed titles often differ only in spacing ("保温杯 500ml" / "保温杯500ML"): compare them without it.
const squeeze = (title: string): string => title.replace(/\s+/g, '');

const shopOf = (o: SeenCandidate): string | undefined => o.supplier.loginId ?? o.supplier.name ?? undefined;

/**
 * Notes for the offers of one search. `searchedAt` is when the search was answered: an offer first seen
 * before it was met earlier. `history` is what the buyer has seen (any order; the current offers may be in
 * it and are skipped). Re-listings need a shop on both sides: without one a title alone says too little.
 */
export function seenBefore(
  current: readonly SeenCandidate[],
  history: readonly SeenCandidate[],
  searchedAt: number,
): Map<string, SeenNote> {
  const notes = new Map<string, SeenNote>();
  const currentKeys = new Set(current.map((o) => o.key));
  const older: Indexed[] = history
    .filter((h) => !currentKeys.has(h.key) && h.firstSeenAt < searchedAt && shopOf(h) !== undefined)
    .map((h) => ({
      key: h.key,
      source: h.source,
      firstSeenAt: h.firstSeenAt,
      title: squeeze(h.title),
      written: h.title,
      shop: shopOf(h),
    }));
  const index = older.length ? new FuzzyIndex(older) : null;
  for (const o of current) {
    if (o.firstSeenAt < searchedAt) {
      notes.set(o.key, { by: 'same-offer', earlierKey: o.key, since: o.firstSeenAt, earlierTitle: o.title });
      continue;
    }
    const shop = shopOf(o);
    if (!index || shop === undefined) continue;
    const hit = index.findSeen({ title: squeeze(o.title), shop });
    if (hit && hit.item.source === o.source)
      notes.set(o.key, {
        by: 'relisted',
        earlierKey: hit.item.key,
        since: hit.item.firstSeenAt,
        earlierTitle: hit.item.written,
      });
  }
  return notes;
}
