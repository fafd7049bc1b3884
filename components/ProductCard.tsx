import { safeHttpUrl } from '../core/url';
import type { StoredProduct } from '../storage/types';
import { ExternalLink } from './ExternalLink';
import { t } from './i18n';
import { Price } from './Price';

/** One retail product as the spotter saw it. All text is rendered as text, never as markup. */
export function ProductCard(props: { product: StoredProduct; compact?: boolean }) {
  const p = props.product;
  const image = safeHttpUrl(p.images[0]);
  return (
    <article
      class={`product-card${props.compact ? ' product-card--compact' : ''}`}
      data-testid="product-card"
    >
      {image ? (
        <img class="product-card__image" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" />
      ) : null}
      <div class="product-card__body">
        <ExternalLink class="product-card__title" href={p.url}>
          <span data-testid="product-title">{p.title}</span>
        </ExternalLink>
        {p.text ? (
          <p class="product-card__text" data-testid="product-text">
            {p.text}
          </p>
        ) : null}
        <div class="product-card__meta">
          {p.kind === 'social-candidate' ? (
            <span class="chip">{t('socialCandidate')}</span>
          ) : (
            <Price minor={p.priceMinor} maxMinor={p.priceMaxMinor} currency={p.currency} />
          )}
          <span class="product-card__site" data-testid="product-site">
            {p.site}
          </span>
        </div>
      </div>
    </article>
  );
}
