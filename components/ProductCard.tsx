import type { StoredProduct } from '../storage/types';
import { ExternalLink } from './ExternalLink';
import { t } from './i18n';
import './offers.css';
import { Price } from './Price';
import { shopName } from './shop';
import { Thumb } from './Thumb';
import { Chip } from './ui';

/** One retail product as the spotter saw it. All text is rendered as text, never as markup. */
export function ProductCard(props: { product: StoredProduct; compact?: boolean }) {
  const p = props.product;
  return (
    <article
      class={`product-card ui-card ui-card--compact${props.compact ? ' product-card--compact' : ''}`}
      data-testid="product-card"
    >
      <Thumb class="product-card__image" url={p.images[0]} lazy />
      <div class="product-card__body">
        <ExternalLink class="product-card__title ui-clamp-2" href={p.url}>
          <span data-testid="product-title">{p.title}</span>
        </ExternalLink>
        {p.text ? (
          <p class="product-card__text ui-clamp-2" data-testid="product-text">
            {p.text}
          </p>
        ) : null}
        <div class="product-card__meta">
          {p.kind === 'social-candidate' ? (
            <Chip tone="info">{t('socialCandidate')}</Chip>
          ) : (
            <Price minor={p.priceMinor} maxMinor={p.priceMaxMinor} currency={p.currency} />
          )}
          <span class="product-card__site" data-testid="product-site">
            {shopName(p)}
          </span>
        </div>
      </div>
    </article>
  );
}
