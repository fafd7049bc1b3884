import { shopifyMarkup, siteForUrl } from './adapters/sites';
import { MAX_LD } from './jsonld';

const SIGNAL_META =
  'meta[property^="product:"],meta[property^="og:price"],meta[property="og:type"][content*="product"]';
const CART =
  /cart|basket|bag|buy|checkout|warenkorb|panier|carrello|carrito|cesta|koszyk|ko[sš][ií]k|kosar|sepet|корзин|購物|购物|カート|장바구니/i;

/**
 * Product markup or a shop's cart controls, without reading the page's text. Tag collections (scripts,
 * forms, buttons; cached by browsers) and <head> first; one attribute scan of the body last.
 */
export function markupSignal(doc: Document): boolean {
  if ((doc.head ?? doc).querySelector(SIGNAL_META)) return true;
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0, n = 0; i < scripts.length && n < 20; i++) {
    const s = scripts[i] as HTMLScriptElement;
    if (!/ld\+json/i.test(s.type)) continue;
    n++;
    const t = s.textContent ?? '';
    if (t.length < MAX_LD && /Product|Offer/.test(t)) return true;
  }
  const forms = doc.getElementsByTagName('form');
  for (let i = 0; i < forms.length && i < 30; i++) {
    const f = forms[i] as HTMLFormElement;
    if (CART.test(`${f.getAttribute('action') ?? ''} ${f.id} ${f.getAttribute('class') ?? ''}`)) return true;
  }
  for (const tag of ['button', 'input']) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length && i < 60; i++) {
      const b = list[i] as Element;
      const text = tag === 'button' && b.childElementCount < 4 ? (b.textContent ?? '').slice(0, 40) : '';
      if (
        CART.test(
          `${b.getAttribute('class') ?? ''} ${b.id} ${b.getAttribute('name') ?? ''} ${b.getAttribute('value') ?? ''} ${text}`,
        )
      )
        return true;
    }
  }
  return doc.querySelector('[itemtype*="roduct"],[itemprop="price"]') !== null;
}

/**
 * The spotter's cheap pre-check on every page (well under a millisecond), with no extraction code behind it:
 * a site adapter's URL, product markup, a shop's cart controls, or Shopify's markup. Only when it says yes is
 * the detection engine loaded. Never throws.
 */
export function hasProductSignal(doc: Document, url: string): boolean {
  try {
    return siteForUrl(url) !== null || markupSignal(doc) || shopifyMarkup(doc);
  } catch {
    return false;
  }
}
