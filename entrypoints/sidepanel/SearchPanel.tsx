import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ExternalLink } from '../../components/ExternalLink';
import { t } from '../../components/i18n';
import { SourceState } from '../../components/SourceState';
import { sourceLabel } from '../../components/source-text';
import { Select } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import type { ResultFilters } from '../../core/match/result-view';
import { elsewhereLinks } from '../../core/sources/elsewhere';
import { SOURCES, type Source, type SourceId, sortsBy, sourceById } from '../../core/sources/index';
import type { SearchFilters, SortOrder } from '../../core/sources/provider';
import { proposedQuery, proposedSearch } from '../../core/sources/query/proposed';
import { safeHttpUrl } from '../../core/url';
import { sendMessage } from '../../messaging/client';
import { pendingSearch } from '../../storage/pending-search';
import { disabledSources, withDisabledDefaults } from '../../storage/settings/sources';
import type { StoredProduct } from '../../storage/types';
import { restoredSearch } from './boot';
import { LazyResults } from './lazy';
import { rememberAnswered } from './rememberedSearch';
import { SearchBar } from './SearchBar';
import { SearchFiltersRow } from './SearchFiltersRow';
import { AllSourcesOff, NoResults, NothingSpotted, ResultsSkeleton, Searching } from './SearchStates';
import { type Mode, type SearchChoices, type SentSearch, useSearch } from './useSearch';
import { useSearchProgress } from './useSearchProgress';
import { useSuggestions } from './useSuggestions';

/** Each sort's name; a sort a source does not support is not offered for it (its definition's `supports`). */
const SORT_TEXT: Record<SortOrder, () => string> = {
  relevance: () => t('sortRelevance'),
  'price-asc': () => t('sortPriceAsc'),
  'price-desc': () => t('sortPriceDesc'),
  sales: () => t('sortSales'),
};

/** The filters this source takes (sent to it or applied here); the others are left out of the request. */
function filtersFor(filters: SearchFilters, source: Source): SearchFilters {
  const out: SearchFilters = {};
  for (const key of Object.keys(filters) as (keyof SearchFilters)[])
    if (key in source.supports.filters && source.supports.filters[key] !== null)
      Object.assign(out, { [key]: filters[key] });
  return out;
}

/**
 * Search a wholesale source (1688, or Alibaba.com for international buyers) for the product on the tab — its
 * title turned into search words, or its picture — or for whatever a right-click handed over. The query is
 * always editable; filters, sort and further pages are the buyer's. While a search runs its progress shows with
 * Cancel; every answer that is not offers is a designed state with the way on. The last search per product is
 * remembered: reopening the panel on it shows its offers at once from the cache.
 */
export function SearchPanel(props: {
  product: StoredProduct | null;
  /** The tab's product has been asked for (null then means: nothing spotted). */
  productLoaded: boolean;
  /** A picture the person picked in the header (a social post's), to search by. */
  picked: string | null;
}) {
  const product = props.product;
  const picture = props.picked ?? safeHttpUrl(product?.images[0]);
  const [mode, setMode] = useState<Mode>('keywords');
  const [sourceId, setSourceId] = useState<SourceId>(SOURCES[0].id);
  // Sources the person turned off in the options are not offered (all on until the setting is read); when the
  // chosen one is turned off, the first one still on takes its place.
  const off = useStorageItem(disabledSources, withDisabledDefaults) ?? [];
  const enabled = SOURCES.filter((s) => !off.includes(s.id));
  const chosen: Source | null = enabled.find((s) => s.id === sourceId) ?? enabled[0] ?? null;
  const source: Source = chosen ?? SOURCES[0];
  const [query, setQuery] = useState('');
  // Whether the person edited the query (only then are the source's suggestions asked for).
  const [typed, setTyped] = useState(false);
  const suggestions = useSuggestions(query, typed && source.supports.suggestions ? source.id : null);
  const [imageUrl, setImageUrl] = useState<string | null>(picture);
  const [sort, setSort] = useState<SortOrder>('relevance');
  const [filters, setFilters] = useState<ResultFilters>({});
  // A sort the source does not take falls back to its default (the first it lists).
  const effectiveSort = sortsBy(source, sort) ? sort : source.supports.sorts[0];
  // The product a search was started for: its answer is remembered under it.
  const searchedFor = useRef<string | null>(null);
  const search = useSearch(
    { source: source.id, sort: effectiveSort, filters: filtersFor(filters, source) },
    (run, c, answer) => {
      if (searchedFor.current) void rememberAnswered(searchedFor.current, run, c, answer).catch(() => {});
    },
  );
  const { busy, reply, answers } = search;
  const progress = useSearchProgress(search.requestId);
  const label = sourceLabel(source);
  const inputRef = useRef<HTMLInputElement>(null);
  // A right-click search taken before the tab's product was known: that product's arrival must not undo it.
  const tookPending = useRef(false);

  const run = (r: { mode: Mode; query: string; refresh?: boolean }, c?: SearchChoices, sent?: SentSearch) => {
    // Every source turned off: nothing to ask (the search bar says so).
    if (!chosen) return Promise.resolve();
    searchedFor.current = product?.key ?? null;
    setTyped(false);
    return search.run(r, c, sent);
  };

  // Whether the tab's product is known, for listeners set up once (a right-click search arriving later).
  const productLoaded = useRef(props.productLoaded);
  productLoaded.current = props.productLoaded;

  // A new product on the tab: start from its own query (the picture first where words would lose the meaning),
  // or from the last search run for it — shown at once when the cache still holds its answer. A layout effect:
  // Preact runs plain effects only after the next frame, and the cached answer should be in this one.
  useLayoutEffect(() => {
    if (!props.productLoaded) return;
    if (tookPending.current) {
      tookPending.current = false;
      return;
    }
    search.clear();
    setTyped(false);
    setImageUrl(picture);
    setQuery(proposedQuery(product?.title, source));
    const proposed = product ? proposedSearch(product, source) : null;
    setMode(proposed?.mode === 'image' && picture ? 'image' : 'keywords');
    if (!product) return;
    let live = true;
    void restoredSearch(product.key).then((last) => {
      // A search of a source no longer registered (an older version's) is left alone.
      if (!live || !last || tookPending.current || !sourceById(last.search.choices.source)) return;
      const { search: s, cached, sent } = last;
      setSourceId(s.choices.source);
      setSort(s.choices.sort);
      setFilters(s.choices.filters);
      setMode(s.run.mode);
      if (s.run.mode === 'image') setImageUrl(s.run.query);
      else setQuery(s.run.query);
      if (cached) void run(s.run, s.choices, sent ?? undefined);
    });
    return () => {
      live = false;
    };
  }, [product?.key, props.productLoaded]);

  // A picture picked in the header: search by it.
  useEffect(() => {
    if (!props.picked) return;
    setImageUrl(props.picked);
    if (source.supports.imageSearch) setMode('image');
  }, [props.picked]);

  // Nothing spotted: the next step is typing, so the query box has the focus.
  useEffect(() => {
    if (props.productLoaded && !product) inputRef.current?.focus();
  }, [props.productLoaded, product?.key]);

  // A right-click "Find source" waits in session storage for the panel.
  useEffect(() => {
    const take = (p: { mode: Mode; query: string } | null) => {
      if (!p) return;
      void pendingSearch.setValue(null);
      if (!productLoaded.current) tookPending.current = true;
      setMode(p.mode);
      if (p.mode === 'image') setImageUrl(p.query);
      else setQuery(p.query);
      void run(p);
    };
    void pendingSearch.getValue().then(take);
    return pendingSearch.watch(take);
  }, []);

  // Offline: the search goes out by itself once the connection is back.
  useEffect(() => {
    if (reply?.state !== 'offline') return;
    const back = () => void search.retry();
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [reply]);

  /** Another source picked (or the chosen one turned off): its own query, modes and a fresh answer area. */
  function pickSource(id: SourceId) {
    const next = sourceById(id);
    if (!next) return;
    setSourceId(next.id);
    // The proposed query follows the source; one the person typed stays.
    if (!typed) setQuery(proposedQuery(product?.title, next));
    if (!next.supports.imageSearch) setMode('keywords');
    search.clear();
  }

  // The chosen source was turned off in the options: the first one still on takes its place, with a fresh answer
  // area. A search already running (it passed the background's check before the change) is left to finish.
  useEffect(() => {
    if (!chosen || chosen.id === sourceId) return;
    if (search.busy) setSourceId(chosen.id);
    else pickSource(chosen.id);
  }, [chosen?.id, sourceId]);

  const current = () => ({ mode, query: mode === 'image' ? (imageUrl ?? '') : query });
  const canPicture = !!picture && source.supports.imageSearch;
  const searchWords = (q: string) => {
    setMode('keywords');
    setQuery(q);
    void run({ mode: 'keywords', query: q });
  };

  const progressLine = busy ? (
    <Searching sourceLabel={label} progress={progress} onCancel={search.cancel} />
  ) : null;
  // With offers shown, the progress goes into the results' own meta row (nothing below it moves); otherwise it
  // stands above the placeholders of the answer on its way.
  const withOffers = reply?.state === 'ok' && reply.offers.length > 0;
  let body = null;
  if (reply?.state === 'ok' && reply.offers.length > 0)
    body = (
      <LazyResults
        reply={reply}
        product={product}
        source={source}
        titleForMatching={query || product?.title || ''}
        filters={filters}
        busy={busy}
        onMore={() => void search.more()}
        onRefresh={() => void run({ ...current(), refresh: true })}
        progress={progressLine}
      />
    );
  else if (reply?.state === 'ok')
    body = (
      <NoResults
        sourceLabel={label}
        mode={mode}
        query={query}
        onQuery={searchWords}
        onPicture={
          canPicture
            ? () => {
                setMode('image');
                setImageUrl(picture);
                void run({ mode: 'image', query: picture as string });
              }
            : null
        }
        onWords={product ? () => searchWords(query || proposedQuery(product.title, source)) : null}
      />
    );
  else if (reply)
    body = (
      <SourceState
        reply={reply}
        sourceLabel={label}
        onRetry={() => void search.retry()}
        onVerified={() =>
          void sendMessage('sourceVerified', { source: source.id })
            .then(() => run({ ...current(), refresh: true }))
            .catch(() => {})
        }
      />
    );
  else if (busy) body = <ResultsSkeleton />;
  else if (props.productLoaded && !product)
    body = <NothingSpotted onType={() => inputRef.current?.focus()} />;

  if (!chosen)
    return (
      <section class="search" data-testid="search-panel" data-answers={answers} aria-busy={busy}>
        <AllSourcesOff />
      </section>
    );

  return (
    <section class="search" data-testid="search-panel" data-answers={answers} aria-busy={busy}>
      <SearchBar
        sources={enabled}
        source={source}
        onSource={pickSource}
        mode={mode}
        onMode={setMode}
        imageUrl={imageUrl}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setTyped(true);
        }}
        suggestions={suggestions}
        onPickSuggestion={searchWords}
        busy={busy}
        onSubmit={() => void run(current())}
        inputRef={inputRef}
      >
        <SearchFiltersRow
          value={filters}
          onChange={setFilters}
          supports={source.supports.filters}
          sourceLabel={label}
        >
          {source.supports.sorts.length > 1 ? (
            <Select
              size="sm"
              hideLabel
              label={t('searchSort', [label])}
              value={effectiveSort}
              data-testid="search-sort"
              options={source.supports.sorts.map((order) => ({ value: order, label: SORT_TEXT[order]() }))}
              onChange={setSort}
            />
          ) : null}
        </SearchFiltersRow>
      </SearchBar>
      {mode === 'keywords' && query.trim() ? (
        <p class="search__elsewhere ui-small ui-muted" data-testid="elsewhere">
          {t('openElsewhere')}{' '}
          {elsewhereLinks(query, source.id).map((link) => (
            <ExternalLink key={link.id} href={link.url} class="elsewhere">
              {link.label}
            </ExternalLink>
          ))}
        </p>
      ) : null}
      {withOffers ? null : progressLine}
      <div class="search__body">{body}</div>
    </section>
  );
}
