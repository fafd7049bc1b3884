import { useRef, useState } from 'preact/hooks';
import type { SourceId } from '../../core/sources/index';
import type { SearchFilters, SortOrder } from '../../core/sources/provider';
import { sendMessage } from '../../messaging/client';
import type { SearchReply } from '../../messaging/search';
import type { StoredOffer } from '../../storage/types';

export type Mode = 'keywords' | 'image';

export interface SearchChoices {
  source: SourceId;
  sort: SortOrder;
  filters: SearchFilters;
}

export interface SearchRun {
  mode: Mode;
  query: string;
  refresh?: boolean;
}

type Ok = Extract<SearchReply, { state: 'ok' }>;

/**
 * One search and its later pages: the first page replaces what was shown, "more" appends the next page of the
 * same result list (same paging id, same uploaded picture). `choices` is read when a search starts, so a search
 * started from a listener set up once still uses the current source, sort and filters.
 */
export function useSearch(choices: SearchChoices) {
  const latest = useRef(choices);
  latest.current = choices;
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<SearchReply | null>(null);
  const [answers, setAnswers] = useState(0);
  // What the shown offers were asked with, and which page they reach to.
  const shown = useRef<{ run: SearchRun; choices: SearchChoices; page: number } | null>(null);

  const ask = async (run: SearchRun, c: SearchChoices, page: number, after: Ok | null) => {
    setBusy(true);
    try {
      const answer = await sendMessage('searchOffers', {
        source: c.source,
        mode: run.mode,
        query: run.query,
        sort: c.sort,
        filters: c.filters,
        page,
        pageId: after?.pageId ?? null,
        imageId: after?.imageId ?? null,
        refresh: run.refresh ?? false,
      });
      if (answer.state === 'ok' && after) {
        // Later pages can repeat offers of earlier ones: each offer once, in first-seen order.
        const known = new Set(after.offers.map((o) => o.key));
        const added: StoredOffer[] = answer.offers.filter((o) => !known.has(o.key));
        setReply({ ...answer, offers: [...after.offers, ...added], fetchedAt: after.fetchedAt });
      } else setReply(answer);
      // Filters applied here may have read several of the source's pages: "more" goes on after the last one.
      if (answer.state === 'ok') shown.current = { run, choices: c, page: answer.lastPage };
    } catch (err) {
      setReply({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      setAnswers((n) => n + 1);
    }
  };

  /** A new search (page 1) with the current choices. */
  const run = (r: SearchRun) => (r.query.trim() ? ask(r, latest.current, 1, null) : Promise.resolve());

  /** The next page of the search shown. */
  const more = () => {
    const s = shown.current;
    if (!s || reply?.state !== 'ok' || !reply.hasMore) return Promise.resolve();
    return ask({ ...s.run, refresh: false }, s.choices, s.page + 1, reply);
  };

  return { busy, reply, answers, run, more, clear: () => setReply(null) };
}
