import { t } from '../../../components/i18n';
import { NumberField, Select } from '../../../components/ui';
import { RESULT_SORTS, type ResultSort } from '../../../core/match/result-view';

/** Each order of the shown offers, by name. */
const RESULT_SORT_TEXT: Record<ResultSort, () => string> = {
  match: () => t('resultSortMatch'),
  'unit-price': () => t('resultSortUnitPrice'),
  margin: () => t('resultSortMargin'),
  sales: () => t('resultSortSales'),
  repurchase: () => t('resultSortRepurchase'),
};

/**
 * Above the offers: the buyer's quantity (tiers, margins and the unit-price order follow it), the order of the
 * shown offers, and how many of the answer the filters leave.
 */
export function ResultsToolbar(props: {
  quantity: number;
  onQuantity: (n: number) => void;
  sort: ResultSort;
  onSort: (sort: ResultSort) => void;
  shown: number;
  total: number;
}) {
  return (
    <div class="results-toolbar" data-testid="results-toolbar">
      <NumberField
        inline
        class="results-toolbar__quantity"
        label={t('buyQuantity')}
        min={1}
        max={1_000_000}
        integer
        width="xs"
        value={props.quantity}
        data-testid="buy-quantity"
        onCommit={(n) => props.onQuantity(n ?? 1)}
      />
      <Select
        size="sm"
        label={t('resultSort')}
        class="results-toolbar__sort"
        value={props.sort}
        data-testid="results-sort"
        options={RESULT_SORTS.map((s) => ({ value: s, label: RESULT_SORT_TEXT[s]() }))}
        onChange={props.onSort}
      />
      {props.shown < props.total ? (
        <p class="results-toolbar__count ui-small ui-muted" data-testid="results-filtered">
          {t('resultsFiltered', [String(props.shown), String(props.total)])}
        </p>
      ) : null}
    </div>
  );
}
