import { unitPriceAt } from '../../core/inquiry/price';
import { formatMoney } from '../../core/money';
import type { WholesaleOffer } from '../../core/sources/types';
import { t } from '../i18n';

/**
 * Quantity tiers as a buyer reads them ("≥2 ¥15.00 · ≥50 ¥12.50 · ≥500 ¥11.00"), the tier the buyer's quantity
 * falls in highlighted (the same tier core/inquiry/price.ts quotes and the margin is worked out from). Below the
 * minimum order no tier is the buyer's: that is said instead.
 */
export function TierPrices(props: {
  offer: Pick<WholesaleOffer, 'currency' | 'priceTiers' | 'priceMinMinor' | 'moq' | 'unit'>;
  quantity: number | null;
}) {
  const o = props.offer;
  if (o.priceTiers.length < 2) return null;
  const at = props.quantity ? unitPriceAt(o, props.quantity) : null;
  const mine = at && !at.belowMoq ? at.tierMinQty : null;
  const tiers = [...o.priceTiers].sort((a, b) => a.minQty - b.minQty);
  return (
    <ul class="tiers" data-testid="offer-tiers" aria-label={t('tiersLabel')}>
      {tiers.map((tier) => {
        const current = tier.minQty === mine;
        return (
          <li
            key={tier.minQty}
            class={`tiers__tier${current ? ' tiers__tier--mine' : ''}`}
            aria-current={current ? 'true' : undefined}
            title={current ? t('tierMine', [String(props.quantity)]) : undefined}
            data-testid={current ? 'offer-tier-mine' : undefined}
          >
            <span class="tiers__qty">≥{tier.minQty}</span>{' '}
            {formatMoney({ minor: tier.priceMinor, currency: o.currency })}
          </li>
        );
      })}
      {at?.belowMoq ? (
        <li class="tiers__below" data-testid="offer-below-moq">
          {t('belowMoq', [String(props.quantity)])}
        </li>
      ) : null}
    </ul>
  );
}
