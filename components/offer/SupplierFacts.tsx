import { shipsWithinHours } from '../../core/match/result-view';
import type { WholesaleOffer } from '../../core/sources/types';
import { t } from '../i18n';
import { Chip, Icon } from '../ui';

const percent = (fraction: number) => String(Math.round(fraction * 100));

/**
 * Who sells an offer, as a buyer sizes them up: factory or trader, name, years on the platform, where, the
 * offer's repurchase rate or the shop's return-buyer rate (回头率), sales, and the shipping promise.
 */
export function SupplierFacts(props: {
  offer: Pick<WholesaleOffer, 'supplier' | 'sales' | 'shippingPromise'>;
  /** Facts the card already shows as ranking chips (factory, years, repurchase): not said twice. */
  omit?: ReadonlySet<'factory' | 'years' | 'repurchase'>;
}) {
  const o = props.offer;
  const s = o.supplier;
  const place = [s.country, s.province, s.city].filter(Boolean).join(' ');
  const omit = props.omit ?? new Set();
  return (
    <div class="supplier" data-testid="offer-supplier">
      {s.isFactory === true && !omit.has('factory') ? (
        <Chip tone="success" icon="store">
          {t('factory')}
        </Chip>
      ) : s.isFactory === false ? (
        <Chip>{t('trader')}</Chip>
      ) : null}
      <span class="supplier__name">{s.name ?? s.loginId ?? '—'}</span>
      {s.years !== null && !omit.has('years') ? <span>{t('years', [String(s.years)])}</span> : null}
      {place ? <span>{place}</span> : null}
      {s.repurchaseRate !== null && !omit.has('repurchase') ? (
        <span>{t('repurchase', [percent(s.repurchaseRate)])}</span>
      ) : null}
      {/* The shop's return-buyer rate (回头率) is a fact about the shop, not this offer. */}
      {s.returnBuyerRate != null ? (
        <span data-testid="offer-return-buyers">{t('returnBuyers', [percent(s.returnBuyerRate)])}</span>
      ) : null}
      {o.sales !== null ? <span>{t('sales', [String(o.sales)])}</span> : null}
      {o.shippingPromise ? (
        <span class="supplier__shipping" data-testid="offer-shipping" title={o.shippingPromise}>
          <Icon name="clock" size={12} />
          {shipsWithinHours(o.shippingPromise, 48) ? t('ships48h') : o.shippingPromise}
        </span>
      ) : null}
      {s.badges.slice(0, 2).map((b) => (
        <Chip key={b}>{b}</Chip>
      ))}
    </div>
  );
}
