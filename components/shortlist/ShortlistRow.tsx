import { formatMoney } from '../../core/money';
import { Sparkline } from '../chart/Sparkline';
import { t } from '../i18n';
import { STATUS_TEXT } from '../status-text';
import { Thumb } from '../Thumb';
import { Chip } from '../ui';
import { changeText, sparkWords } from './format';
import type { ReviewRow } from './review';
import './shortlist.css';

/** Days the row's sparkline covers. */
export const SPARK_DAYS = 30;

export interface RowFocus {
  tabIndex: number;
  index: number;
  setSize: number;
  onFocus: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/**
 * One kept offer in the review list: picture, title, supplier, the price at the buyer's quantity now and its
 * change since kept, a 30-day sparkline, the margin against the retail product, status and tags. The whole row
 * opens the detail view (click, or Enter while it has the focus).
 */
export function ShortlistRow(props: {
  row: ReviewRow;
  quantity: number;
  /** The sparkline's points; undefined while the history is read. */
  spark: readonly { at: number; minor: number }[] | undefined;
  focus: RowFocus;
  onOpen: () => void;
}) {
  const { row, focus } = props;
  const o = row.offer;
  const titleId = `sl-${o.key.replace(/[^\w-]/g, '_')}`;
  const change = row.change ? changeText(row.change) : null;
  return (
    <article
      class="sl-row"
      data-testid="shortlist-row"
      data-offer-key={o.key}
      data-status={row.entry.status}
      aria-labelledby={titleId}
      tabIndex={focus.tabIndex}
      onFocus={(e) => e.target === e.currentTarget && focus.onFocus()}
      onKeyDown={focus.onKeyDown}
      onClick={(e) => {
        // A click on the row opens it; a click on a link inside stays the link's.
        if ((e.target as HTMLElement).closest('a')) return;
        props.onOpen();
      }}
    >
      <Thumb class="sl-row__image" url={o.images[0]} lazy />
      <div class="sl-row__body">
        <span class="sl-row__title ui-clamp-2" id={titleId} data-testid="shortlist-row-title">
          {o.title}
        </span>
        <span class="sl-row__supplier ui-small ui-muted" data-testid="shortlist-row-supplier">
          {o.supplier.name ?? o.source}
        </span>
        <span class="sl-row__prices">
          <span
            class="price"
            data-testid="shortlist-row-price"
            title={t('shortlistPriceAtTitle', [String(props.quantity)])}
          >
            {row.priceNowMinor === null
              ? '—'
              : formatMoney({ minor: row.priceNowMinor, currency: o.currency })}
          </span>
          {change ? (
            <span
              class={`sl-change sl-change--${change.dir}`}
              data-testid="shortlist-row-change"
              data-dir={change.dir}
              title={change.words}
            >
              <span aria-hidden="true">{change.mark}</span>
              <span class="ui-visually-hidden">{change.words}</span>
            </span>
          ) : null}
          <span class="ui-spacer" />
          {props.spark ? (
            <Sparkline points={props.spark} label={sparkWords(props.spark, o.currency, SPARK_DAYS)} />
          ) : (
            <span class="sl-row__spark-slot" aria-hidden="true" />
          )}
        </span>
        <span class="sl-row__marks">
          {row.margin ? (
            <span
              class={`sl-margin${row.margin.profitPerUnitMinor < 0 ? ' sl-margin--loss' : ''}`}
              data-testid="shortlist-row-margin"
            >
              {t('shortlistMargin', [row.margin.marginPct === null ? '—' : String(row.margin.marginPct)])}
            </span>
          ) : null}
          <Chip
            tone={
              row.entry.status === 'rejected'
                ? 'danger'
                : row.entry.status === 'considering'
                  ? 'neutral'
                  : 'accent'
            }
            data-testid="shortlist-row-status"
          >
            {STATUS_TEXT[row.entry.status]()}
          </Chip>
          {row.entry.tags.map((tag) => (
            <Chip key={tag} tone="info" data-testid="shortlist-row-tag">
              {tag}
            </Chip>
          ))}
        </span>
      </div>
    </article>
  );
}
