import { storage } from 'wxt/utils/storage';
import type { RequestStep } from '../core/sources/provider';

/**
 * How a running search is getting on, for the side panel's progress line: which source, what it is doing now
 * (waiting for its slot, uploading the picture, a page of results, the token handshake), which page of the
 * source's list, and how many offers so far. In session storage, by the panel's request id; the background
 * writes it, the panel watches it.
 */
export interface SearchProgress {
  requestId: string;
  source: string;
  step: 'waiting' | RequestStep;
  page: number;
  offers: number;
  at: number;
}

/** Running searches at most kept (the newest win): a panel only ever watches its own last one. */
const KEEP = 8;

export const searchProgress = storage.defineItem<Record<string, SearchProgress>>('session:searchProgress', {
  fallback: {},
});

let writes: Promise<void> = Promise.resolve();

/** Records a search's progress (writes in order; the oldest searches' entries fall away). */
export function reportProgress(p: SearchProgress): Promise<void> {
  writes = writes
    .then(async () => {
      const all = { ...(await searchProgress.getValue()), [p.requestId]: p };
      const ids = Object.keys(all).sort((a, b) => (all[b]?.at ?? 0) - (all[a]?.at ?? 0));
      for (const id of ids.slice(KEEP)) delete all[id];
      await searchProgress.setValue(all);
    })
    .catch(() => {});
  return writes;
}

/** The search ended: its progress goes. */
export function endProgress(requestId: string): Promise<void> {
  writes = writes
    .then(async () => {
      const all = { ...(await searchProgress.getValue()) };
      if (!(requestId in all)) return;
      delete all[requestId];
      await searchProgress.setValue(all);
    })
    .catch(() => {});
  return writes;
}
