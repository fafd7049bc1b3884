import { useEffect, useState } from 'preact/hooks';
import { ExternalLink } from '../../components/ExternalLink';
import { t } from '../../components/i18n';
import { SourceState } from '../../components/SourceState';
import { sourceLabel, viaText } from '../../components/source-text';
import { useLiveQuery } from '../../components/useLiveQuery';
import { elsewhereLinks } from '../../core/sources/elsewhere';
import { SOURCES, type Source, type SourceId, sortsBy, sourceById } from '../../core/sources/index';
import type { SearchFilters, SortOrder } from '../../core/sources/provider';
import { buildQuery, internationalQuery } from '../../core/sources/query';
import { safeHttpUrl } from '../../core/url';
import { sendMessage } from '../../messaging/client';
import { db } from '../../storage/db';
import { pendingSearch } from '../../storage/pending-search';
import type { StoredProduct } from '../../storage/types';
import { RankedOffers } from './RankedOffers';
import { FILTER_TEXT, SearchFiltersRow } from './SearchFiltersRow';
import { type Mode, useSearch } from './useSearch';
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
    if (source.supports.filters[key] !== null) Object.assign(out, { [key]: filters[key] });
  return out;
}

/**
 * The query SourceLens proposes for a product on a source: Chinese product words for a Chinese site, the
 * title's own words for an international one.
 */
function proposedQuery(title: string | undefined, source: Source): string {
  if (!title) return '';
  return source.queryWords === 'chinese' ? buildQuery(title).query : internationalQuery(title);
}

/**
 * Search a wholesale source (1688, or Alibaba.com for international buyers) for the product on the tab — its
 * title turned into search words, or its main picture — or for whatever a right-click handed over. The query
 * is always editable; filters, sort and further pages are the buyer's.
 */
export function SearchPanel(props: { product: StoredProduct | null }) {
  const product = props.product;
  const suggested = product ? buildQuery(product.title) : null;
  const picture = safeHttpUrl(product?.images[0]);
  const [mode, setMode] = useState<Mode>('keywords');
  const [sourceId, setSourceId] = useState<SourceId>(SOURCES[0].id);
  const source: Source = sourceById(sourceId) ?? SOURCES[0];
  const [query, setQuery] = useState(suggested?.query ?? '');
  // Whether the person edited the query (only then are the source's suggestions asked for).
  const [typed, setTyped] = useState(false);
  const suggestions = useSuggestions(query, typed && source.supports.suggestions ? source.id : null);
  const [imageUrl, setImageUrl] = useState<string | null>(picture);
  const [sort, setSort] = useState<SortOrder>('relevance');
  const [filters, setFilters] = useState<SearchFilters>({});
  // A sort the source does not take falls back to its default (the first it lists).
  const effectiveSort = sortsBy(source, sort) ? sort : source.supports.sorts[0];
  const { busy, reply, answers, run, more, clear } = useSearch({
    source: source.id,
    sort: effectiveSort,
    filters: filtersFor(filters, source),
  });
  const label = sourceLabel(source);
  const kept = useLiveQuery(async () => new Set((await db().shortlist.toArray()).map((e) => e.offerKey)), []);

  // A new product on the tab: start from its own query (image search first for non-Chinese titles).
  useEffect(() => {
    setQuery(proposedQuery(product?.title, source));
    setTyped(false);
    setImageUrl(picture);
    setMode(suggested?.preferImageSearch && picture ? 'image' : 'keywords');
    clear();
  }, [product?.key]);

  // A right-click "Find source" waits in session storage for the panel.
  useEffect(() => {
    const take = (p: { mode: Mode; query: string } | null) => {
      if (!p) return;
      void pendingSearch.setValue(null);
      setMode(p.mode);
      if (p.mode === 'image') setImageUrl(p.query);
      else setQuery(p.query);
      setTyped(false);
      void run(p);
    };
    void pendingSearch.getValue().then(take);
    return pendingSearch.watch(take);
  }, []);

  const current = () => ({ mode, query: mode === 'image' ? (imageUrl ?? '') : query });
  const onToggleKeep = (offerKey: string) =>
    void sendMessage('toggleShortlist', { offerKey, productKey: product?.key ?? null }).catch(() => {});

  return (
    <section class="search" data-testid="search-panel" data-answers={answers} aria-busy={busy}>
      <h2>{t('findSource')}</h2>
      <form
        class="search__form"
        onSubmit={(e) => {
          e.preventDefault();
          // Searching ends the typing: no suggestions are asked for the query just sent.
          setTyped(false);
          void run(current());
        }}
      >
        <select
          value={source.id}
          aria-label={t('searchSource')}
          data-testid="search-source"
          onChange={(e) => {
            const next = sourceById((e.currentTarget as HTMLSelectElement).value);
            if (!next) return;
            setSourceId(next.id);
            // The proposed query follows the source; one the person typed stays.
            if (!typed) setQuery(proposedQuery(product?.title, next));
            if (!next.supports.imageSearch) setMode('keywords');
            clear();
          }}
        >
          {SOURCES.map((s) => (
            <option key={s.id} value={s.id}>
              {sourceLabel(s)}
            </option>
          ))}
        </select>
        <select
          value={mode}
          onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as Mode)}
          data-testid="search-mode"
        >
          <option value="keywords">{t('byKeywords')}</option>
          <option value="image" disabled={!imageUrl || !source.supports.imageSearch}>
            {t('byImage')}
          </option>
        </select>
        {mode === 'keywords' ? (
          <>
            <input
              type="search"
              data-testid="search-query"
              value={query}
              maxLength={200}
              list="query-suggestions"
              autocomplete="off"
              onInput={(e) => {
                setQuery((e.currentTarget as HTMLInputElement).value);
                setTyped(true);
              }}
            />
            <datalist id="query-suggestions" data-testid="query-suggestions">
              {suggestions.map((text) => (
                <option key={text} value={text} />
              ))}
            </datalist>
          </>
        ) : (
          <img class="search__picture" src={imageUrl ?? ''} alt="" referrerpolicy="no-referrer" />
        )}
        {source.supports.sorts.length > 1 ? (
          <select
            value={effectiveSort}
            aria-label={t('searchSort')}
            onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortOrder)}
            data-testid="search-sort"
          >
            {source.supports.sorts.map((order) => (
              <option key={order} value={order}>
                {SORT_TEXT[order]()}
              </option>
            ))}
          </select>
        ) : null}
        <button type="submit" disabled={busy} data-testid="search-button">
          {busy ? t('searching') : t('search', [label])}
        </button>
        <SearchFiltersRow
          value={filters}
          onChange={setFilters}
          supports={source.supports.filters}
          sourceLabel={label}
        />
      </form>
      {mode === 'keywords' && query.trim() ? (
        <p class="search__meta" data-testid="elsewhere">
          {t('openElsewhere')}{' '}
          {elsewhereLinks(query, source.id).map((link) => (
            <ExternalLink key={link.id} href={link.url} class="elsewhere">
              {link.label}
            </ExternalLink>
          ))}
        </p>
      ) : null}
      {reply?.state === 'ok' ? (
        <div data-testid="search-results">
          <p class="search__meta" data-testid="search-meta" data-via={reply.via}>
            {t('resultsMeta', [String(reply.offers.length), viaText(reply.via)])}
            {reply.stale ? ` · ${t('refreshing')}` : ''}{' '}
            <button type="button" onClick={() => void run({ ...current(), refresh: true })}>
              {t('refresh')}
            </button>
          </p>
          {reply.filteredHere.length || reply.sortedHere ? (
            <p class="search__meta" data-testid="refined-here">
              {reply.filteredHere.length
                ? t('filteredHereNote', [reply.filteredHere.map((f) => FILTER_TEXT[f]()).join(', ')])
                : ''}
              {reply.filteredHere.length && reply.sortedHere ? ' · ' : ''}
              {reply.sortedHere ? t('sortedHereNote', [label]) : ''}
            </p>
          ) : null}
          {reply.offers.length === 0 ? <p class="empty">{t('noOffers', [label])}</p> : null}
          <RankedOffers
            offers={reply.offers}
            product={product}
            titleForMatching={query || product?.title || ''}
            kept={kept ?? new Set()}
            onToggleKeep={onToggleKeep}
            searchedAt={reply.fetchedAt}
          />
          {reply.hasMore ? (
            <button type="button" disabled={busy} data-testid="search-more" onClick={() => void more()}>
              {busy ? t('searching') : t('moreOffers')}
            </button>
          ) : null}
        </div>
      ) : reply ? (
        <SourceState
          reply={reply}
          sourceLabel={label}
          onRetry={() => void run(current())}
          onVerified={() =>
            void sendMessage('sourceVerified', { source: source.id })
              .then(() => run({ ...current(), refresh: true }))
              .catch(() => {})
          }
        />
      ) : null}
    </section>
  );
}
