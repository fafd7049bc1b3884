import { useId } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { Banner, Button, Chip, EmptyState, ProgressLine, Skeleton } from '../../components/ui';
import type { SearchProgress } from '../../storage/search-progress';

/** Shorter queries to offer when a search found nothing: the query without its last word, then two, … */
export function fewerWords(query: string, most = 3): string[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let n = words.length - 1; n >= 1 && out.length < most; n--) out.push(words.slice(0, n).join(' '));
  return out;
}

/**
 * Nothing spotted on the tab: say so, and the two ways on — type what you are looking for (the search bar is
 * focused), or search by a picture on the page through the in-page button or the right-click menu (the panel
 * does not know the page's pictures).
 */
export function NothingSpotted(props: { onType: () => void }) {
  return (
    <EmptyState
      icon="search"
      title={t('noProductOnTab')}
      body={t('noProductNext')}
      data-testid="no-product"
      action={
        <Button variant="secondary" icon="text" data-testid="type-query" onClick={props.onType}>
          {t('typeWhatYouLookFor')}
        </Button>
      }
    >
      <p class="ui-small ui-muted" data-testid="picture-hint">
        {t('pictureSearchHint')}
      </p>
    </EmptyState>
  );
}

/**
 * A search that found nothing: what to try next — the same query with fewer words (one click searches it) and,
 * when there is a picture the source can search by, the picture instead.
 */
export function NoResults(props: {
  sourceLabel: string;
  mode: 'keywords' | 'image';
  query: string;
  onQuery: (query: string) => void;
  /** Search by the product's picture instead (null: no picture, or the source has no picture search). */
  onPicture: (() => void) | null;
  /** Search by the product's words instead (an image search found nothing). */
  onWords: (() => void) | null;
}) {
  const labelId = useId();
  const shorter = props.mode === 'keywords' ? fewerWords(props.query) : [];
  const picture = props.mode === 'keywords' ? props.onPicture : null;
  return (
    <EmptyState
      icon="search"
      title={t('noOffers', [props.sourceLabel])}
      body={props.mode === 'keywords' ? t('noOffersNextWords') : t('noOffersNextPicture')}
      data-testid="state-no-results"
      action={
        <>
          {picture ? (
            <Button icon="image" data-testid="no-results-picture" onClick={picture}>
              {t('searchByPictureInstead')}
            </Button>
          ) : null}
          {props.mode === 'image' && props.onWords ? (
            <Button icon="text" data-testid="no-results-words" onClick={props.onWords}>
              {t('searchByWordsInstead')}
            </Button>
          ) : null}
        </>
      }
    >
      {shorter.length ? (
        <div class="no-results__fewer">
          <span class="ui-small ui-muted" id={labelId}>
            {t('fewerWords')}
          </span>
          <ul class="ui-row ui-row--tight no-results__chips" aria-labelledby={labelId}>
            {shorter.map((q) => (
              <li key={q}>
                <Chip icon="search" data-testid="fewer-words" onClick={() => props.onQuery(q)}>
                  {q}
                </Chip>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </EmptyState>
  );
}

/** What each step of a running search is, in words ("page N" for result pages). */
const STEP_TEXT: Record<SearchProgress['step'], (label: string, page: number) => string> = {
  waiting: (label) => t('stepWaiting', [label]),
  token: (label) => t('stepToken', [label]),
  upload: (label) => t('stepUpload', [label]),
  search: (label, page) => t('stepPage', [label, String(page)]),
  'offer-page': (label) => t('stepOfferPage', [label]),
  suggest: (label) => t('stepSuggest', [label]),
};

/**
 * A running search: which source, what it is doing now (waiting for its turn, the token handshake, uploading the
 * picture, page N), how many offers so far, and Cancel.
 */
export function Searching(props: {
  sourceLabel: string;
  progress: SearchProgress | null;
  onCancel: () => void;
}) {
  const p = props.progress;
  const step = p ? STEP_TEXT[p.step](props.sourceLabel, p.page) : t('searchingOn', [props.sourceLabel]);
  const offers = p && p.offers > 0 ? ` · ${t('offersSoFar', [String(p.offers)])}` : '';
  return (
    <ProgressLine
      label={`${step}${offers}`}
      data-testid="search-progress"
      dataAttrs={{ 'data-step': p?.step ?? 'start', 'data-page': String(p?.page ?? 0) }}
    >
      <Button size="sm" variant="ghost" icon="close" data-testid="search-cancel" onClick={props.onCancel}>
        {t('cancel')}
      </Button>
    </ProgressLine>
  );
}

/** Every source is turned off in the options: said where the search bar would be, with the way back on. */
export function AllSourcesOff() {
  return (
    <Banner
      tone="info"
      icon="settings"
      title={t('allSourcesOffTitle')}
      data-testid="state-sources-off"
      actions={
        <Button
          variant="primary"
          icon="settings"
          data-testid="open-options"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('openOptions')}
        </Button>
      }
    >
      <p>{t('allSourcesOffBody')}</p>
    </Banner>
  );
}

/** Placeholders where offer cards will come, so the first answer does not push anything around. */
export function ResultsSkeleton() {
  return (
    <div class="results-skeleton" aria-hidden="true" data-testid="results-skeleton">
      {[0, 1, 2].map((i) => (
        <div class="results-skeleton__card" key={i}>
          <Skeleton width="72px" height={72} />
          <div class="ui-stack ui-stack--tight results-skeleton__lines">
            <Skeleton height={13} width="92%" />
            <Skeleton height={13} width="70%" />
            <Skeleton height={12} width="45%" />
          </div>
        </div>
      ))}
    </div>
  );
}
