import { liveQuery } from 'dexie';
import { db } from '../../../storage/db';
import type { ShortlistEntry } from '../../../storage/types';

/** Calls `onChange` with the kept offers by offer key now and after every change; returns the way to stop. */
export function watchShortlist(onChange: (entries: Map<string, ShortlistEntry>) => void): () => void {
  const subscription = liveQuery(
    async () => new Map((await db().shortlist.toArray()).map((e) => [e.offerKey, e] as const)),
  ).subscribe({ next: onChange, error: () => {} });
  return () => subscription.unsubscribe();
}
