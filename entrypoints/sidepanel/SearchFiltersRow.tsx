import { t } from '../../components/i18n';
import type { SourceFeatures } from '../../core/sources/definition';
import type { SearchFilters } from '../../core/sources/provider';

/** Each filter's name, for "filtered by SourceLens: …" and hints. */
export const FILTER_TEXT: Record<keyof SearchFilters, () => string> = {
  dropship: () => t('filterDropship'),
  maxMinOrder: () => t('filterMaxMoq'),
  province: () => t('filterProvince'),
  city: () => t('filterCity'),
};

/** Provinces where most 1688 suppliers are, as 1688 writes them. */
const PROVINCES = ['浙江', '广东', '江苏', '福建', '山东', '河北', '上海', '河南', '湖北', '安徽'];

/**
 * What a small seller filters on first: dropshipping (一件代发), a minimum order they can meet, and where the
 * supplier is — each only when the source takes it (its definition's `supports.filters`). A filter the source
 * does not take but SourceLens applies to its answer says so.
 */
export function SearchFiltersRow(props: {
  value: SearchFilters;
  onChange: (next: SearchFilters) => void;
  supports: SourceFeatures['filters'];
  sourceLabel: string;
}) {
  const f = props.value;
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...f, ...patch };
    // Absent, not undefined-valued, so the request's cache key does not change for nothing.
    for (const k of Object.keys(next) as (keyof SearchFilters)[]) if (next[k] === undefined) delete next[k];
    props.onChange(next);
  };
  const hereNote = (key: keyof SearchFilters) =>
    props.supports[key] === 'here' ? t('filteredHere', [props.sourceLabel]) : undefined;
  return (
    <div class="search__filters" data-testid="search-filters">
      {props.supports.dropship !== null ? (
        <label title={hereNote('dropship')}>
          <input
            type="checkbox"
            data-testid="filter-dropship"
            checked={f.dropship === true}
            onChange={(e) => set({ dropship: (e.currentTarget as HTMLInputElement).checked || undefined })}
          />
          {t('filterDropship')}
        </label>
      ) : null}
      {props.supports.maxMinOrder !== null ? (
        <label title={hereNote('maxMinOrder')}>
          {t('filterMaxMoq')}
          <input
            type="number"
            min={1}
            max={1_000_000}
            placeholder="—"
            data-testid="filter-max-moq"
            data-filtered={props.supports.maxMinOrder}
            value={f.maxMinOrder ?? ''}
            onChange={(e) => {
              const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
              set({ maxMinOrder: n >= 1 ? Math.min(n, 1_000_000) : undefined });
            }}
          />
        </label>
      ) : null}
      {props.supports.province !== null ? (
        <select
          value={f.province ?? ''}
          aria-label={t('filterProvince')}
          title={hereNote('province')}
          data-testid="filter-province"
          onChange={(e) => set({ province: (e.currentTarget as HTMLSelectElement).value || undefined })}
        >
          <option value="">{t('filterAnyProvince')}</option>
          {PROVINCES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
