import { availabilityOf, type Fields } from './fields';

/** `<meta>` tags by lower-case property/name; repeated tags keep every value. */
export function readMetas(doc: Document): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const all = doc.querySelectorAll('meta[content]');
  for (let k = 0; k < all.length && k < 600; k++) {
    const el = all[k] as Element;
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    if (!key || key.length > 60) continue;
    const v = el.getAttribute('content') ?? '';
    const list = m.get(key);
    if (list) list.length < 30 && list.push(v);
    else m.set(key, [v]);
  }
  return m;
}

const first = (m: Map<string, string[]>, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = m.get(k)?.find((x) => x.trim());
    if (v) return v;
  }
  return null;
};

/** og:type says product (product, product.item, zalando_sharing:product…), or product:price is set. */
export const ogIsProduct = (m: Map<string, string[]>): boolean =>
  /(?:^|[:.])product(?:$|[:.])|^product/.test(first(m, 'og:type') ?? '') ||
  first(
    m,
    'product:price:amount',
    'og:price:amount',
    'product:sale_price:amount',
    'og:price',
    'product:price',
  ) !== null;

/** OpenGraph and the shop extensions (`product:price:amount`, `og:price:*`, `product:availability`). */
export function readOpenGraph(m: Map<string, string[]>): Fields {
  const regular = first(m, 'product:price:amount', 'og:price:amount', 'product:price', 'og:price');
  const sale = first(m, 'product:sale_price:amount');
  const useSale =
    sale !== null && (regular === null || Number.parseFloat(sale) <= Number.parseFloat(regular));
  const amount = useSale ? sale : regular;
  return {
    title: first(m, 'og:title'),
    price: amount
      ? {
          amount,
          currency: useSale
            ? first(m, 'product:sale_price:currency', 'product:price:currency', 'og:price:currency')
            : first(m, 'product:price:currency', 'og:price:currency'),
        }
      : null,
    images: [
      ...(m.get('og:image') ?? []),
      ...(m.get('og:image:url') ?? []),
      ...(m.get('og:image:secure_url') ?? []),
    ],
    listPrice: first(
      m,
      'og:price:standard_amount',
      'product:original_price:amount',
      'product:price:standard_amount',
    ),
    brand: first(m, 'product:brand', 'og:brand'),
    sku: first(m, 'product:retailer_item_id', 'product:sku', 'og:sku'),
    gtin: first(m, 'product:gtin', 'product:ean', 'product:upc', 'product:isbn')?.replace(/\D/g, '') || null,
    availability: availabilityOf(first(m, 'product:availability', 'og:availability')),
    url: first(m, 'og:url'),
  };
}

/** Twitter cards: title, image, and label/data pairs that name a price or availability. */
export function readTwitter(m: Map<string, string[]>): Fields {
  const f: Fields = {
    title: first(m, 'twitter:title'),
    images: [...(m.get('twitter:image') ?? []), ...(m.get('twitter:image:src') ?? [])],
  };
  for (let k = 1; k <= 4; k++) {
    const label = first(m, `twitter:label${k}`) ?? '';
    const data = first(m, `twitter:data${k}`);
    if (!data) continue;
    if (/price|preis|prix|prezzo|precio|preço|cena|fiyat|цена|价|価格/i.test(label))
      f.price ??= { amount: data };
    else if (/availab|stock|verfügbar|disponib/i.test(label)) f.availability ??= availabilityOf(data);
  }
  return f;
}
