import { useEffect, useState } from 'preact/hooks';
import type { ShortlistEntry } from '../../../storage/types';

const NONE: Map<string, ShortlistEntry> = new Map();

/**
 * The kept offers by offer key, kept current as the shortlist changes anywhere (popup, another panel). The
 * database code (Dexie) is imported when the list first asks, after the offers are drawn: it is not on the way to
 * the panel's first frame. Empty until the first answer.
 */
export function useShortlistEntries(): Map<string, ShortlistEntry> {
  const [entries, setEntries] = useState<Map<string, ShortlistEntry>>(NONE);
  useEffect(() => {
    let live = true;
    let stop = () => {};
    void import('./shortlist-query')
      .then(({ watchShortlist }) => {
        if (live) stop = watchShortlist(setEntries);
      })
      .catch(() => {});
    return () => {
      live = false;
      stop();
    };
  }, []);
  return entries;
}
