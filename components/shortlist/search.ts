import Fuse from 'fuse.js';
import { TITLE_FUSE_OPTIONS } from '../../core/match/fuzzy';
import { normalizeText } from '../../core/match/normalize';
import type { ReviewRow } from './review';

/** What the shortlist search reads of a row: the fields a buyer remembers an offer by. */
interface SearchDoc {
  key: string;
  title: string;
  shop: string;
  notes: string;
  tags: string;
}

/**
 * A fuzzy index over kept offers' titles, suppliers, notes and tags (fuse.js token search over normalised text,
 * the options the rest of SourceLens searches titles with). Built once per list of rows, on the first query.
 */
export function searchIndex(rows: readonly ReviewRow[]) {
  const docs: SearchDoc[] = rows.map((r) => ({
    key: r.offer.key,
    title: r.offer.title,
    shop: r.offer.supplier.name ?? '',
    notes: r.entry.note,
    tags: r.entry.tags.join(' '),
  }));
  const fuse = new Fuse<SearchDoc>(docs, {
    ...(TITLE_FUSE_OPTIONS as object),
    keys: [
      { name: 'title', weight: 0.55 },
      { name: 'shop', weight: 0.15 },
      { name: 'notes', weight: 0.15 },
      { name: 'tags', weight: 0.15 },
    ],
  });
  /** Offer keys matching `query`, best first; null for an empty query (everything matches). */
  return (query: string): Set<string> | null => {
    const q = normalizeText(query.trim());
    if (!q) return null;
    return new Set(fuse.search(q).map((hit) => hit.item.key));
  };
}
