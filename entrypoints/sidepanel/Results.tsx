import type { ComponentChildren } from 'preact';
import { t } from '../../components/i18n';
import { sourceLabel, viaText } from '../../components/source-text';
import { Button } from '../../components/ui';
import type { ResultFilters } from '../../core/match/result-view';
import type { Source } from '../../core/sources/index';
import type { SearchReply } from '../../messaging/search';
import type { StoredProduct } from '../../storage/types';
import { RankedOffers } from './RankedOffers';
import { FILTER_TEXT } from './SearchFiltersRow';

/** A search answer with offers in it. */
export type OkReply = Extract<SearchReply, { state: 'ok' }>;

/**
 * Everything the results area is given: the panel's shell (header, search bar, states) owns the search; the
 * results area owns how its offers are shown, ranked, filtered here and acted on.
 */
export interface ResultsProps {
  /** The answer shown, never empty (an empty answer is the shell's "no results" state). */
  reply: OkReply;
  /** The product on the tab the search was for, if any (ranking, margins, keeping an offer for it). */
  product: StoredProduct | null;
  /** The source answered (its name, what it supports). */
  source: Source;
  /** The text the offers are matched against: the query in the offers' language, else the product's title. */
  titleForMatching: string;
  /**
   * The panel's one filter row (SearchFiltersRow): the filters the source takes went out with the search; every
   * active one also narrows the offers shown, at once.
   */
  filters: ResultFilters;
  /** A search or the next page is running. */
  busy: boolean;
  /** The next page of the same list (shown when `reply.hasMore`). */
  onMore: () => void;
  /** The same search again, past the cache. */
  onRefresh: () => void;
  /**
   * The running search's progress line (with Cancel), while the next page or a refresh loads: laid over the meta
   * row (its count and Refresh hidden under it), so neither the row nor the offers below move for it.
   */
  progress?: ComponentChildren;
}

/**
 * The results area of the side panel, behind one boundary: how the answer came, what SourceLens refined here,
 * the ranked offers with what to do with them (RankedOffers and results/), and "more offers".
 */
export function Results(props: ResultsProps) {
  const { reply, source } = props;
  const label = sourceLabel(source);
  return (
    <div class="results" data-testid="search-results">
      <div class="results__meta ui-row ui-small ui-muted" data-testid="search-meta" data-via={reply.via}>
        {/* Hidden, not removed, under the progress: the row keeps its height (one line or two) either way. */}
        <span class={props.progress ? 'results__covered' : undefined}>
          {t('resultsMeta', [String(reply.offers.length), viaText(reply.via)])}
          {reply.stale ? ` · ${t('refreshing')}` : ''}
        </span>
        <span class="ui-spacer" />
        <Button variant="ghost" size="sm" icon="refresh" onClick={props.onRefresh} disabled={props.busy}>
          {t('refresh')}
        </Button>
        {props.progress ? <div class="results__progress">{props.progress}</div> : null}
      </div>
      {reply.filteredHere.length || reply.sortedHere ? (
        <p class="ui-small ui-muted" data-testid="refined-here">
          {reply.filteredHere.length
            ? t('filteredHereNote', [reply.filteredHere.map((f) => FILTER_TEXT[f]()).join(', ')])
            : ''}
          {reply.filteredHere.length && reply.sortedHere ? ' · ' : ''}
          {reply.sortedHere ? t('sortedHereNote', [label]) : ''}
        </p>
      ) : null}
      <RankedOffers
        offers={reply.offers}
        product={props.product}
        titleForMatching={props.titleForMatching}
        searchedAt={reply.fetchedAt}
        filters={props.filters}
        busy={props.busy}
      />
      {reply.hasMore ? (
        <Button
          class="results__more"
          busy={props.busy}
          disabled={props.busy}
          data-testid="search-more"
          onClick={props.onMore}
        >
          {props.busy ? t('searching') : t('moreOffers')}
        </Button>
      ) : null}
    </div>
  );
}
