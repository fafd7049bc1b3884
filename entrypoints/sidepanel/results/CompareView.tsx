import type { ComponentChildren } from 'preact';
import { ExternalLink } from '../../../components/ExternalLink';
import { t } from '../../../components/i18n';
import { Chips } from '../../../components/offer/Chips';
import { Button } from '../../../components/ui';
import {
  type CompareBestRow,
  type CompareColumn,
  compareColumns,
  type ResultRow,
  type ViewContext,
} from '../../../core/match/result-view';
import { formatMoney } from '../../../core/money';
import { safeHttpUrl } from '../../../core/url';
import type { StoredOffer } from '../../../storage/types';
import { Dialog } from './Dialog';

type Row = ResultRow<StoredOffer>;
type Column = CompareColumn<Row>;

const percent = (f: number) => String(Math.round(f * 100));
const dash = (text: ComponentChildren | null) => text ?? '—';

/** The facts set side by side, one row each: its name, the cell for one offer, and its best mark if any. */
const FACTS: {
  name: () => string;
  best?: CompareBestRow;
  cell: (c: Column, ctx: ViewContext) => ComponentChildren;
}[] = [
  {
    name: () => t('comparePriceAt'),
    best: 'price',
    cell: (c, ctx) =>
      c.price ? (
        <>
          <strong class="price">{formatMoney(c.price.money)}</strong>
          {c.price.belowMoq ? <span class="ui-tiny"> ({t('belowMoq', [String(ctx.quantity)])})</span> : null}
        </>
      ) : (
        '—'
      ),
  },
  {
    name: () => t('compareMoq'),
    best: 'moq',
    cell: (c) => dash(c.moq === null ? null : `${c.moq} ${c.row.offer.unit ?? ''}`),
  },
  {
    name: () => t('compareTiers'),
    cell: (c) =>
      c.row.offer.priceTiers.length ? (
        <ul class="compare__tiers">
          {c.row.offer.priceTiers.map((tier) => (
            <li key={tier.minQty}>
              ≥{tier.minQty} {formatMoney({ minor: tier.priceMinor, currency: c.row.offer.currency })}
            </li>
          ))}
        </ul>
      ) : (
        '—'
      ),
  },
  {
    name: () => t('compareMargin'),
    best: 'margin',
    cell: (c) =>
      c.row.margin
        ? `${formatMoney({ minor: c.row.margin.profitPerUnitMinor, currency: 'CNY' })} · ${c.row.margin.marginPct ?? '—'}%`
        : '—',
  },
  {
    name: () => t('compareSupplier'),
    cell: (c) => {
      const s = c.row.offer.supplier;
      const kind = s.isFactory === true ? t('factory') : s.isFactory === false ? t('trader') : null;
      return dash([s.name ?? s.loginId, kind].filter(Boolean).join(' · ') || null);
    },
  },
  {
    name: () => t('compareYears'),
    best: 'years',
    cell: (c) =>
      dash(c.row.offer.supplier.years === null ? null : t('years', [String(c.row.offer.supplier.years)])),
  },
  {
    name: () => t('compareLocation'),
    cell: (c) => {
      const s = c.row.offer.supplier;
      return dash([s.country, s.province, s.city].filter(Boolean).join(' ') || null);
    },
  },
  {
    name: () => t('compareRepurchase'),
    best: 'repurchase',
    cell: (c) => {
      const s = c.row.offer.supplier;
      if (s.repurchaseRate !== null) return t('repurchase', [percent(s.repurchaseRate)]);
      return dash(s.returnBuyerRate != null ? t('returnBuyers', [percent(s.returnBuyerRate)]) : null);
    },
  },
  {
    name: () => t('compareShipping'),
    cell: (c) => (c.ships48h ? t('ships48h') : dash(c.row.offer.shippingPromise)),
  },
  {
    name: () => t('compareDropship'),
    cell: (c) =>
      c.row.offer.dropship === true ? t('compareYes') : c.row.offer.dropship === false ? t('compareNo') : '—',
  },
  {
    name: () => t('compareReasons'),
    cell: (c) => (c.row.chips.length ? <Chips chips={[...c.row.chips]} /> : '—'),
  },
];

/**
 * Two to four offers side by side: one column per offer (picture, title, remove), one row per fact, the best of
 * a row marked. The table scrolls sideways inside the sheet with the facts' names held at the left, so it fits a
 * 320 px panel.
 */
export function CompareView(props: {
  rows: readonly Row[];
  ctx: ViewContext;
  onRemove: (key: string) => void;
  onClose: () => void;
}) {
  const { columns, best } = compareColumns(props.rows, props.ctx);
  return (
    <Dialog
      title={t('compareTitle', [String(columns.length)])}
      onClose={props.onClose}
      wide
      data-testid="compare-view"
    >
      <p class="ui-small ui-muted">{t('compareAtQuantity', [String(props.ctx.quantity)])}</p>
      <div class="compare" data-testid="compare-scroll">
        <table class="compare__table" data-testid="compare-table">
          <thead>
            <tr>
              <td />
              {columns.map((c) => {
                const image = safeHttpUrl(c.row.offer.images[0]);
                return (
                  <th
                    key={c.row.key}
                    scope="col"
                    data-offer-id={c.row.offer.offerId}
                    data-testid="compare-offer"
                  >
                    {image ? (
                      <img class="compare__image" src={image} alt="" referrerpolicy="no-referrer" />
                    ) : null}
                    <ExternalLink class="compare__title ui-clamp-2" href={c.row.offer.url}>
                      {c.row.offer.title}
                    </ExternalLink>
                    <Button
                      variant="ghost"
                      size="sm"
                      icon="close"
                      label={t('compareRemove')}
                      onClick={() => props.onRemove(c.row.key)}
                    />
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {FACTS.map((fact) => {
              const marked = fact.best ? best[fact.best] : [];
              return (
                <tr key={fact.name()}>
                  <th scope="row">{fact.name()}</th>
                  {columns.map((c, i) => (
                    <td
                      key={c.row.key}
                      class={marked.includes(i) ? 'compare__best' : undefined}
                      data-best={marked.includes(i) ? 'true' : undefined}
                    >
                      {fact.cell(c, props.ctx)}
                      {marked.includes(i) ? (
                        <span class="ui-visually-hidden"> ({t('compareBest')})</span>
                      ) : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
