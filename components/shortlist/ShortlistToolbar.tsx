import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { SHORTLIST_STATUSES } from '../../storage/types';
import { t } from '../i18n';
import { STATUS_TEXT } from '../status-text';
import { Button, Select, TextField } from '../ui';
import type { PriceMoved, ReviewFilters, ReviewSort } from './review';

const SORT_TEXT: Record<ReviewSort, () => string> = {
  kept: () => t('shortlistSortKept'),
  margin: () => t('shortlistSortMargin'),
  change: () => t('shortlistSortChange'),
  price: () => t('shortlistSortPrice'),
};

const MOVED_TEXT: Record<PriceMoved, () => string> = {
  any: () => t('shortlistMovedAny'),
  moved: () => t('shortlistMovedAnyWay'),
  down: () => t('shortlistMovedDown'),
  up: () => t('shortlistMovedUp'),
};

/**
 * Above the kept offers: the fuzzy search (title, supplier, notes, tags), the order, the actions given (grouping,
 * export), and the filters (status, tag, source, price moved, retail product), folded under a button at 320 px.
 */
export function ShortlistToolbar(props: {
  query: string;
  onQuery: (q: string) => void;
  sort: ReviewSort;
  onSort: (s: ReviewSort) => void;
  filters: ReviewFilters;
  onFilters: (f: ReviewFilters) => void;
  filtersOpen: boolean;
  onFiltersOpen: (open: boolean) => void;
  choices: { tags: string[]; sources: string[]; products: { key: string; title: string }[] };
  sourceLabel: (id: string) => string;
  /** More actions at the end of the order row (export). */
  actions?: ComponentChildren;
}) {
  const f = props.filters;
  const set = (patch: Partial<ReviewFilters>) => props.onFilters({ ...f, ...patch });
  const panelId = useId();
  const active =
    (f.status !== 'all' ? 1 : 0) +
    (f.tag !== null ? 1 : 0) +
    (f.source !== null ? 1 : 0) +
    (f.moved !== 'any' ? 1 : 0) +
    (f.product !== null ? 1 : 0);
  const ALL = '\u0000all';
  return (
    <div class="sl-toolbar" data-testid="shortlist-toolbar">
      <TextField
        type="search"
        hideLabel
        label={t('shortlistSearch')}
        placeholder={t('shortlistSearchHint')}
        value={props.query}
        data-testid="shortlist-search"
        onInput={props.onQuery}
      />
      <div class="sl-toolbar__row">
        <Select
          size="sm"
          label={t('shortlistSortLabel')}
          hideLabel
          title={t('shortlistSortLabel')}
          value={props.sort}
          data-testid="shortlist-sort"
          options={(['kept', 'margin', 'change', 'price'] as const).map((s) => ({
            value: s,
            label: SORT_TEXT[s](),
          }))}
          onChange={props.onSort}
        />
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={props.filtersOpen}
          aria-controls={panelId}
          data-testid="shortlist-filters-button"
          onClick={() => props.onFiltersOpen(!props.filtersOpen)}
        >
          {active ? t('shortlistFiltersN', [String(active)]) : t('shortlistFilters')}
        </Button>
        <span class="ui-spacer" />
        {props.actions}
      </div>
      <div
        id={panelId}
        class="sl-toolbar__filters"
        hidden={!props.filtersOpen}
        data-testid="shortlist-filters"
      >
        <Select
          size="sm"
          label={t('shortlistFilterStatus')}
          value={f.status}
          data-testid="shortlist-filter-status"
          options={[
            { value: 'all', label: t('shortlistAny') },
            ...SHORTLIST_STATUSES.map((s) => ({ value: s, label: STATUS_TEXT[s]() })),
          ]}
          onChange={(status) => set({ status })}
        />
        <Select
          size="sm"
          label={t('shortlistFilterTag')}
          value={f.tag ?? ALL}
          data-testid="shortlist-filter-tag"
          options={[
            { value: ALL, label: t('shortlistAny') },
            ...props.choices.tags.map((tag) => ({ value: tag, label: tag })),
          ]}
          onChange={(v) => set({ tag: v === ALL ? null : v })}
        />
        <Select
          size="sm"
          label={t('shortlistFilterSource')}
          value={f.source ?? ALL}
          data-testid="shortlist-filter-source"
          options={[
            { value: ALL, label: t('shortlistAny') },
            ...props.choices.sources.map((s) => ({ value: s, label: props.sourceLabel(s) })),
          ]}
          onChange={(v) => set({ source: v === ALL ? null : v })}
        />
        <Select
          size="sm"
          label={t('shortlistFilterMoved')}
          value={f.moved}
          data-testid="shortlist-filter-moved"
          options={(['any', 'moved', 'down', 'up'] as const).map((m) => ({
            value: m,
            label: MOVED_TEXT[m](),
          }))}
          onChange={(moved) => set({ moved })}
        />
        <Select
          size="sm"
          class="sl-toolbar__wide"
          label={t('shortlistFilterProduct')}
          value={f.product ?? ALL}
          data-testid="shortlist-filter-product"
          options={[
            { value: ALL, label: t('shortlistAny') },
            { value: '', label: t('shortlistNoProduct') },
            ...props.choices.products.map((p) => ({ value: p.key, label: p.title })),
          ]}
          onChange={(v) => set({ product: v === ALL ? null : v })}
        />
      </div>
    </div>
  );
}
