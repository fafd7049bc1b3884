/**
 * The Alibaba.com mock's product pages (`/product-detail/<slug>_<id>.html`), shaped after what public clients
 * read (`window.detailData = {globalData: {product, seller, trade, inventory, global}, nodeMap}`), in the shapes
 * public code shows, chosen by the id's last digit:
 *
 * - 7: removed — the "Product Not Available" page, whose `detailData` has no product in it;
 * - 8: priced per variant — `productRangePrices` and a `skuInfoMap` with a price per SKU, no quantity ladder;
 * - 9: an older page without dollar prices — `productLadderPrices[].price` in dollars, `currencyRule` "US${0}";
 * - others: a quantity ladder in the visitor's currency (€, `currencyRule` "€{0}") with `dollarPrice` beside it,
 *   two variant axes with stock per SKU.
 *
 * An offer the mock listed in a search keeps its title, prices, minimum order and supplier here.
 */
import { esc, hash32 } from '../html';
import { type OfferFacts, scriptJson } from './offers';

/** Euros per dollar on the mock's visitor (its `price` fields are in euros). */
const EUR_PER_USD = 0.92;

export type DetailKind = 'delisted' | 'sku-priced' | 'no-dollars' | 'ladder';

export function detailKind(id: string): DetailKind {
  switch (id.at(-1)) {
    case '7':
      return 'delisted';
    case '8':
      return 'sku-priced';
    case '9':
      return 'no-dollars';
    default:
      return 'ladder';
  }
}

/** The facts of a product the mock never listed: made from its id. */
export function factsOfId(id: string): OfferFacts {
  const h = hash32(`detail#${id}`);
  const low = 80 + (h % 700);
  return {
    id,
    title: `Mock Product ${id}`,
    noun: 'Product',
    unit: 'pieces',
    lowCents: low,
    highCents: low + 40,
    moq: [1, 2, 10, 50][h % 4] ?? 1,
    companyName: `Mock Factory ${h % 89}`,
    companyId: String(300_000_000 + (h % 1_000_000)),
    country: 'CN',
    years: 1 + (h % 12),
    h,
  };
}

const dollars = (cents: number) => Number((cents / 100).toFixed(2));
const euros = (cents: number) => Number(((cents / 100) * EUR_PER_USD).toFixed(2));

/** Three quantity tiers from the MOQ, cheaper as they go. */
function ladder(f: OfferFacts, withDollars: boolean, visitor: (c: number) => number) {
  const steps = [f.moq, f.moq * 10, f.moq * 100];
  return steps.map((min, k) => {
    const cents = f.highCents - Math.round(((f.highCents - f.lowCents) * k) / 2);
    const next = steps[k + 1];
    return {
      min,
      max: next === undefined ? -1 : next - 1,
      price: visitor(cents),
      ...(withDollars ? { dollarPrice: dollars(cents) } : {}),
      formatPrice: withDollars ? `€${visitor(cents).toFixed(2)}` : `US$${dollars(cents).toFixed(2)}`,
    };
  });
}

const COLORS = [
  { id: 101, name: 'Black' },
  { id: 102, name: 'White' },
];
const SIZES = [
  { id: 201, name: 'S' },
  { id: 202, name: 'L' },
];

function skus(f: OfferFacts, priced: boolean) {
  const map: Record<string, unknown> = {};
  const inventory: Record<string, unknown> = {};
  let n = 0;
  for (const c of COLORS)
    for (const s of SIZES) {
      const skuId = Number(`${f.id.slice(-6)}${n}`);
      const cents = f.lowCents + n * 10;
      map[`1:${c.id};2:${s.id};`] = {
        id: skuId,
        ...(priced ? { price: euros(cents), dollarPrice: dollars(cents) } : {}),
      };
      inventory[String(skuId)] = {
        warehouseInventoryList: [{ inventoryCount: 100 * (n + 1) }, { inventoryCount: n === 0 ? -1 : 5 }],
      };
      n++;
    }
  return {
    sku: {
      skuAttrs: [
        { id: 1, name: 'Color', values: COLORS },
        { id: 2, name: 'Size', values: SIZES },
      ],
      skuInfoMap: map,
    },
    inventory: { skuInventory: inventory },
  };
}

function seller(f: OfferFacts) {
  return {
    companyName: f.companyName,
    companyId: Number(f.companyId),
    companyRegisterCountry: f.country,
    companyJoinYears: String(f.years),
    companyBusinessType: 'Manufacturer, Trading Company',
    companyProfileUrl: `//mock${f.h % 1000}.en.alibaba.com/company_profile.html?spm=a2700.details`,
    ...(f.h % 5 === 0 ? { verifiedManufactruers: { text: 'Verified Manufacturer' } } : {}),
    companyHasPassAssessment: f.h % 4 === 0,
    baoAccountIsService: f.h % 3 !== 0,
    responseTimeText: '≤3h',
  };
}

/** The `detailData` object of a product page. */
export function detailData(f: OfferFacts, kind: DetailKind): Record<string, unknown> {
  if (kind === 'delisted') return { globalData: { product: {}, seller: {} }, nodeMap: {} };
  const variants = skus(f, kind === 'sku-priced');
  const price =
    kind === 'sku-priced'
      ? {
          productRangePrices: {
            priceRangeLow: euros(f.lowCents),
            priceRangeHigh: euros(f.lowCents + 30),
            dollarPriceRangeLow: dollars(f.lowCents),
            dollarPriceRangeHigh: dollars(f.lowCents + 30),
            priceRangeText: `€${euros(f.lowCents).toFixed(2)}-${euros(f.lowCents + 30).toFixed(2)}`,
          },
          unit: 'piece',
          unitEven: f.unit,
          currencyRule: { currencyPattern: '€{0}' },
        }
      : kind === 'no-dollars'
        ? {
            productLadderPrices: ladder(f, false, dollars),
            unit: 'piece',
            unitEven: f.unit,
            // The site's own placeholder syntax, not a template string.
            currencyRule: { currencyPattern: ['US$', '{0}'].join('') },
          }
        : {
            productLadderPrices: ladder(f, true, euros),
            unit: 'piece',
            unitEven: f.unit,
            currencyRule: { currencyPattern: '€{0}' },
          };
  return {
    globalData: {
      product: {
        productId: Number(f.id),
        subject: f.title,
        moq: f.moq,
        mediaItems: [
          { type: 'image', imageUrl: { big: `//s.alicdn.com/@sc04/kf/Hmock${f.id}a.jpg`, small: 'x' } },
          { type: 'video', videoUrl: { hd: { videoUrl: '//video.mock/v.mp4' } } },
          { type: 'image', imageUrl: { big: `//s.alicdn.com/@sc04/kf/Hmock${f.id}b.jpg` } },
        ],
        price,
        // The older page shape carries no variant object.
        ...(kind === 'no-dollars' ? {} : { sku: variants.sku }),
      },
      seller: seller(f),
      trade: { salesVolume: `${f.h % 4000} sold`, globalTradeAssuranceForBuyer: f.h % 3 !== 0 },
      inventory: variants.inventory,
      global: { productPriceCurrencySimpleName: kind === 'no-dollars' ? 'US $' : '€' },
    },
    nodeMap: {},
  };
}

/** A whole product page: its title, the version map real pages carry, and the data script. */
export function detailPage(f: OfferFacts, kind: DetailKind, changed = false): string {
  const data = detailData(f, kind);
  const title = kind === 'delisted' ? 'Product Not Available' : `${esc(f.title)} - Buy on Alibaba.com (mock)`;
  // A site change renames the data object.
  const assign = changed ? 'window.__DETAIL_DATA__' : 'window.detailData';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><div id="root"></div><script>window.__version__map = {'icbuPcDetailAll': 'mock'};</script><script>${assign} = ${scriptJson(data)};</script></body></html>`;
}
