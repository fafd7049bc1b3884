import type { ComponentChildren } from 'preact';
import type { Margin } from '../core/match/margin';
import { formatMoney } from '../core/money';
import { safeHttpUrl } from '../core/url';
import type { StoredOffer } from '../storage/types';
import { Chips } from './Chips';
import { ExternalLink } from './ExternalLink';
import { t } from './i18n';
import { Price } from './Price';

/** Quantity tiers as a buyer reads them: "≥2 ¥12.50 · ≥100 ¥11.00". */
function tiers(offer: StoredOffer): string {
  return offer.priceTiers
    .map((tier) => `≥${tier.minQty} ${formatMoney({ minor: tier.priceMinor, currency: offer.currency })}`)
    .join(' · ');
}

/** One wholesale offer with everything a buyer compares. Text only; links only http(s). */
export function OfferCard(props: {
  offer: StoredOffer;
  kept: boolean;
  onToggleKeep: () => void;
  chips?: string[];
  margin?: Margin | null;
  probableSource?: boolean;
  /** Read the offer's detail page (tiers, SKUs); shown for sources that have offer pages to read. */
  onDetails?: () => void;
  detailsOpen?: boolean;
  /** Since when the buyer has seen this offer (or the same listing under another id). */
  seen?: { label: string; detail: string } | null;
  children?: ComponentChildren;
}) {
  const o = props.offer;
  const s = o.supplier;
  const image = safeHttpUrl(o.images[0]);
  const place = [s.country, s.province, s.city].filter(Boolean).join(' ');
  return (
    <article class="offer-card" data-testid="offer-card" data-offer-id={o.offerId}>
      {image ? (
        <img class="offer-card__image" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" />
      ) : null}
      <div class="offer-card__body">
        <ExternalLink class="offer-card__title" href={o.url}>
          <span data-testid="offer-title">{o.title}</span>
        </ExternalLink>
        <div class="offer-card__price">
          <Price minor={o.priceMinMinor} maxMinor={o.priceMaxMinor} currency={o.currency} />
          {o.moq !== null ? (
            <span class="chip" data-testid="offer-moq">
              {t('moq', [String(o.moq), o.unit ?? ''])}
            </span>
          ) : null}
          {o.dropship ? <span class="chip">{t('dropship')}</span> : null}
          {o.isAd ? (
            <span class="chip chip--ad" data-testid="offer-ad">
              {t('ad')}
            </span>
          ) : null}
        </div>
        {props.chips?.length ? (
          // "ad" and "dropship" already stand beside the price.
          <Chips chips={props.chips.filter((c) => c !== 'ad' && c !== 'dropship')} />
        ) : null}
        {props.seen ? (
          <span class="chip chip--seen" data-testid="offer-seen" title={props.seen.detail}>
            {props.seen.label}
          </span>
        ) : null}
        {props.probableSource ? (
          <span class="chip chip--factory" data-testid="probable-source">
            {t('probableSource')}
          </span>
        ) : null}
        {props.margin ? (
          <div class="offer-card__margin" data-testid="offer-margin">
            {t('marginLine', [
              formatMoney({ minor: props.margin.profitPerUnitMinor, currency: 'CNY' }),
              props.margin.marginPct === null ? '—' : String(props.margin.marginPct),
            ])}
          </div>
        ) : null}
        {o.priceTiers.length > 1 ? (
          <div class="offer-card__tiers" data-testid="offer-tiers">
            {tiers(o)}
          </div>
        ) : null}
        <div class="offer-card__supplier" data-testid="offer-supplier">
          {s.isFactory ? <span class="chip chip--factory">{t('factory')}</span> : null}
          <span>{s.name ?? s.loginId ?? '—'}</span>
          {s.years !== null ? <span>{t('years', [String(s.years)])}</span> : null}
          {place ? <span>{place}</span> : null}
          {s.repurchaseRate !== null ? (
            <span>{t('repurchase', [String(Math.round(s.repurchaseRate * 100))])}</span>
          ) : null}
          {/* The shop's return-buyer rate (回头率) is a fact about the shop, not this offer. */}
          {s.returnBuyerRate != null ? (
            <span data-testid="offer-return-buyers">
              {t('returnBuyers', [String(Math.round(s.returnBuyerRate * 100))])}
            </span>
          ) : null}
          {o.sales !== null ? <span>{t('sales', [String(o.sales)])}</span> : null}
          {s.badges.slice(0, 3).map((b) => (
            <span class="chip" key={b}>
              {b}
            </span>
          ))}
        </div>
        <button type="button" class="offer-card__keep" data-testid="offer-keep" onClick={props.onToggleKeep}>
          {props.kept ? t('kept') : t('keep')}
        </button>
        {props.onDetails ? (
          <button
            type="button"
            class="offer-card__details"
            data-testid="offer-details-button"
            aria-expanded={props.detailsOpen ?? false}
            onClick={props.onDetails}
          >
            {props.detailsOpen ? t('hideDetails') : t('showDetails')}
          </button>
        ) : null}
        {props.children}
      </div>
    </article>
  );
}
