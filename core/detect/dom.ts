import type { PriceContext } from '../price';
import { availabilityOf, type Fields, OUT_OF_STOCK } from './fields';
import { readPrice } from './pricing';
import { fieldText, textOf } from './text';
import { WordSets } from './words';

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
const RELATED_BIT = 1;
const OLD_BIT = 2;
const PRICEY_BIT = 4;
const AVAIL_BIT = 8;
const SKU_BIT = 16;
const NOT_BUY_BIT = 32;
/**
 * The class/id patterns in bit order, all tested in one pass over a string (words.ts). None can match across
 * a space, so "class id itemprop" is tested part by part.
 */
export const PART_PATTERNS: readonly RegExp[] = [RELATED, OLD, PRICEY, AVAIL_HINT, SKU_CLASS, NOT_BUY];
let partWords: WordSets | undefined;
const partPatterns = (): WordSets => (partWords ??= new WordSets([...PART_PATTERNS]));

/** Attributes read per element: the elements that have any are looked up natively, once per walk. */
const SPECIAL_ATTRS = '[style],[hidden],[itemprop],[role]';
const ID_LIKE = /^[A-Za-z0-9][\w\-./]{2,30}$/;

const CUR =
  '(?:[$€£¥₩₹₽₺₪₫฿₴₦₱₡₲₵₸₼₾]|R\\$|US\\$|C\\$|A\\$|NZ\\$|HK\\$|NT\\$|S\\$|zł|Kč|kr|Kn|kn|Ft|lei|Lei|руб\\.?|грн|元|円|원|TL|Rs\\.?|₨|[A-Z]{3})';
const NUM = "\\d{1,3}(?:[.,\\s\\u00a0'’]\\d{3})*(?:[.,]\\d{1,2})?-?|\\d+(?:[.,]\\d{1,2})?";
const CUR_ONLY = new RegExp(`^${CUR}$`);
const PRICE_RE = new RegExp(`(?:${CUR}\\s?(?:${NUM}))|(?:(?:${NUM})\\s?${CUR})`);
const NUM_ONLY = /^\D{0,12}?\d{1,3}(?:[.,\s\u00a0']\d{3})*(?:[.,]\d{1,2})?\D{0,3}$/;

interface PriceCandidate {
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

/** "class id itemprop": what the class/id patterns are tested on. */
const attrText = (cls: string, id: string, itemprop: string | null): string =>
  `${cls} ${id} ${itemprop ?? ''}`;

/**
 * The first `max` characters of an element's textContent, read node by node: textContent on a wrapper
 * would read (and copy) the whole page. Stops after `maxNodes` nodes with what it has.
 */
function textPrefix(el: Element | null, max: number, maxNodes = 500): string {
  if (!el) return '';
  let t = '';
  let n = 0;
  let node: Node | null = el.firstChild;
  while (node && t.length < max && n++ < maxNodes) {
    const type = node.nodeType;
    if (type === 3 || type === 4) t += node.nodeValue ?? '';
    // Depth first in document order without a stack: down, else next, else up and next.
    let next: Node | null = type === 1 ? node.firstChild : null;
    while (!next && node && node !== el) {
      next = node.nextSibling;
      if (!next) node = node.parentNode;
    }
    node = next;
  }
  return t.length > max ? t.slice(0, max) : t;
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
function splitPrice(el: Element, childTexts?: string[]): string | null {
  let t = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    const v = c.nodeType === 1 ? smallText(c as Element, 6, 40) : (c.nodeValue ?? '');
    if (v === null) return null;
    if (c.nodeType === 1) childTexts?.push(v);
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

/**
 * The walk over the visible DOM: a small hot loop (element, attributes, context, child nodes) and the rarer
 * checks in methods of their own, called only for the elements they can apply to.
 */
class Walk {
  priceCandidates: PriceCandidate[] = [];
  /** Walk index (document order) of the chosen heading and of the first buy control; -1 when none. */
  h1Idx = -1;
  h1: string | null = null;
  buyIdx = -1;
  buyCount = 0;
  buyEnabled = false;
  /** The first visible not-in-stock note ("Sold out", "Pre-order") in the main area. */
  outOfStock: { availability: Fields['availability']; idx: number } | null = null;
  /** Values found beside a label ("SKU: 123", "<td>Brand</td><td>Bosch</td>"), and where. */
  labelled: Partial<Record<'sku' | 'brand' | 'gtin', string>> = {};
  labelledIdx: Record<string, number> = {};
  skuShown = false;
  /** Large-enough images in the main area (product photo candidates). */
  images: { src: string; idx: number }[] = [];
  /** Bits of the class/id patterns per distinct class, id or itemprop (pages repeat them a lot). */
  memo = new Map<string, number>();
  words = partPatterns();
  // An element whose label test needs the start of its first child's text waits for that child, the next
  // element visited, whose child nodes are read anyway ("<td>SKU</td>": no extra reads).
  labelWaiting: Element | null = null;
  /** …and that element's first child, its own text, walk index and class/id pattern bits. */
  labelFirstChild: Element | null = null;
  labelOwnText = '';
  labelIdx = 0;
  labelBits = 0;
  /** Elements with any of SPECIAL_ATTRS (the only ones whose attributes the walk reads). */
  special = new Set<Element>();
  /** Subtrees left unread (see `prune` in walk), with the index of their root. */
  pruned: [Element, number][] = [];

  constructor(
    readonly wantTitle: string,
    readonly knownSku: string | null,
  ) {}

  bitsOf(v: string): number {
    if (v === '') return 0;
    let m = this.memo.get(v);
    if (m === undefined) {
      m = this.words.bits(v);
      if (this.memo.size < 5000) this.memo.set(v, m);
    }
    return m;
  }

  heading(el: Element, idx: number): void {
    const t = textOf(el, 300);
    const want = this.wantTitle;
    const better = (x: string | null) => !!want && !!x && x.toLowerCase().includes(want);
    if (t && (this.h1Idx < 0 || (better(t) && !better(this.h1)))) {
      this.h1Idx = idx;
      this.h1 = t;
    }
  }

  control(
    el: Element,
    tag: string,
    own: string,
    idx: number,
    cls: string,
    id: string,
    itemprop: string | null,
    bits: number,
  ): void {
    if (tag === 'INPUT' && !/submit|button|image/i.test(el.getAttribute('type') ?? '')) return;
    // Attributes are tested once per distinct string (memo); visible labels only when short.
    const label =
      `${tag === 'A' ? own : (smallText(el, 12, 80) ?? '')} ${el.getAttribute('value') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.trim();
    const named = cls !== '' || id !== '' || !!itemprop;
    // BUY_ATTR alone may match across the parts ("add" "to-cart"): it is tested on the joined text.
    const byAttr =
      (named && BUY_ATTR.test(attrText(cls, id, itemprop))) ||
      /cart|basket|buy|add/i.test(el.getAttribute('name') ?? '');
    if (
      (byAttr || (label.length <= 40 && BUY.test(label))) &&
      !(bits & NOT_BUY_BIT) &&
      !NOT_BUY.test(label)
    ) {
      this.buyCount++;
      if (this.buyIdx < 0) this.buyIdx = idx;
      if (
        !this.buyEnabled &&
        !el.hasAttribute('disabled') &&
        !/disabled/i.test(attrText(cls, id, itemprop)) &&
        visible(el)
      )
        this.buyEnabled = true;
    }
  }

  stock(el: Element, own: string, idx: number, bits: number): void {
    if (!(bits & AVAIL_BIT) && !OUT_OF_STOCK.test(own)) return;
    const v = availabilityOf(own);
    if (v && v !== 'in_stock' && v !== 'limited' && visible(el)) this.outOfStock = { availability: v, idx };
  }

  image(el: Element, idx: number, cls: string, id: string, itemprop: string | null): void {
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
        `${src.slice(src.lastIndexOf('/'))} ${attrText(cls, id, itemprop)}`,
      )
    )
      this.images.push({ src, idx });
  }

  /**
   * Price candidates: the short text of a small element split in pieces ("€<b>19</b><sup>99</sup>"), else
   * the element's own text. True when the text names a currency.
   */
  price(
    el: Element,
    tag: string,
    own: string,
    digit: boolean,
    childCount: number,
    idx: number,
    ctxBits: number,
    style: string,
    cls: string,
    id: string,
    itemprop: string | null,
  ): boolean {
    const pricey = ctxBits >> 4;
    const priceProp = itemprop === 'price';
    let text = '';
    if (childCount > 0 && childCount <= 6 && (pricey || priceProp || digit)) {
      // The children's texts as splitPrice read them (complete within its tighter bounds, so the same
      // as smallText's with the default ones).
      const childTexts: string[] = [];
      const full = splitPrice(el, childTexts);
      if (full && full.length <= 30 && /\d/.test(full) && !childTexts.some((t) => PRICE_RE.test(t)))
        text = full;
    }
    if (!text && digit && own.length <= 60 && tag !== 'SUP') text = own;
    if (text === '') return false;
    // "<span>2320</span><span>元</span>": a bare number with the currency in the next element.
    const next = /^[\d.,\s]+$/.test(text) ? (smallText(el.nextElementSibling, 4, 10) ?? '').trim() : '';
    if (next && next.length <= 4 && CUR_ONLY.test(next)) text = `${text} ${next}`;
    const hasCur = PRICE_RE.test(text);
    if (hasCur || ((pricey || priceProp) && NUM_ONLY.test(text))) {
      const struck = (ctxBits & 9) !== 0;
      const main = (ctxBits & 6) === 0;
      let score = (hasCur ? 2 : 0) + (pricey ? 3 : 0) + (priceProp ? 3 : 0);
      if (struck) score -= 4;
      if (!main) score -= 20;
      const context = `${text} ${smallText(el.parentElement, 30, 160) ?? ''}`;
      if (NOT_ITEM.test(text) || NOT_ITEM.test(attrText(cls, id, itemprop))) score -= 20;
      else if (NOT_ITEM.test(context)) score -= 3;
      if (EX_TAX.test(context)) score -= 5;
      if (text.length > 30) score -= 2;
      // Shops set the main price big; inline sizes are all a pure engine can see.
      const size = /font(?:-size)?\s*:[^;]*?(\d+)px/i.exec(style);
      if (size && Number(size[1]) >= 18) score += 2;
      this.priceCandidates.push({ el, text, idx, score, struck });
    }
    return hasCur;
  }

  /** Labelled values: "SKU: 123", "<b>Šifra:</b> 9470", "<td>Brand</td><td>Bosch</td>", "EAN: 859…". */
  labels(el: Element, own: string, at: number, bits: number): void {
    const labelled = this.labelled;
    const full = (smallText(el, 8, 80) ?? '').trim();
    for (const [re, k] of LABELS) {
      const m = !labelled[k] && full.length < 80 ? re.exec(full) : null;
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
        labelled[k] = v;
        this.labelledIdx[k] = at;
      }
    }
    if (!labelled.sku && bits & SKU_BIT && ID_LIKE.test(own) && /\d/.test(own)) {
      labelled.sku = own;
      this.labelledIdx.sku = at;
    }
  }

  readWaitingLabel(prefix: string): void {
    const e = this.labelWaiting as Element;
    this.labelWaiting = null;
    this.labelFirstChild = null;
    if (LABEL_START.test(prefix)) this.labels(e, this.labelOwnText, this.labelIdx, this.labelBits);
  }

  /**
   * Depth-first walk in document order with context bits per stacked element: 1 struck-through, 2 related
   * container, 4 page chrome, 8 old price, and from bit 4 up how many levels below a price-ish class (0-4).
   */
  walk(body: Element): void {
    // Elements with any of the attributes read below, found natively in one query: the others (most of
    // the page) cost no attribute reads but their class and id.
    const special = new Set<Element>(Array.from(body.querySelectorAll(SPECIAL_ATTRS)));
    this.special = special;
    // What keeps a related container's subtree from being read (see below), looked up when first needed.
    let headings: Element[] | null = null;
    let bigPrices: Element[] | null = null;
    const stack: Element[] = [body];
    const contexts: number[] = [0];
    let idx = 0;
    while (stack.length && idx < MAX_NODES) {
      const el = stack.pop() as Element;
      const parentContext = contexts.pop() as number;
      idx++;
      if (this.labelWaiting && el !== this.labelFirstChild)
        this.readWaitingLabel(textPrefix(this.labelFirstChild, 12));
      const labelWaits = this.labelWaiting !== null;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag)) {
        if (labelWaits) this.readWaitingLabel(textPrefix(el, 12));
        continue;
      }
      let style = '';
      let itemprop: string | null = null;
      let role: string | null = null;
      if (el === body || special.has(el)) {
        style = el.getAttribute('style') ?? '';
        if (
          el.hasAttribute('hidden') ||
          (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
        ) {
          if (labelWaits) this.readWaitingLabel(textPrefix(el, 12));
          continue;
        }
        itemprop = el.getAttribute('itemprop');
        role = el.getAttribute('role');
      }
      const className = el.className;
      const cls = typeof className === 'string' ? className : (el.getAttribute('class') ?? '');
      const id = el.id ?? '';
      const named = cls !== '' || id !== '' || !!itemprop;
      const bits = named ? this.bitsOf(cls) | this.bitsOf(id) | this.bitsOf(itemprop ?? '') : 0;
      const struck =
        (parentContext & 1) !== 0 || STRUCK_TAGS.has(tag) || (style !== '' && /line-through/i.test(style));
      const related = (parentContext & 2) !== 0 || (bits & RELATED_BIT) !== 0;
      const chrome = (parentContext & 4) !== 0 || ASIDE_TAGS.has(tag) || role === 'navigation';
      const old = (parentContext & 8) !== 0 || (bits & OLD_BIT) !== 0;
      const pricey = bits & PRICEY_BIT ? 4 : Math.max(0, (parentContext >> 4) - 1);
      const main = !related && !chrome;
      // Below a related container or page chrome nothing counts but the position: no buy controls, stock
      // notes, photos or labels are read there, and prices score below the cut-off (-5) unless they are
      // an itemprop price set big (a few pixels of inline style). Only a heading counts there, outside page
      // chrome. Such subtrees are counted, not read (and searched for the markup's SKU only if it matters).
      let prune = false;
      if (!main) {
        bigPrices ??= Array.from(body.querySelectorAll('[itemprop="price"][style]'));
        prune = !bigPrices.some((p) => el.contains(p));
        if (prune && !chrome) {
          headings ??= Array.from(body.querySelectorAll('h1,H1'));
          prune = !headings.some((h) => el.contains(h));
        }
      }
      const childContext =
        (struck ? 1 : 0) | (related ? 2 : 0) | (chrome ? 4 : 0) | (old ? 8 : 0) | (pricey << 4);

      // One pass over the child nodes: the own text (text children, in order), the start of the text when
      // a label test waits for it, and the child elements (at most the first 2000), pushed and then
      // reversed so that they pop in document order.
      const base = stack.length;
      let childCount = 0;
      let firstChild: Element | null = null;
      let ownRaw = '';
      // 0: reading the text start, 1: an element comes first (read it apart), 2: done.
      let textStart = '';
      let textStartState = labelWaits ? 0 : 2;
      for (let c = el.firstChild; c; c = c.nextSibling) {
        const type = c.nodeType;
        if (type === 1) {
          if (childCount === 0) firstChild = c as Element;
          if (childCount++ < 2000 && !prune) {
            stack.push(c as Element);
            contexts.push(childContext);
          }
          if (textStartState === 0) textStartState = 1;
        } else if (type === 3 || type === 4) {
          const v = c.nodeValue ?? '';
          if (type === 3) ownRaw += v;
          if (textStartState === 0) {
            textStart += v;
            if (textStart.length >= 12) textStartState = 2;
          }
        }
      }
      for (let i = base, j = stack.length - 1; i < j; i++, j--) {
        const t = stack[i] as Element;
        stack[i] = stack[j] as Element;
        stack[j] = t;
      }
      if (labelWaits)
        this.readWaitingLabel(
          textStartState === 1
            ? textPrefix(el, 12)
            : textStart.length > 12
              ? textStart.slice(0, 12)
              : textStart,
        );
      const own = ownRaw === '' ? '' : ownRaw.trim();
      const digit = own !== '' && /\d/.test(own);

      if (tag === 'H1' && !chrome) this.heading(el, idx);
      if (main && (tag === 'BUTTON' || tag === 'INPUT' || tag === 'A' || role === 'button'))
        this.control(el, tag, own, idx, cls, id, itemprop, bits);
      if (main && !this.outOfStock && own.length > 3 && own.length < 80) this.stock(el, own, idx, bits);
      if (tag === 'IMG' && main && this.images.length < 200) this.image(el, idx, cls, id, itemprop);
      const hasCur =
        (digit || (childCount > 0 && childCount <= 6 && (pricey > 0 || itemprop === 'price'))) &&
        this.price(el, tag, own, digit, childCount, idx, childContext, style, cls, id, itemprop);
      if (this.knownSku && own === this.knownSku) this.skuShown = true;
      if (main && !hasCur && own.length < 60 && childCount <= 3) {
        if ((own !== '' && LABEL_START.test(own)) || bits & SKU_BIT) this.labels(el, own, idx, bits);
        else if (firstChild) {
          this.labelWaiting = el;
          this.labelFirstChild = firstChild;
          this.labelOwnText = own;
          this.labelIdx = idx;
          this.labelBits = bits;
        }
      }
      if (prune && childCount > 0) {
        this.pruned.push([el, idx]);
        idx += this.countBelow(el, MAX_NODES - idx);
      }
    }
    if (this.labelWaiting) this.readWaitingLabel(textPrefix(this.labelFirstChild, 12));
  }

  /** Whether an element is left out with its subtree (a skipped tag, hidden). */
  isLeftOut(el: Element): boolean {
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
    if (!this.special.has(el)) return false;
    const style = el.getAttribute('style') ?? '';
    return (
      el.hasAttribute('hidden') || (!!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
    );
  }

  /**
   * How many elements the walk would visit below `root` (at most `budget`), in the same order and with
   * the same rules (skipped tags and hidden elements visited but not entered, the first 2000 children).
   */
  countBelow(root: Element, budget: number): number {
    let n = 0;
    const stack: Element[] = [root];
    while (stack.length) {
      const el = stack.pop() as Element;
      if (el !== root) {
        if (n >= budget) return n;
        n++;
        if (this.isLeftOut(el)) continue;
      }
      let k = 0;
      for (let c = el.firstElementChild; c && k < 2000; c = c.nextElementSibling, k++) stack.push(c);
    }
    return n;
  }

  /**
   * Whether an element below the skipped subtrees shows `sku` as its own text, as the walk would have
   * found it there (same order, rules and node budget). Only asked when it matters (rare).
   */
  skuBelowPruned(sku: string): boolean {
    for (const [root, at] of this.pruned) {
      // The first text child of such an element, trimmed, starts the SKU: without one, nothing to walk.
      const texts = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      let maybe = false;
      for (let t = texts.nextNode(); t && !maybe; t = texts.nextNode()) {
        const v = (t.nodeValue ?? '').trim();
        maybe = v !== '' && sku.startsWith(v);
      }
      if (!maybe) continue;
      let idx = at;
      const stack: Element[] = [];
      let k = 0;
      for (let c = root.firstElementChild; c && k < 2000; c = c.nextElementSibling, k++) stack.push(c);
      stack.reverse();
      while (stack.length && idx < MAX_NODES) {
        const el = stack.pop() as Element;
        idx++;
        if (this.isLeftOut(el)) continue;
        let own = '';
        const kids: Element[] = [];
        for (let c = el.firstChild; c; c = c.nextSibling)
          if (c.nodeType === 1) {
            if (kids.length < 2000) kids.push(c as Element);
          } else if (c.nodeType === 3) own += c.nodeValue ?? '';
        if (own.trim() === sku) return true;
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
      }
    }
    return false;
  }
}

export function readDom(
  doc: Document,
  ctx: PriceContext,
  title: string | null,
  knownSku: string | null = null,
): DomResult {
  const body = doc.body ?? doc.documentElement;
  const walk = new Walk((title ?? '').toLowerCase().slice(0, 20), knownSku);
  if (body) walk.walk(body);
  const { priceCandidates, h1Idx, buyIdx, outOfStock, labelled, labelledIdx, images } = walk;

  // Proximity to the title and the buy control, in document order (no layout in a pure engine).
  const anchors = [h1Idx, buyIdx].filter((x) => x >= 0);
  for (const c of priceCandidates) {
    const distance = anchors.length ? Math.min(...anchors.map((x) => Math.abs(c.idx - x))) : 1000;
    c.score += distance < 25 ? 5 : distance < 80 ? 3 : distance < 250 ? 1 : -2;
    if (h1Idx >= 0 && c.idx < h1Idx - 150) c.score -= 2;
  }
  priceCandidates.sort((x, y) => y.score - x.score || x.idx - y.idx);
  const prices: DomPrice[] = [];
  let price: Fields['price'] = null;
  let nearTitle = false;
  const parsed = new Map<string, ReturnType<typeof readPrice>>();
  for (const c of priceCandidates.slice(0, 60)) {
    if (c.score < -5) break;
    const content = c.el.getAttribute('content');
    const raw = { amount: content && /\d/.test(content) ? content : c.text };
    // Listings repeat the same price texts: each is read once.
    let p = parsed.get(raw.amount);
    if (p === undefined) {
      p = readPrice(raw, ctx);
      parsed.set(raw.amount, p);
    }
    if (!p) continue;
    prices.push({ amount: Number(p.amount), score: c.score, old: c.struck });
    if (!price && c.score >= 5 && visible(c.el)) {
      price = raw;
      nearTitle = true;
    }
  }
  const near = (i: number) => !anchors.length || anchors.some((x) => Math.abs(i - x) < 300);
  const availability = walk.buyEnabled
    ? 'in_stock'
    : outOfStock && near(outOfStock.idx)
      ? outOfStock.availability
      : null;
  // A labelled code only when the markup's SKU is not itself shown on the page (also in skipped subtrees).
  const skuShown =
    walk.skuShown ||
    (!!labelled.sku && !!knownSku && near(labelledIdx.sku ?? 0) && walk.skuBelowPruned(knownSku));
  return {
    // A labelled code only when the markup's SKU is not itself shown on the page.
    fields: {
      title: walk.h1 ?? fieldText(doc.title, 300),
      price,
      availability,
      sku: labelled.sku && near(labelledIdx.sku ?? 0) && !skuShown ? labelled.sku : null,
      brand: labelled.brand ?? null,
      gtin: labelled.gtin ?? null,
      // Product photos: large-enough images in the main area, nearest the title first.
      images:
        h1Idx < 0
          ? []
          : images
              .filter((i) => Math.abs(i.idx - h1Idx) < 400)
              .sort((x, y) => Math.abs(x.idx - h1Idx) - Math.abs(y.idx - h1Idx))
              .slice(0, 6)
              .map((i) => i.src),
    },
    buy: walk.buyEnabled,
    priceNearTitle: nearTitle,
    buyCount: walk.buyCount,
    prices,
    h1: walk.h1,
  };
}
