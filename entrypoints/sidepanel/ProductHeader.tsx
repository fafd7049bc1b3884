import { useId } from 'preact/hooks';
import { ExternalLink } from '../../components/ExternalLink';
import { t } from '../../components/i18n';
import { Price } from '../../components/Price';
import { shopName } from '../../components/shop';
import { Thumb } from '../../components/Thumb';
import { Chip, Icon, Skeleton } from '../../components/ui';
import { safeHttpUrl } from '../../core/url';
import type { StoredProduct } from '../../storage/types';
import { LazyPriceSeen } from './lazy';

/** Pictures of a post offered to search by, at most. */
const POST_PICTURES = 9;

/**
 * The product on the current tab: its picture, title (a link to its page), price in its currency, the shop by its
 * host, and the lowest/highest price seen. For a social post, its pictures as thumbnails to pick the one to search
 * by (`picture` is the chosen one).
 */
export function ProductHeader(props: {
  product: StoredProduct;
  picture: string | null;
  onPickPicture: (url: string) => void;
}) {
  const p = props.product;
  const social = p.kind === 'social-candidate';
  const images = p.images.map((u) => safeHttpUrl(u)).filter((u): u is string => !!u);
  const main = (social ? props.picture : null) ?? images[0] ?? null;
  const headingId = useId();
  return (
    <section class="product-header" data-testid="tab-product" aria-labelledby={headingId}>
      <h2 id={headingId} class="ui-visually-hidden">
        {social ? t('spottedSocial') : t('spottedProduct')}
      </h2>
      <div class="product-header__main">
        <Thumb class="product-header__image" url={main} />
        <div class="product-header__body">
          <ExternalLink class="product-header__title ui-clamp-2" href={p.url}>
            <span data-testid="product-title">{p.title}</span>
          </ExternalLink>
          <div class="product-header__meta">
            {social ? (
              <Chip tone="info">{t('socialCandidate')}</Chip>
            ) : (
              <Price minor={p.priceMinor} maxMinor={p.priceMaxMinor} currency={p.currency} />
            )}
            <span class="product-header__shop ui-small ui-muted" data-testid="product-site">
              <Icon name="store" size={12} />
              {shopName(p)}
            </span>
          </div>
          {social ? null : <LazyPriceSeen subjectKey={p.key} currency={p.currency} />}
        </div>
      </div>
      {social && p.text ? (
        <p class="product-header__text ui-small ui-muted ui-clamp-2" data-testid="product-text">
          {p.text}
        </p>
      ) : null}
      {social && images.length > 0 ? (
        <PostPictures images={images.slice(0, POST_PICTURES)} picked={main} onPick={props.onPickPicture} />
      ) : null}
    </section>
  );
}

/** A post's pictures as a row of thumbnails; choosing one searches by it (radio buttons underneath). */
function PostPictures(props: { images: string[]; picked: string | null; onPick: (url: string) => void }) {
  const name = useId();
  return (
    <fieldset class="post-pictures" data-testid="post-pictures">
      <legend class="ui-small ui-muted">{t('pickPicture')}</legend>
      <div class="post-pictures__row">
        {props.images.map((url, i) => (
          <label key={url} class="post-pictures__item">
            <input
              type="radio"
              class="post-pictures__input"
              name={name}
              value={url}
              checked={props.picked === url}
              data-testid="post-picture"
              onChange={() => props.onPick(url)}
            />
            <img src={url} alt={t('pictureN', [String(i + 1)])} referrerpolicy="no-referrer" loading="lazy" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The header's place while the tab's product is asked for, so nothing moves when it arrives. */
export function ProductHeaderSkeleton() {
  return (
    <div class="product-header product-header--loading" aria-hidden="true">
      <div class="product-header__main">
        <Skeleton class="product-header__image" height={64} width="64px" />
        <div class="product-header__body ui-stack ui-stack--tight">
          <Skeleton height={14} width="90%" />
          <Skeleton height={14} width="60%" />
          <Skeleton height={12} width="40%" />
        </div>
      </div>
    </div>
  );
}
