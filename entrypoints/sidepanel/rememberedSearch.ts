import type { SourceId } from '../../core/sources/index';
import { sendMessage } from '../../messaging/client';
import type { SearchReply } from '../../messaging/search';
import { type LastSearch, recallSearch, rememberSearch } from '../../storage/last-search';
import { disabledSources, readSourceSettings, withDisabledDefaults } from '../../storage/settings/sources';
import { newRequestId, type SearchChoices, type SearchRun, type SentSearch } from './useSearch';

/** A search as the panel runs it: what was asked and with which source, sort and filters. */
export interface PanelSearch {
  run: SearchRun;
  choices: SearchChoices;
}

/**
 * Remembers a first page just answered with offers as the product's last search, with when the background's
 * cache lets go of it: the answer's fetch time plus the cache hours (the background wrote its lookup so).
 */
export async function rememberAnswered(
  productKey: string,
  run: SearchRun,
  choices: SearchChoices,
  reply: Extract<SearchReply, { state: 'ok' }>,
): Promise<void> {
  const { cacheHours } = await readSourceSettings();
  await rememberSearch(productKey, {
    source: choices.source,
    mode: run.mode,
    query: run.query,
    sort: choices.sort,
    filters: choices.filters,
    at: Date.now(),
    expiresAt: reply.fetchedAt + cacheHours * 3_600_000,
  });
}

/**
 * The product's last search, and whether the background's cache still holds a fresh answer to it: only then is it
 * run again on opening, so reopening the panel never sends a request to a source by itself. Known from the
 * remembered expiry rather than by opening the database, which would hold up the panel's first frames. Null when
 * there is none, or when its source has been turned off since (`off`: a read of that setting already under way).
 */
export async function cachedLastSearch(
  productKey: string,
  all?: Promise<Record<string, LastSearch>>,
  off: Promise<readonly string[]> = readDisabled(),
): Promise<{ search: PanelSearch; cached: boolean } | null> {
  const [last, disabled] = await Promise.all([recallSearch(productKey, all).catch(() => null), off]);
  if (!last || disabled.includes(last.source)) return null;
  const search: PanelSearch = {
    run: { mode: last.mode, query: last.query },
    // The registry is not read here (its code is the panel's largest on the first frames): the panel checks the
    // source is still registered before showing the search, and the background refuses an unknown one.
    choices: { source: last.source as SourceId, sort: last.sort, filters: last.filters },
  };
  return { search, cached: (last.expiresAt ?? 0) > Date.now() };
}

/** The sources turned off in the options (none when the setting cannot be read). */
export function readDisabled(): Promise<readonly string[]> {
  return disabledSources
    .getValue()
    .then(withDisabledDefaults)
    .catch(() => []);
}

/** The product's last search, and when its answer is cached, that search sent again (answered from the cache). */
export interface Restored {
  productKey: string;
  search: PanelSearch;
  cached: boolean;
  sent: SentSearch | null;
}

/**
 * Restores the product's last search: when the cache still holds its answer the search is sent at once (the
 * background answers it from the cache, no request to the source), so the panel can show it in its first frames.
 */
export async function restoreSearch(
  productKey: string,
  all?: Promise<Record<string, LastSearch>>,
  off?: Promise<readonly string[]>,
): Promise<Restored | null> {
  const last = await cachedLastSearch(productKey, all, off);
  if (!last) return null;
  const { search, cached } = last;
  if (!cached) return { productKey, search, cached, sent: null };
  const requestId = newRequestId();
  const answer = sendMessage('searchOffers', {
    source: search.choices.source,
    mode: search.run.mode,
    query: search.run.query,
    sort: search.choices.sort,
    filters: search.choices.filters,
    page: 1,
    pageId: null,
    imageId: null,
    refresh: false,
    requestId,
  });
  const sent: SentSearch = { requestId, answer };
  // Noted when it comes, so the panel can show it without a "searching" render first; awaited by whoever takes
  // it, and a restore nobody takes (a right-click search came first) must not throw.
  answer.then((reply) => (sent.settled = reply)).catch(() => {});
  return { productKey, search, cached, sent };
}
