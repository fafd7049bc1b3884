import { useEffect, useState } from 'preact/hooks';
import { ExternalLink } from '../../components/ExternalLink';
import { t } from '../../components/i18n';
import { SourceState } from '../../components/SourceState';
import { useLiveQuery } from '../../components/useLiveQuery';
import { elsewhereLinks } from '../../core/sources/elsewhere';
import type { ProviderId } from '../../core/sources/index';
import type { SearchFilters, SortOrder } from '../../core/sources/provider';
import { buildQuery, internationalQuery } from '../../core/sources/query';
import { safeHttpUrl } from '../../core/url';
import { sendMessage } from '../../messaging/client';
import { db } from '../../storage/db';
import { pendingSearch } from '../../storage/pending-search';
import type { StoredProduct } from '../../storage/types';
import { RankedOffers } from './RankedOffers';
import { SearchFiltersRow } from './SearchFiltersRow';
import { type Mode, useSearch } from './useSearch';
import { useSuggestions } from './useSuggestions';

/** The sources a person can search, in the order offered (1688 first: factory prices, Chinese titles). */
const SOURCES: { id: ProviderId; label: string }[] = [
  { id: '1688', label: '1688' },
  { id: 'alibaba', label: 'Alibaba.com' },
];

const withoutProvince = ({ province: _province, ...rest }: SearchFilters): SearchFilters => rest;

const sourceLabel = (id: ProviderId): string => SOURCES.find((s) => s.id === id)?.label ?? id;

/** The query SourceLens proposes for a product on a source: Chinese words for 1688, the title's own words else. */
function proposedQuery(title: string | undefined, source: ProviderId): string {
  if (!title) return '';
  return source === '1688' ? buildQuery(title).query : internationalQuery(title);
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
  const [source, setSource] = useState<ProviderId>('1688');
  const [query, setQuery] = useState(suggested?.query ?? '');
  // Whether the person edited the query (only then are 1688's suggestions asked for).
  const [typed, setTyped] = useState(false);
  // Suggestions come from 1688 only (Alibaba.com's are not read).
  const suggestions = useSuggestions(query, typed && source === '1688');
  const [imageUrl, setImageUrl] = useState<string | null>(picture);
  const [sort, setSort] = useState<SortOrder>('relevance');
  const [filters, setFilters] = useState<SearchFilters>({});
  const { busy, reply, answers, run, more, clear } = useSearch({
    source,
    sort,
    // Province is a 1688 filter only.
    filters: source === '1688' ? filters : withoutProvince(filters),
  });
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
          value={source}
          aria-label={t('searchSource')}
          data-testid="search-source"
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as ProviderId;
            setSource(next);
            // The proposed query follows the source; one the person typed stays.
            if (!typed) setQuery(proposedQuery(product?.title, next));
            clear();
          }}
        >
          {SOURCES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <select
          value={mode}
          onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as Mode)}
          data-testid="search-mode"
        >
          <option value="keywords">{t('byKeywords')}</option>
          <option value="image" disabled={!imageUrl}>
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
        <select
          value={sort}
          onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortOrder)}
          data-testid="search-sort"
        >
          <option value="relevance">{t('sortRelevance')}</option>
          <option value="price-asc">{t('sortPriceAsc')}</option>
          <option value="sales">{t('sortSales')}</option>
        </select>
        <button type="submit" disabled={busy} data-testid="search-button">
          {busy ? t('searching') : t('search', sourceLabel(source))}
        </button>
        <SearchFiltersRow value={filters} onChange={setFilters} withProvince={source === '1688'} />
      </form>
      {mode === 'keywords' && query.trim() ? (
        <p class="search__meta" data-testid="elsewhere">
          {t('openElsewhere')}{' '}
          {elsewhereLinks(query).map((link) => (
            <ExternalLink key={link.id} href={link.url} class="elsewhere">
              {link.label}
            </ExternalLink>
          ))}
        </p>
      ) : null}
      {reply?.state === 'ok' ? (
        <div data-testid="search-results">
          <p class="search__meta" data-testid="search-meta" data-via={reply.via}>
            {t('resultsMeta', String(reply.offers.length), t(`via_${reply.via.replace('-', '_')}`))}
            {reply.stale ? ` · ${t('refreshing')}` : ''}{' '}
            <button type="button" onClick={() => void run({ ...current(), refresh: true })}>
              {t('refresh')}
            </button>
          </p>
          {reply.offers.length === 0 ? <p class="empty">{t('noOffers', sourceLabel(source))}</p> : null}
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
          sourceLabel={sourceLabel(source)}
          onRetry={() => void run(current())}
          onVerified={() =>
            void sendMessage('sourceVerified', { source })
              .then(() => run({ ...current(), refresh: true }))
              .catch(() => {})
          }
        />
      ) : null}
    </section>
  );
}
