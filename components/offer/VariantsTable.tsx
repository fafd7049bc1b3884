import { formatMoney } from '../../core/money';
import type { OfferSku } from '../../core/sources/provider';
import { t } from '../i18n';

/** Rows of SKUs shown before "and N more": a detail page can list hundreds of colour × size pairs. */
const SKU_ROWS = 30;

/**
 * An offer's variants (SKUs) with their prices and stock, as its page listed them: read just now (Details) or
 * kept from the last read (the shortlist). `total` counts every variant the page listed, `skus` may hold fewer;
 * `skusKnown` false says the page carried no variant map at all ("not loaded", never "none").
 */
export function VariantsTable(props: {
  skus: OfferSku[];
  total: number;
  skusKnown: boolean;
  currency: string;
  /** The table's caption; "N variants" when not given. */
  caption?: string;
}) {
  const { skus, total, currency } = props;
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney({ minor, currency }));
  const shown = skus.slice(0, SKU_ROWS);
  return (
    <>
      {skus.length ? (
        <table class="offer-details__skus ui-table" data-testid="offer-details-skus">
          <caption>{props.caption ?? t('detailSkus', [String(total)])}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skuSpec')}</th>
              <th scope="col">{t('skuPrice')}</th>
              <th scope="col">{t('skuStock')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((sku) => (
              <tr key={`${sku.spec}|${sku.skuId ?? ''}`} data-testid="offer-details-sku">
                <td>{sku.spec}</td>
                <td>{money(sku.discountPriceMinor ?? sku.priceMinor)}</td>
                <td>{sku.stock === null ? '—' : String(sku.stock)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!props.skusKnown ? (
        <p class="ui-muted" data-testid="offer-details-no-variant-map">
          {t('variantsNotLoaded')}
        </p>
      ) : null}
      {total > shown.length ? <p class="ui-muted">{t('moreSkus', [String(total - shown.length)])}</p> : null}
    </>
  );
}
