import { parseLooseJson } from '../../text/loose-json';
import { availabilityOf, isObj, type SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { attr, pick } from './util';

const PRICE =
  '#corePrice_feature_div .a-offscreen|#corePriceDisplay_desktop_feature_div .a-price .a-offscreen|#priceblock_dealprice|#priceblock_ourprice|#priceblock_saleprice|#price_inside_buybox|#newBuyBoxPrice|#kindle-price|#price|.priceToPay .a-offscreen|#apex_desktop .a-price .a-offscreen|#buybox .a-color-price|#tmmSwatches .a-button-selected .a-color-price';

export const amazon: SiteAdapter = {
  id: 'amazon',
  matches: SITE_MATCHES.amazon,
  extract(doc, url) {
    if (/\/(?:product-reviews|s|b|gp\/bestsellers|stores)(?:\/|\?|$)/.test(`${new URL(url).pathname}/`))
      return { reject: true };
    const asin =
      /\/(?:dp|gp\/product|gp\/aw\/d|d)\/([A-Z0-9]{10})(?:[/?]|$)/i.exec(url)?.[1] ??
      attr(doc, '#ASIN,input[name="ASIN"]', 'value');
    const title = pick(doc, '#productTitle|#ebooksProductTitle|#title');
    if (!title) return null;
    const hires = attr(doc, '#landingImage,#imgBlkFront,#ebooksImgBlkFront,#main-image', 'data-old-hires');
    const dyn = attr(doc, '#landingImage,#imgBlkFront,#ebooksImgBlkFront', 'data-a-dynamic-image');
    // data-a-dynamic-image is a JSON object keyed by image URL.
    const sizes = parseLooseJson(dyn ?? '');
    const images = [hires ?? '', ...Object.keys(isObj(sizes) ? sizes : {})].filter(Boolean);
    const byline = pick(doc, '#bylineInfo');
    const brand =
      byline
        ?.replace(
          /^(?:visit the|besuchen sie den|visita la tienda de|visita lo store di|visiter la boutique|brand|marke|marca|marque)\s*:?\s*/i,
          '',
        )
        .replace(/\s*(?:store|-store|shop|stor|boutique)$/i, '')
        .trim() ?? null;
    const availText = pick(doc, '#availability|#outOfStock|#availability_feature_div');
    const availability =
      availabilityOf(availText) ??
      (doc.querySelector('#outOfStock')
        ? 'out_of_stock'
        : doc.querySelector('#add-to-cart-button')
          ? 'in_stock'
          : null);
    const priceText =
      availability === 'out_of_stock' && !doc.querySelector('#add-to-cart-button')
        ? null
        : pick(doc, PRICE, 60);
    const gtin = detail(doc, /^(?:UPC|EAN|GTIN)\b/i)?.match(/\d{8,14}/)?.[0] ?? null;
    return {
      title,
      price: priceText ? { amount: priceText } : null,
      images,
      brand: brand && !/^by$/i.test(brand) ? brand : null,
      sku: asin,
      itemId: asin,
      gtin,
      availability,
    };
  },
};

/** A value of the product-details tables / bullet lists ("UPC : 0994…"). */
function detail(doc: Document, label: RegExp): string | null {
  const rows = doc.querySelectorAll(
    '#detailBullets_feature_div li, #productDetails_detailBullets_sections1 tr, #prodDetails tr, .content li',
  );
  for (let k = 0; k < rows.length && k < 80; k++) {
    const t = (rows[k]?.textContent ?? '').replace(/[\s\u200e\u200f]+/g, ' ').trim();
    if (label.test(t)) return t;
  }
  return null;
}
