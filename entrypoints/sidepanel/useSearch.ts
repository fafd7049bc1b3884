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

/** What the panel shows for a search: the background's answer, or "offline" (nothing was sent). */
export type PanelReply = SearchReply | { state: 'offline' };

type Ok = Extract<SearchReply, { state: 'ok' }>;

/**
 * A search sent before the hook took it over: its request id and its answer on the way; `settled` is that answer
 * once it has come (the hook then shows it at once, without a "searching" render first).
 */
export interface SentSearch {
  requestId: string;
  answer: Promise<SearchReply>;
  settled?: SearchReply;
}

/** A request id the background reports progress under and `cancelSearch` names (`/^[\w-]{8,64}$/`). */
export const newRequestId = () => crypto.randomUUID();

/**
 * One search and its later pages: the first page replaces what was shown, "more" appends the next page of the
 * same result list (same paging id, same uploaded picture). `choices` is read when a search starts, so a search
 * started from a listener set up once still uses the current source, sort and filters (or pass them).
 *
 * Each search carries a request id: its progress is watched by it, `cancel` stops it, and an answer to a search
 * that is no longer the current one (replaced by a newer search) is dropped. Without a connection nothing is sent:
 * the answer is `offline`, and `retry` runs the same request again.
 */
export function useSearch(
  choices: SearchChoices,
  onAnswered?: (run: SearchRun, c: SearchChoices, r: Ok) => void,
) {
  const latest = useRef(choices);
  latest.current = choices;
  const answered = useRef(onAnswered);
  answered.current = onAnswered;
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<PanelReply | null>(null);
  const [answers, setAnswers] = useState(0);
  const [requestId, setRequestId] = useState<string | null>(null);
  const running = useRef<string | null>(null);
  // What the shown offers were asked with, and which page they reach to.
  const shown = useRef<{ run: SearchRun; choices: SearchChoices; page: number } | null>(null);
  // The last request sent (or refused offline), for `retry`.
  const last = useRef<{ run: SearchRun; choices: SearchChoices; page: number; after: Ok | null } | null>(
    null,
  );

  const ask = async (run: SearchRun, c: SearchChoices, page: number, after: Ok | null, sent?: SentSearch) => {
    last.current = { run, choices: c, page, after };
    // A search still running is replaced: stop it at the source too.
    if (running.current) void sendMessage('cancelSearch', { requestId: running.current }).catch(() => {});
    const id = sent?.requestId ?? newRequestId();
    running.current = id;
    const mine = () => running.current === id;
    if (!sent && !navigator.onLine) {
      running.current = null;
      setReply({ state: 'offline' });
      setBusy(false);
      setRequestId(null);
      setAnswers((n) => n + 1);
      return;
    }
    // An answer already here is shown at once; otherwise the panel says it is searching meanwhile.
    const ready = sent?.settled;
    if (!ready) {
      setBusy(true);
      setRequestId(id);
    }
    let answer: SearchReply;
    try {
      answer =
        ready ??
        (await (sent?.answer ??
          sendMessage('searchOffers', {
            source: c.source,
            mode: run.mode,
            query: run.query,
            sort: c.sort,
            filters: c.filters,
            page,
            pageId: after?.pageId ?? null,
            imageId: after?.imageId ?? null,
            refresh: run.refresh ?? false,
            requestId: id,
          })));
    } catch (err) {
      answer = { state: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    if (!mine()) return;
    running.current = null;
    if (answer.state === 'ok' && after) {
      // Later pages can repeat offers of earlier ones: each offer once, in first-seen order.
      const known = new Set(after.offers.map((o) => o.key));
      const added: StoredOffer[] = answer.offers.filter((o) => !known.has(o.key));
      setReply({ ...answer, offers: [...after.offers, ...added], fetchedAt: after.fetchedAt });
    } else if (answer.state === 'cancelled' && after) {
      // A cancelled next page leaves the offers already shown.
      setReply(after);
    } else setReply(answer);
    // Filters applied here may have read several of the source's pages: "more" goes on after the last one.
    if (answer.state === 'ok') {
      shown.current = { run, choices: c, page: answer.lastPage };
      if (!after) answered.current?.(run, c, answer);
    }
    setBusy(false);
    setRequestId(null);
    setAnswers((n) => n + 1);
  };

  /**
   * A new search (page 1) with the current choices, or with `c` when given. `sent`: the same search already sent
   * (at the panel's start), whose answer is awaited instead of asking again.
   */
  const run = (r: SearchRun, c: SearchChoices = latest.current, sent?: SentSearch) =>
    r.query.trim() ? ask(r, c, 1, null, sent) : Promise.resolve();

  /** The next page of the search shown. */
  const more = () => {
    const s = shown.current;
    if (!s || reply?.state !== 'ok' || !reply.hasMore) return Promise.resolve();
    return ask({ ...s.run, refresh: false }, s.choices, s.page + 1, reply);
  };

  /** The last request again (after being offline, a cancel, a timeout). */
  const retry = () => {
    const l = last.current;
    return l ? ask(l.run, l.choices, l.page, l.after) : Promise.resolve();
  };

  /** Stops the running search; its answer ("cancelled") arrives as usual. */
  const cancel = () => {
    if (running.current) void sendMessage('cancelSearch', { requestId: running.current }).catch(() => {});
  };

  const clear = () => {
    if (running.current) void sendMessage('cancelSearch', { requestId: running.current }).catch(() => {});
    running.current = null;
    shown.current = null;
    setBusy(false);
    setRequestId(null);
    setReply(null);
  };

  return { busy, reply, answers, requestId, run, more, retry, cancel, clear };
}
