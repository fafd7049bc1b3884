import { useEffect, useState } from 'preact/hooks';
import type { SeenNote } from '../../core/match/seen-before';
import type { StoredOffer } from '../../storage/types';

/** How far back "seen before" looks, and how many rows it reads at most (newest first). */
const HISTORY_DAYS = 180;
const HISTORY_ROWS = 5000;

/**
 * Which offers of a search the buyer has met before, read from their own offer history (IndexedDB): the
 * same offer on an earlier day, or the same shop's listing under another id. The database and the fuzzy matcher
 * are imported when first asked, after the offers are drawn: neither is on the way to the panel's first frame.
 */
export function useSeenBefore(offers: StoredOffer[], searchedAt: number): Map<string, SeenNote> {
  const [notes, setNotes] = useState<Map<string, SeenNote>>(new Map());
  useEffect(() => {
    let live = true;
    const since = searchedAt - HISTORY_DAYS * 86_400_000;
    void Promise.all([import('../../storage/db'), import('../../core/match/seen-before')])
      .then(async ([{ db }, { seenBefore }]) => {
        const history = await db()
          .offers.where('lastSeenAt')
          .above(since)
          .reverse()
          .limit(HISTORY_ROWS)
          .toArray();
        if (live) setNotes(seenBefore(offers, history, searchedAt));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [offers, searchedAt]);
  return notes;
}
