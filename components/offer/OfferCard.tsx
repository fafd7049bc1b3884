import type { ComponentChildren, Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Margin } from '../../core/match/margin';
import { formatMoney } from '../../core/money';
import { safeHttpUrl } from '../../core/url';
import type { ShortlistStatus, StoredOffer } from '../../storage/types';
import { t } from '../i18n';
import { Price } from '../Price';
import { STATUS_TEXT } from '../status-text';
import { Button, Checkbox, Chip, Icon } from '../ui';
import { Chips } from './Chips';
import '../offers.css';
import './offer.css';
import { SupplierFacts } from './SupplierFacts';
import { TierPrices } from './TierPrices';

export interface OfferCardProps {
  offer: StoredOffer;
  kept: boolean;
  /** The Keep button: the popup drops a kept offer with it; the side panel opens its keep dialog. */
  onToggleKeep: () => void;
  /** The buyer's quantity: the tier it falls in is highlighted. */
  quantity?: number | null;
  chips?: readonly string[];
  margin?: Margin | null;
  probableSource?: boolean;
  /** Since when the buyer has seen this offer (or the same listing under another id). */
  seen?: { label: string; detail: string } | null;
  /** Where the kept offer stands on the shortlist (shown from "contacted" on). */
  status?: ShortlistStatus | null;
  /** Read the offer's detail page (tiers, SKUs); shown for sources that have offer pages to read. */
  onDetails?: () => void;
  detailsOpen?: boolean;
  /** Ask the supplier (询): opens the message dialog. */
  onAsk?: () => void;
  /** Copy a sourcing summary for chat apps. */
  onCopySummary?: () => void;
  /** Ticked for the compare view; `disabled` when four others are already ticked. */
  compare?: { selected: boolean; disabled: boolean; onToggle: () => void };
  /** A line over the card's body (its same-photo cluster). */
  banner?: ComponentChildren;
  /** Shown folded under another offer of the same photo. */
  member?: boolean;
  /** Roving focus, set by the list that holds the card (↑/↓ move it; Enter, K, C act on the card). */
  focus?: {
    tabIndex: number;
    index: number;
    setSize: number;
    ref?: Ref<HTMLElement>;
    onFocus: () => void;
    onKeyDown: (e: KeyboardEvent) => void;
  };
  /** What the offer's page said, read on request (OfferDetails). */
  children?: ComponentChildren;
}

/**
 * One wholesale offer with everything a buyer compares: picture, title, price and tiers (the buyer's tier
 * highlighted), minimum order, dropshipping, the margin at their quantity, why it ranks (chips), the supplier,
 * and what to do with it. Text only; links only http(s).
 */
export function OfferCard(props: OfferCardProps) {
  const o = props.offer;
  const titleId = useId();
  const image = safeHttpUrl(o.images[0]);
  const [brokenImage, setBrokenImage] = useState<string | null>(null);
  const f = props.focus;
  const status = props.status && props.status !== 'considering' ? props.status : null;
  // "ad" and "dropship" already stand beside the price.
  const chips = (props.chips ?? []).filter((c) => c !== 'ad' && c !== 'dropship');
  const chipNames = new Set(chips.map((c) => c.split(':')[0]));
  const omit = new Set(
    (['factory', 'years', 'repurchase'] as const).filter((f) => chipNames.has(f === 'years' ? 'yrs' : f)),
  );
  return (
    <article
      class={`offer-card ui-card ui-card--compact${props.member ? ' offer-card--member' : ''}`}
      data-testid="offer-card"
      data-offer-id={o.offerId}
      aria-labelledby={titleId}
      tabIndex={f?.tabIndex}
      aria-posinset={f ? f.index + 1 : undefined}
      aria-setsize={f?.setSize}
      ref={f?.ref}
      onFocus={f ? (e) => e.target === e.currentTarget && f.onFocus() : undefined}
      onKeyDown={f?.onKeyDown}
    >
      {props.banner}
      <div class="offer-card__main">
        {image && brokenImage !== image ? (
          <img
            class="offer-card__image"
            src={image}
            alt=""
            loading="lazy"
            referrerpolicy="no-referrer"
            // A picture the source's server refuses shows as an empty tile, not a broken-image icon.
            onError={() => setBrokenImage(image)}
          />
        ) : (
          <span class="offer-card__image offer-card__image--none" aria-hidden="true">
            <Icon name="image" size={20} />
          </span>
        )}
        <div class="offer-card__body">
          <a
            class="offer-card__title ui-clamp-2"
            id={titleId}
            href={safeHttpUrl(o.url) ?? undefined}
            target="_blank"
            rel="noopener noreferrer"
          >
            <span data-testid="offer-title">{o.title}</span>
          </a>
          <div class="offer-card__price">
            <Price minor={o.priceMinMinor} maxMinor={o.priceMaxMinor} currency={o.currency} />
            {o.moq !== null ? (
              <Chip data-testid="offer-moq">{t('moq', [String(o.moq), o.unit ?? ''])}</Chip>
            ) : null}
            {o.dropship ? <Chip tone="success">{t('dropship')}</Chip> : null}
            {o.isAd ? (
              <Chip tone="warn" data-testid="offer-ad">
                {t('ad')}
              </Chip>
            ) : null}
          </div>
          <TierPrices offer={o} quantity={props.quantity ?? null} />
          {props.margin ? (
            <div
              class={`offer-card__margin${props.margin.profitPerUnitMinor < 0 ? ' offer-card__margin--loss' : ''}`}
              data-testid="offer-margin"
            >
              {t('marginLine', [
                formatMoney({ minor: props.margin.profitPerUnitMinor, currency: 'CNY' }),
                props.margin.marginPct === null ? '—' : String(props.margin.marginPct),
              ])}
            </div>
          ) : null}
        </div>
      </div>
      {chips.length || props.seen || props.probableSource || status ? (
        <div class="offer-card__marks">
          {props.probableSource ? (
            <Chip tone="success" data-testid="probable-source">
              {t('probableSource')}
            </Chip>
          ) : null}
          {chips.length ? <Chips chips={chips} /> : null}
          {props.seen ? (
            <Chip tone="info" data-testid="offer-seen" title={props.seen.detail}>
              {props.seen.label}
            </Chip>
          ) : null}
          {status ? (
            <Chip tone="accent" icon="check" data-testid="offer-status" dataAttrs={{ 'data-status': status }}>
              {STATUS_TEXT[status]()}
            </Chip>
          ) : null}
        </div>
      ) : null}
      <SupplierFacts offer={o} omit={omit} />
      <div class="offer-card__actions">
        <Button size="sm" aria-pressed={props.kept} data-testid="offer-keep" onClick={props.onToggleKeep}>
          {props.kept ? t('kept') : t('keep')}
        </Button>
        {props.onAsk ? (
          <Button size="sm" data-testid="offer-ask" onClick={props.onAsk} title={t('askTitle')}>
            {t('ask')}
          </Button>
        ) : null}
        {props.compare ? (
          <Checkbox
            class="offer-card__compare"
            label={t('compareOffer')}
            checked={props.compare.selected}
            disabled={props.compare.disabled && !props.compare.selected}
            title={props.compare.disabled && !props.compare.selected ? t('compareFull') : undefined}
            data-testid="offer-compare"
            onChange={props.compare.onToggle}
          />
        ) : null}
        <span class="ui-spacer" />
        {props.onDetails ? (
          <Button
            size="sm"
            variant="ghost"
            data-testid="offer-details-button"
            aria-expanded={props.detailsOpen ?? false}
            onClick={props.onDetails}
          >
            {props.detailsOpen ? t('hideDetails') : t('showDetails')}
          </Button>
        ) : null}
        {props.onCopySummary ? (
          <Button
            size="sm"
            variant="ghost"
            icon="copy"
            label={t('copySummary')}
            data-testid="offer-copy-summary"
            onClick={props.onCopySummary}
          />
        ) : null}
      </div>
      {props.children}
    </article>
  );
}
