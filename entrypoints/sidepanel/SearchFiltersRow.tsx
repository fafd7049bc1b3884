import { t } from '../../components/i18n';
import type { SearchFilters } from '../../core/sources/provider';

/** Provinces where most 1688 suppliers are, as 1688 writes them. */
const PROVINCES = ['浙江', '广东', '江苏', '福建', '山东', '河北', '上海', '河南', '湖北', '安徽'];

/**
 * What a small seller filters on first: dropshipping (一件代发), a minimum order they can meet, and (1688 only)
 * where the supplier is.
 */
export function SearchFiltersRow(props: {
  value: SearchFilters;
  onChange: (next: SearchFilters) => void;
  /** Province is a 1688 filter; other sources do not take it. */
  withProvince: boolean;
}) {
  const f = props.value;
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...f, ...patch };
    // Absent, not undefined-valued, so the request's cache key does not change for nothing.
    for (const k of Object.keys(next) as (keyof SearchFilters)[]) if (next[k] === undefined) delete next[k];
    props.onChange(next);
  };
  return (
    <div class="search__filters" data-testid="search-filters">
      <label>
        <input
          type="checkbox"
          data-testid="filter-dropship"
          checked={f.dropship === true}
          onChange={(e) => set({ dropship: (e.currentTarget as HTMLInputElement).checked || undefined })}
        />
        {t('filterDropship')}
      </label>
      <label>
        {t('filterMaxMoq')}
        <input
          type="number"
          min={1}
          max={1_000_000}
          placeholder="—"
          data-testid="filter-max-moq"
          value={f.maxMinOrder ?? ''}
          onChange={(e) => {
            const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            set({ maxMinOrder: n >= 1 ? Math.min(n, 1_000_000) : undefined });
          }}
        />
      </label>
      {props.withProvince ? (
        <select
          value={f.province ?? ''}
          aria-label={t('filterProvince')}
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
