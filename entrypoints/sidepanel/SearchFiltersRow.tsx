import type { ComponentChildren } from 'preact';
import { t } from '../../components/i18n';
import { Checkbox, NumberField, Select } from '../../components/ui';
import type { ResultFilters } from '../../core/match/result-view';
import type { SourceFeatures } from '../../core/sources/definition';
import type { SearchFilters } from '../../core/sources/provider';

/** Each search filter's name, for "filtered by SourceLens: …" and hints. */
export const FILTER_TEXT: Record<keyof SearchFilters, () => string> = {
  dropship: () => t('filterDropship'),
  maxMinOrder: () => t('filterMaxMoq'),
  province: () => t('filterProvince'),
  city: () => t('filterCity'),
};

/** Provinces where most 1688 suppliers are, as 1688 writes them. */
const PROVINCES = ['浙江', '广东', '江苏', '福建', '山东', '河北', '上海', '河南', '湖北', '安徽'];

/**
 * The panel's one filter row: what a small seller filters on first — dropshipping (一件代发), factories, a
 * minimum order they can meet, 48-hour shipping, where the supplier is, and a price range at their quantity.
 *
 * How they apply: a filter the source takes (its definition's `supports.filters`: 'source') goes out with the
 * next search; one it does not take but SourceLens can apply to its answer ('here') is applied by the search
 * service, which may read a page or two more (and says so); factory, 48 h and price are SourceLens's own. Every
 * active filter also narrows the offers already shown, at once (core/match/result-view.ts) — no new search
 * needed to see its effect. A search filter the source has no use for (null) is not offered.
 */
export function SearchFiltersRow(props: {
  value: ResultFilters;
  onChange: (next: ResultFilters) => void;
  supports: SourceFeatures['filters'];
  sourceLabel: string;
  /** More controls in the same row (the sort). */
  children?: ComponentChildren;
}) {
  const f = props.value;
  const set = (patch: Partial<ResultFilters>) => {
    const next: ResultFilters = { ...f, ...patch };
    // Absent, not undefined-valued, so the request's cache key does not change for nothing.
    for (const k of Object.keys(next) as (keyof ResultFilters)[]) if (next[k] === undefined) delete next[k];
    props.onChange(next);
  };
  const hereNote = (key: keyof SearchFilters) =>
    props.supports[key] === 'here' ? t('filteredHere', [props.sourceLabel]) : undefined;
  return (
    <div class="search-filters" data-testid="search-filters">
      <div class="search-filters__row">
        {props.supports.dropship !== null ? (
          <Checkbox
            class="search-filters__item"
            label={t('filterDropship')}
            title={hereNote('dropship')}
            checked={f.dropship === true}
            data-testid="filter-dropship"
            onChange={(on) => set({ dropship: on || undefined })}
          />
        ) : null}
        <Checkbox
          class="search-filters__item"
          label={t('filterFactory')}
          title={t('filterShownOnly')}
          checked={f.factoryOnly === true}
          data-testid="filter-factory"
          onChange={(on) => set({ factoryOnly: on || undefined })}
        />
        <Checkbox
          class="search-filters__item"
          label={t('filterShips48h')}
          title={t('filterShownOnly')}
          checked={f.ships48h === true}
          data-testid="filter-48h"
          onChange={(on) => set({ ships48h: on || undefined })}
        />
      </div>
      <div class="search-filters__row">
        {props.supports.maxMinOrder !== null ? (
          <span class="search-filters__item" title={hereNote('maxMinOrder')}>
            <NumberField
              inline
              label={t('filterMaxMoq')}
              min={1}
              max={1_000_000}
              integer
              allowEmpty
              width="xs"
              placeholder="—"
              value={f.maxMinOrder ?? null}
              data-testid="filter-max-moq"
              dataAttrs={{ 'data-filtered': props.supports.maxMinOrder }}
              onCommit={(n) => set({ maxMinOrder: n ?? undefined })}
            />
          </span>
        ) : null}
        {props.supports.province !== null ? (
          <Select
            class="search-filters__item"
            size="sm"
            hideLabel
            label={t('filterProvince')}
            title={hereNote('province')}
            value={f.province ?? ''}
            data-testid="filter-province"
            options={[
              { value: '', label: t('filterAnyProvince') },
              ...PROVINCES.map((p) => ({ value: p, label: p })),
            ]}
            onChange={(v) => set({ province: v || undefined })}
          />
        ) : null}
        <fieldset class="search-filters__item search-filters__price" title={t('filterShownOnly')}>
          <legend class="search-filters__legend">{t('filterPrice')}</legend>
          <NumberField
            hideLabel
            label={t('filterPriceMin')}
            min={0}
            max={1_000_000}
            step="any"
            allowEmpty
            width="sm"
            placeholder={t('filterPriceMinShort')}
            value={f.priceMin ?? null}
            data-testid="filter-price-min"
            onCommit={(n) => set({ priceMin: n ?? undefined })}
          />
          <span aria-hidden="true">–</span>
          <NumberField
            hideLabel
            label={t('filterPriceMax')}
            min={0}
            max={1_000_000}
            step="any"
            allowEmpty
            width="sm"
            placeholder={t('filterPriceMaxShort')}
            value={f.priceMax ?? null}
            data-testid="filter-price-max"
            onCommit={(n) => set({ priceMax: n ?? undefined })}
          />
        </fieldset>
        {props.children ? (
          // The order the source is asked for, named by the source so it is not taken for the order of the offers
          // shown (the results' own toolbar has that one).
          <span class="search-filters__item search-filters__sort">
            <span class="ui-small ui-muted" aria-hidden="true">
              {t('searchOrderLabel', [props.sourceLabel])}
            </span>
            {props.children}
          </span>
        ) : null}
      </div>
    </div>
  );
}
