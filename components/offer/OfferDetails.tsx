import { formatMoney } from '../../core/money';
import type { OfferReply } from '../../messaging/search';
import { t } from '../i18n';
import './offer.css';
import { SourceState } from '../SourceState';
import { Banner, Spinner } from '../ui';
import { VariantsTable } from './VariantsTable';

/**
 * An offer as its detail page shows it, read on request: every quantity tier, the minimum order and unit,
 * dropshipping, and the SKUs with their prices and stock. Walls and delisted offers say so.
 */
export function OfferDetails(props: {
  reply: OfferReply | 'loading';
  /** The offer's source as people know it, for its walls ("Verify on 1688"). */
  sourceLabel: string;
  onRetry: () => void;
  onVerified: () => void;
}) {
  const r = props.reply;
  if (r === 'loading')
    return (
      <p class="offer-details ui-row ui-muted" data-testid="offer-details-loading">
        <Spinner />
        {t('readingOffer')}
      </p>
    );
  if (r.state === 'delisted')
    return (
      <Banner tone="warn" data-testid="offer-details-delisted">
        <p>{t('offerDelisted')}</p>
      </Banner>
    );
  if (r.state !== 'ok')
    return (
      <SourceState
        reply={r}
        sourceLabel={props.sourceLabel}
        onRetry={props.onRetry}
        onVerified={props.onVerified}
      />
    );
  const o = r.offer;
  const money = (minor: number | null) =>
    minor === null ? '—' : formatMoney({ minor, currency: o.currency });
  return (
    <div class="offer-details" data-testid="offer-details" data-read={r.read}>
      <table class="offer-details__tiers ui-table" data-testid="offer-details-tiers">
        <caption>{t('detailTiers')}</caption>
        <tbody>
          {o.priceTiers.map((tier) => (
            <tr key={tier.minQty}>
              <th scope="row">≥{tier.minQty}</th>
              <td>{money(tier.priceMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="offer-details-facts">
        {o.moq !== null ? t('moq', [String(o.moq), o.unit ?? '']) : null}
        {o.dropship !== null ? ` · ${o.dropship ? t('dropship') : t('noDropship')}` : ''}
        {o.supplier.name ? ` · ${o.supplier.name}` : ''}
        {o.supplier.loginId && o.supplier.loginId !== o.supplier.name ? ` (${o.supplier.loginId})` : ''}
      </p>
      <VariantsTable skus={r.skus} total={r.skus.length} skusKnown={r.skusKnown} currency={o.currency} />
    </div>
  );
}
