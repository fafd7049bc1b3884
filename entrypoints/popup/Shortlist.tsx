import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import type { ShortlistData } from '../../components/shortlist/data';
import { readHistories } from '../../components/shortlist/data';
import {
  buildRows,
  filterChoices,
  groupByProduct,
  type HistoryPoint,
  NO_FILTERS,
  needsHistory,
  passesFilters,
  type ReviewFilters,
  type ReviewRow,
  type ReviewSort,
  sortRows,
  sparkSeries,
} from '../../components/shortlist/review';
import { type ListItem, ShortlistList } from '../../components/shortlist/ShortlistList';
import { ShortlistRow, SPARK_DAYS } from '../../components/shortlist/ShortlistRow';
import { ShortlistToolbar } from '../../components/shortlist/ShortlistToolbar';
import { searchIndex } from '../../components/shortlist/search';
import { sourceLabelById } from '../../components/source-text';
import { Button, Chip, EmptyState } from '../../components/ui';
import { useLiveQuery } from '../../components/useLiveQuery';
import { db } from '../../storage/db';
import type { MarginSettings } from '../../storage/settings/margin';

/**
 * The kept offers to review: search, filters, orders and grouping over a virtualised list whose rows show the
 * price at the buyer's quantity, its change since kept, a 30-day sparkline, the margin, status and tags. The
 * histories of the rows drawn are read as they come into view (all of them when an order or filter needs every
 * offer's change). Opening a row hands it to the popup's detail view.
 */
export function Shortlist(props: {
  data: ShortlistData;
  settings: MarginSettings;
  onOpen: (offerKey: string) => void;
  /** The row to give the focus back to (returning from its detail view). */
  focusRequest: { key: string; n: number } | null;
}) {
  const { data, settings } = props;
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ReviewFilters>(NO_FILTERS);
  const [sort, setSort] = useState<ReviewSort>('kept');
  const [grouped, setGrouped] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [visible, setVisible] = useState<string[]>([]);

  // Histories read so far, kept as the list scrolls (a row scrolled back into view is drawn at once).
  const seen = useRef(new Map<string, HistoryPoint[]>());
  const all = needsHistory(filters, sort);
  const wanted = all ? data.entries.map((e) => e.offerKey) : visible;
  const wantedKey = wanted.join('\n');
  const read = useLiveQuery(() => readHistories(db(), wanted), [wantedKey]);
  const histories = useMemo(() => {
    // The first screen's histories came with the first read; what the live read says is newer.
    for (const [k, v] of data.histories) if (!seen.current.has(k)) seen.current.set(k, v);
    if (read) for (const [k, v] of read) seen.current.set(k, v);
    return new Map(seen.current);
  }, [read, data.histories]);

  const rows = useMemo(
    () => buildRows(data.entries, data.offers, data.products, settings, histories),
    [data, settings, histories],
  );
  // The fuzzy index is built on the first query, not on the way to the list's first frame.
  const search = useMemo(() => {
    let index: ReturnType<typeof searchIndex> | null = null;
    return (q: string) => {
      if (!q.trim()) return null;
      index ??= searchIndex(rows);
      return index(q);
    };
  }, [data]);
  const choices = useMemo(() => filterChoices(rows), [data]);
  const matches = useMemo(() => search(query), [search, query]);
  const shown = useMemo(() => {
    const passing = rows.filter((r) => (!matches || matches.has(r.offer.key)) && passesFilters(r, filters));
    return sortRows(passing, sort, settings.rates);
  }, [rows, matches, filters, sort, settings.rates]);
  const items = useMemo<ListItem<ReviewRow>[]>(() => {
    if (!grouped) return shown.map((row) => ({ kind: 'row', key: row.offer.key, row }));
    return groupByProduct(shown, settings.rates).flatMap((g) => [
      {
        kind: 'header' as const,
        key: `group:${g.productKey ?? ''}`,
        node: (
          <h3 class="sl-group" data-testid="shortlist-group-header" data-count={g.rows.length}>
            {g.product
              ? t('shortlistGroupFor', [String(g.rows.length), g.product.title])
              : t('shortlistGroupNone', [String(g.rows.length)])}
          </h3>
        ),
      },
      ...g.rows.map((row) => ({ kind: 'row' as const, key: row.offer.key, row })),
    ]);
  }, [shown, grouped, settings.rates]);

  const now = useMemo(() => Date.now(), [histories]);
  useEffect(() => setVisible((v) => v.filter((k) => data.offers.has(k))), [data]);

  const filtering = !!matches || filters !== NO_FILTERS;
  return (
    <div class="sl" data-testid="shortlist" data-complete={data.complete}>
      <ShortlistToolbar
        query={query}
        onQuery={setQuery}
        sort={sort}
        onSort={setSort}
        filters={filters}
        onFilters={setFilters}
        filtersOpen={filtersOpen}
        onFiltersOpen={setFiltersOpen}
        choices={choices}
        sourceLabel={sourceLabelById}
        actions={
          <Chip onClick={() => setGrouped(!grouped)} pressed={grouped} data-testid="shortlist-group">
            {t('shortlistGroup')}
          </Chip>
        }
      />
      {items.length ? (
        <ShortlistList
          items={items}
          label={t('shortlist')}
          focusRequest={props.focusRequest}
          onVisible={setVisible}
          onOpen={(_row, key) => props.onOpen(key)}
          renderRow={(row, focus) => {
            const history = histories.get(row.offer.key);
            const quantity = row.entry.quantity ?? settings.quantity;
            return (
              <ShortlistRow
                row={row}
                quantity={quantity}
                spark={history ? sparkSeries(history, quantity, now, SPARK_DAYS) : undefined}
                focus={focus}
                onOpen={() => props.onOpen(row.offer.key)}
              />
            );
          }}
        />
      ) : (
        <EmptyState
          compact
          title={t('shortlistNoMatch')}
          data-testid="shortlist-no-match"
          action={
            filtering ? (
              <Button
                size="sm"
                onClick={() => {
                  setQuery('');
                  setFilters(NO_FILTERS);
                }}
              >
                {t('shortlistClearFilters')}
              </Button>
            ) : null
          }
        />
      )}
    </div>
  );
}
