import type { PriceContext } from '../price';
import { availabilityOf, type Fields, OUT_OF_STOCK } from './fields';
import { readPrice } from './pricing';
import { cleanText, textOf } from './text';

/** Visible-DOM heuristics: the main price near the title and the buy button, and listing signals. */

const MAX_NODES = 25_000;

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'HEAD',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'IFRAME',
  'CANVAS',
]);
const STRUCK_TAGS = new Set(['S', 'DEL', 'STRIKE']);
const ASIDE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'HEADER']);
// Containers of other products: carousels, recommendations, "customers also bought".
const RELATED =
  /related|recommend|similar|upsell|up-sell|cross-?sell|also|recent|carousel|slick|swiper|owl-|bundle|accessor|you-?may|others|trending|bestseller|sponsor|compare|viewed|suggest|reco-|-reco|widget|teaser|tile|minicart|mini-cart|cart-?drop|basket-?flyout/i;
const OLD =
  /old|was|strike|through|list-?price|listprice|compare|regular|original|before|crossed|rrp|uvp|msrp|prev|retail|reference|instead|stat(?:t|o)|alt|barr|tachad|antes|avant|normal/i;
const PRICEY = /price|preis|prix|prezzo|precio|preco|cena|cijena|fiyat|amount|cost|sale|offer|deal/i;
// Prices that are not the item's price: per month, shipping, unit prices, savings.
const NOT_ITEM =
  /\/\s?(?:mo|mes|m|month|monat|mois|kg|g|l|ml|m2|m²|100\s?g|stk|st|unit|pc|pcs)\b|per (?:month|kg|unit|item)|month|monat|mois|mensual|mese|installment|instalment|cuota|rata|raty|klarna|afterpay|financ|shipping|delivery|versand|livraison|env[ií]o|frete|spedizione|doprava|dostawa|postage|porto|save|saving|sparen|économ|risparmi|ahorr|you save|% off|-\s?\d+\s?%|\bfrom\b.*\bto\b|points?|pkt|bonus|cashback|reward|coupon|voucher|gutschein|券|\d\s?折/i;
const BUY =
  /add.?to.?(?:cart|bag|basket|trolley)|addtocart|add-cart|buy.?now|buy-?button|\bbuy\b|in den warenkorb|warenkorb|panier|carrello|cesta|carrito|comprar|koszyk|košík|kosar|sepete|корзин|купить|加入购物车|加入購物車|立即购买|立即購買|购买|購買|カートに入れ|장바구니|바로구매|naroči|do košíka|kupi|kúpiť|koupit|купи|ajouter|aggiungi|añadir|toevoegen|lägg i|kjøp|köp|kaufen|bestellen/i;
const BUY_ATTR =
  /add.?to.?(?:cart|bag|basket|trolley)|addtocart|add-cart|buy.?(?:now|button|btn)|btn-?buy|btn-?cart|cart-?btn|warenkorb|panier|carrello|carrito|koszyk/i;
const AVAIL_HINT = /avail|stock|inventory|lager|dispon|lieferbar|verfügbar|delivery-?status|skladem|zalog/i;
const NOT_BUY = /wish|favo|merk|compare|basket-?total|view-?cart|mini|header|account|login|checkout|later/i;
const EX_TAX =
  /excl|exkl|ohne mwst|netto|bez dph|brez ddv|sin iva|hors tax|\bHT\b|ex\.? vat|excluding|before tax/i;
const SKU_LABEL =
  /^(?:(?:sku|item|art(?:ikel|icle|ículo|icolo)?|product|produkt|produktu|prod|produs|prodotto|producto|produto|cod(?:e|ice|igo|ul)?|código|kód|kod|šifra|sifra|ref(?:erence|erencia|\.)?|référence|cat\.?|catalog(?:ue)?|numer|číslo|varenummer|katalógové)[\s.]*){1,3}(?:#|no\.?|nr\.?|number|num(?:ber|éro|ero)?\.?|code|id|katalogowy)?\s*(?:[:#.]\s*|$)|^(?:sku|ref\.?)\s+/i;
const BRAND_LABEL =
  /^(?:brand|marke|marque|marca|merk|značka|znamka|marka|kaubamärk|zīmols|бренд|品牌|ブランド|manufacturer|hersteller|fabricant|výrobca|výrobce|proizvođač|proizvajalec|producent|gyártó|valmistaja|tillverkare|fabbricante|fabricante)(?:\s*name)?\s*(?:[:：]\s*|$)/i;
const GTIN_LABEL =
  /^(?:ean|gtin|upc|isbn|jan|barcode)(?:[- ]?(?:8|12|13|14))?(?:\s*(?:code|kód|kod))?\s*(?:[:：#]\s*|$)/i;
const LABELS: [RegExp, 'sku' | 'brand' | 'gtin'][] = [
  [SKU_LABEL, 'sku'],
  [BRAND_LABEL, 'brand'],
  [GTIN_LABEL, 'gtin'],
];
/** Cheap first test before the label patterns: how a label can start. */
const LABEL_START =
  /^\s*(?:sku|item|art|prod|cod|cód|kód|kod|šif|sif|ref|réf|cat|num|čís|var|kat|bra|mar|mer|zna|kau|zīm|бре|品|ブ|man|her|fab|výr|pro|gyá|val|til|ean|gti|upc|isb|jan|bar)/i;
const SKU_CLASS =
  /sku|product-?code|cat-?(?:no|number)|catnumber|item-?(?:no|number|code)|art(?:icle)?-?(?:no|nr|number)|part-?number|product-?number/i;
const ID_LIKE = /^[A-Za-z0-9][\w\-./]{2,30}$/;

const CUR =
  '(?:[$€£¥₩₹₽₺₪₫฿₴₦₱₡₲₵₸₼₾]|R\\$|US\\$|C\\$|A\\$|NZ\\$|HK\\$|NT\\$|S\\$|zł|Kč|kr|Kn|kn|Ft|lei|Lei|руб\\.?|грн|元|円|원|TL|Rs\\.?|₨|[A-Z]{3})';
const NUM = "\\d{1,3}(?:[.,\\s\\u00a0'’]\\d{3})*(?:[.,]\\d{1,2})?-?|\\d+(?:[.,]\\d{1,2})?";
const CUR_ONLY = new RegExp(`^${CUR}$`);
const PRICE_RE = new RegExp(`(?:${CUR}\\s?(?:${NUM}))|(?:(?:${NUM})\\s?${CUR})`);
const NUM_ONLY = /^\D{0,12}?\d{1,3}(?:[.,\s\u00a0']\d{3})*(?:[.,]\d{1,2})?\D{0,3}$/;

interface Cand {
  el: Element;
  text: string;
  idx: number;
  score: number;
  struck: boolean;
}

/** A visible price the DOM shows, read to a decimal amount. */
export interface DomPrice {
  amount: number;
  score: number;
  /** Struck through or marked as an old/list price. */
  old: boolean;
}

export interface DomResult {
  fields: Fields;
  /** An enabled buy / add-to-cart control outside related-product containers. */
  buy: boolean;
  /** The best price candidate is close to the title or the buy control. */
  priceNearTitle: boolean;
  /** Buy controls outside related containers (several: a listing). */
  buyCount: number;
  /** Price candidates read, best first (for cross-checking structured prices). */
  prices: DomPrice[];
  h1: string | null;
}

const attrs = (el: Element): string =>
  `${el.getAttribute('class') ?? ''} ${el.id ?? ''} ${el.getAttribute('itemprop') ?? ''}`;

function ownText(el: Element): string {
  let t = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) t += c.nodeValue ?? '';
  return t;
}

/**
 * Text of a subtree if it is small (at most `maxNodes` nodes), else null: textContent on a wrapper would
 * read the whole page, and the walk visits every element.
 */
function smallText(el: Element | null | undefined, maxNodes = 16, maxChars = 200): string | null {
  if (!el) return null;
  let t = '';
  let n = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (++n > maxNodes || t.length > maxChars) return null;
    if (node.nodeType === 3) t += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !SKIP_TAGS.has((node as Element).tagName.toUpperCase()))
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return t;
}

/** Text of a small element, with superscript cents read as decimals ("173<sup>34</sup>" → "173.34"). */
function splitPrice(el: Element): string | null {
  let t = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    const v = c.nodeType === 1 ? smallText(c as Element, 6, 40) : (c.nodeValue ?? '');
    if (v === null) return null;
    if (
      c.nodeType === 1 &&
      (c as Element).tagName.toUpperCase() === 'SUP' &&
      /^\s*\d{2}\s*$/.test(v) &&
      /\d\s*$/.test(t)
    )
      t = `${t.trimEnd()}${/\.\d{3}$/.test(t.trim()) ? ',' : '.'}${v.trim()}`;
    else t += v;
  }
  return t.trim();
}

/** GTIN-8/12/13/14 with a valid check digit. */
export function validGtin(v: string): boolean {
  if (!/^\d{8,14}$/.test(v) || v.length === 9 || v.length === 10 || v.length === 11) return false;
  let sum = 0;
  for (let i = v.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += Number(v[i]) * w;
  return (10 - (sum % 10)) % 10 === Number(v[v.length - 1]);
}

/** Browsers can tell whether an element is rendered; the pure engine (linkedom) cannot and assumes it is. */
const visible = (el: Element): boolean => {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el) : true;
};

export function readDom(
  doc: Document,
  ctx: PriceContext,
  title: string | null,
  knownSku: string | null = null,
): DomResult {
  const body = doc.body ?? doc.documentElement;
  const cands: Cand[] = [];
  let h1Idx = -1;
  let h1: string | null = null;
  let buyIdx = -1;
  let buyCount = 0;
  let buyEnabled = false;
  let oos: { v: Fields['availability']; idx: number } | null = null;
  const found: Partial<Record<'sku' | 'brand' | 'gtin', string>> = {};
  const foundIdx: Record<string, number> = {};
  let skuShown = false;
  const imgs: { src: string; idx: number }[] = [];
  let idx = 0;
  const wantTitle = (title ?? '').toLowerCase().slice(0, 20);
  const memo = new Map<string, number>();

  // Depth-first walk with context flags: struck-through, related container, page chrome, old price.
  type Frame = {
    el: Element;
    struck: boolean;
    related: boolean;
    chrome: boolean;
    old: boolean;
    pricey: number;
  };
  const stack: Frame[] = [];
  if (body) stack.push({ el: body, struck: false, related: false, chrome: false, old: false, pricey: 0 });
  while (stack.length && idx < MAX_NODES) {
    const f = stack.pop() as Frame;
    const el = f.el;
    idx++;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    const a = attrs(el);
    const style = el.getAttribute('style') ?? '';
    if (el.hasAttribute('hidden') || (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)))
      continue;
    const struck = f.struck || STRUCK_TAGS.has(tag) || /line-through/i.test(style);
    // Class/id tests, memoised per distinct attribute string (pages repeat them a lot).
    let flags = a.length > 2 ? memo.get(a) : 0;
    if (flags === undefined) {
      flags =
        (RELATED.test(a) ? 1 : 0) |
        (OLD.test(a) ? 2 : 0) |
        (PRICEY.test(a) ? 4 : 0) |
        (AVAIL_HINT.test(a) ? 8 : 0) |
        (SKU_CLASS.test(a) ? 16 : 0) |
        (BUY_ATTR.test(a) ? 32 : 0) |
        (NOT_BUY.test(a) ? 64 : 0);
      if (memo.size < 5000) memo.set(a, flags);
    }
    const related = f.related || (flags & 1) > 0;
    const chrome = f.chrome || ASIDE_TAGS.has(tag) || el.getAttribute('role') === 'navigation';
    const old = f.old || (flags & 2) > 0;
    const pricey = flags & 4 ? 4 : Math.max(0, f.pricey - 1);
    const main = !related && !chrome;
    const own = ownText(el).trim();

    if (tag === 'H1' && !chrome) {
      const t = textOf(el, 300);
      const better = (x: string | null) => !!wantTitle && !!x && x.toLowerCase().includes(wantTitle);
      if (t && (h1Idx < 0 || (better(t) && !better(h1)))) {
        h1Idx = idx;
        h1 = t;
      }
    }
    const control =
      tag === 'BUTTON' || tag === 'INPUT' || tag === 'A' || el.getAttribute('role') === 'button';
    if (control && main && (tag !== 'INPUT' || /submit|button|image/i.test(el.getAttribute('type') ?? ''))) {
      // Attributes are tested once per distinct string (memo); visible labels only when short.
      const label =
        `${tag === 'A' ? own : (smallText(el, 12, 80) ?? '')} ${el.getAttribute('value') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.trim();
      const byAttr = (flags & 32) > 0 || /cart|basket|buy|add/i.test(el.getAttribute('name') ?? '');
      if ((byAttr || (label.length <= 40 && BUY.test(label))) && !(flags & 64) && !NOT_BUY.test(label)) {
        buyCount++;
        if (buyIdx < 0) buyIdx = idx;
        if (!el.hasAttribute('disabled') && !/disabled/i.test(a) && visible(el)) buyEnabled = true;
      }
    }
    if (main && own.length > 3 && own.length < 80 && ((flags & 8) > 0 || OUT_OF_STOCK.test(own))) {
      const v = availabilityOf(own);
      if (v && v !== 'in_stock' && v !== 'limited' && !oos && visible(el)) oos = { v, idx };
    }
    if (tag === 'IMG' && main && imgs.length < 200) {
      const src =
        (el.getAttribute('src') ?? '').startsWith('data:') || !el.getAttribute('src')
          ? (el.getAttribute('data-src') ?? el.getAttribute('data-lazy-src') ?? '')
          : (el.getAttribute('src') ?? '');
      const w = Number(el.getAttribute('width') ?? 999);
      const h = Number(el.getAttribute('height') ?? 999);
      if (
        src &&
        !(w < 120 || h < 120) &&
        !/logo|icon|sprite|blank|pixel|spacer|placeholder|badge|flag|avatar|\.svg|\.gif/i.test(
          `${src.slice(src.lastIndexOf('/'))} ${a}`,
        )
      )
        imgs.push({ src, idx });
    }
    // Price candidates: the short text of a small element split in pieces ("€<b>19</b><sup>99</sup>"),
    // else the element's own text.
    let text = '';
    const itemprop = el.getAttribute('itemprop') === 'price';
    if (el.childElementCount > 0 && el.childElementCount <= 6 && (pricey || itemprop || /\d/.test(own))) {
      const full = splitPrice(el);
      if (full && full.length <= 30 && /\d/.test(full)) {
        let inChild = false;
        for (let c = el.firstElementChild; c; c = c.nextElementSibling)
          if (PRICE_RE.test(smallText(c) ?? '')) inChild = true;
        if (!inChild) text = full;
      }
    }
    if (!text && /\d/.test(own) && own.length <= 60 && tag !== 'SUP') text = own;
    // "<span>2320</span><span>元</span>": a bare number with the currency in the next element.
    const next =
      text && /^[\d.,\s]+$/.test(text) ? (smallText(el.nextElementSibling, 4, 10) ?? '').trim() : '';
    if (next && next.length <= 4 && CUR_ONLY.test(next)) text = `${text} ${next}`;
    const hasCur = text !== '' && PRICE_RE.test(text);
    if (text && (hasCur || ((pricey || itemprop) && NUM_ONLY.test(text)))) {
      let score = (hasCur ? 2 : 0) + (pricey ? 3 : 0) + (itemprop ? 3 : 0);
      if (old || struck) score -= 4;
      if (!main) score -= 20;
      const context = `${text} ${smallText(el.parentElement, 30, 160) ?? ''}`;
      if (NOT_ITEM.test(text) || NOT_ITEM.test(a)) score -= 20;
      else if (NOT_ITEM.test(context)) score -= 3;
      if (EX_TAX.test(context)) score -= 5;
      if (text.length > 30) score -= 2;
      // Shops set the main price big; inline sizes are all a pure engine can see.
      const size = /font(?:-size)?\s*:[^;]*?(\d+)px/i.exec(style);
      if (size && Number(size[1]) >= 18) score += 2;
      cands.push({ el, text, idx, score, struck: struck || old });
    }
    if (knownSku && own === knownSku) skuShown = true;
    if (
      main &&
      !hasCur &&
      own.length < 60 &&
      el.childElementCount <= 3 &&
      ((flags & 16) > 0 ||
        LABEL_START.test(own) ||
        LABEL_START.test((el.firstElementChild?.textContent ?? '').slice(0, 12)))
    ) {
      // Labelled values: "SKU: 123", "<b>Šifra:</b> 9470", "<td>Brand</td><td>Bosch</td>", "EAN: 859…".
      const full = (smallText(el, 8, 80) ?? '').trim();
      for (const [re, k] of LABELS) {
        const m = !found[k] && full.length < 80 ? re.exec(full) : null;
        if (!m) continue;
        const v = (
          full.slice(m[0].length).trim() || (smallText(el.nextElementSibling, 8, 80) ?? '').trim()
        ).replace(/[.;,]$/, '');
        if (
          k === 'sku'
            ? ID_LIKE.test(v) && /\d/.test(v)
            : k === 'gtin'
              ? validGtin(v)
              : v.length < 50 && /\p{L}/u.test(v) && !/[:：]/.test(v)
        ) {
          found[k] = v;
          foundIdx[k] = idx;
        }
      }
      if (!found.sku && flags & 16 && ID_LIKE.test(own) && /\d/.test(own)) {
        found.sku = own;
        foundIdx.sku = idx;
      }
    }
    // Push children in reverse so they pop in document order.
    const kids: Element[] = [];
    for (let c = el.firstElementChild; c && kids.length < 2000; c = c.nextElementSibling) kids.push(c);
    for (let k = kids.length - 1; k >= 0; k--)
      stack.push({ el: kids[k] as Element, struck, related, chrome, old, pricey });
  }

  // Proximity to the title and the buy control, in document order (no layout in a pure engine).
  const anchors = [h1Idx, buyIdx].filter((x) => x >= 0);
  for (const c of cands) {
    const d = anchors.length ? Math.min(...anchors.map((x) => Math.abs(c.idx - x))) : 1000;
    c.score += d < 25 ? 5 : d < 80 ? 3 : d < 250 ? 1 : -2;
    if (h1Idx >= 0 && c.idx < h1Idx - 150) c.score -= 2;
  }
  cands.sort((x, y) => y.score - x.score || x.idx - y.idx);
  const prices: DomPrice[] = [];
  let price: Fields['price'] = null;
  let nearTitle = false;
  for (const c of cands.slice(0, 60)) {
    if (c.score < -5) break;
    const content = c.el.getAttribute('content');
    const raw = { amount: content && /\d/.test(content) ? content : c.text };
    const p = readPrice(raw, ctx);
    if (!p) continue;
    prices.push({ amount: Number(p.amount), score: c.score, old: c.struck });
    if (!price && c.score >= 5 && visible(c.el)) {
      price = raw;
      nearTitle = true;
    }
  }
  const near = (i: number) => !anchors.length || anchors.some((x) => Math.abs(i - x) < 300);
  const availability = buyEnabled ? 'in_stock' : oos && near(oos.idx) ? oos.v : null;
  return {
    // A labelled code only when the markup's SKU is not itself shown on the page.
    fields: {
      title: h1 ?? cleanText(doc.title, 300),
      price,
      availability,
      sku: found.sku && near(foundIdx.sku ?? 0) && !skuShown ? found.sku : null,
      brand: found.brand ?? null,
      gtin: found.gtin ?? null,
      // Product photos: large-enough images in the main area, nearest the title first.
      images:
        h1Idx < 0
          ? []
          : imgs
              .filter((i) => Math.abs(i.idx - h1Idx) < 400)
              .sort((x, y) => Math.abs(x.idx - h1Idx) - Math.abs(y.idx - h1Idx))
              .slice(0, 6)
              .map((i) => i.src),
    },
    buy: buyEnabled,
    priceNearTitle: nearTitle,
    buyCount,
    prices,
    h1,
  };
}
