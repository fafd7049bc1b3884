/**
 * Offers on a results page a person is looking at (s.1688.com keyword search, air.1688.com image search), read
 * from the rendered DOM. The markup of these pages is not publicly documented and changes, so this reads what
 * any offer card must have rather than class names: a link to `detail.1688.com/offer/<id>.html`, and around it
 * a picture, a title and a "¥" price. A guess at the structure, kept deliberately loose.
 */
import { plainText } from '../../text/plain-text';
import { httpsUrl } from '../../url';
import type { WholesaleOffer } from '../types';
import { countFromText, priceMinor } from '../util';
import { buildOffer, emptySupplier } from './offer';
import { offerIdFromUrl } from './urls';

const MAX_OFFERS = 120;
const MAX_CLIMB = 8;

function idsIn(el: Element): Set<string> {
  const ids = new Set<string>();
  for (const a of el.querySelectorAll('a[href*="/offer/"]')) {
    const id = offerIdFromUrl(a.getAttribute('href') ?? '');
    if (id) ids.add(id);
  }
  return ids;
}

/** The largest ancestor of `link` that still holds links to this one offer only: its card. */
function cardOf(link: Element, id: string): Element {
  let card: Element = link;
  for (let i = 0; i < MAX_CLIMB && card.parentElement; i += 1) {
    const ids = idsIn(card.parentElement);
    if (ids.size !== 1 || !ids.has(id)) break;
    card = card.parentElement;
  }
  return card;
}

/** The card's text with a space between elements, so "¥12.50" and "2件起批" in two cells stay apart. */
function cardText(el: Node, parts: string[] = []): string[] {
  for (const child of el.childNodes) {
    if (parts.length > 400) break;
    if (child.nodeType === 3) parts.push(child.textContent ?? '');
    else if (child.nodeType === 1) cardText(child, parts);
  }
  return parts;
}

function cardOffer(card: Element, id: string): WholesaleOffer | null {
  const text = cardText(card).join(' ').replace(/\s+/g, ' ');
  const titled = [...card.querySelectorAll('a[href*="/offer/"], [title], img[alt]')]
    .map((el) => el.getAttribute('title') ?? el.getAttribute('alt') ?? el.textContent ?? '')
    .map((t) => plainText(t, 200))
    .sort((a, b) => b.length - a.length)[0];
  const img = card.querySelector('img');
  const image = httpsUrl(img?.getAttribute('src') ?? img?.getAttribute('data-src') ?? null);
  const priceText = /[¥￥]\s*(\d+(?:\.\d+)?)/.exec(text)?.[1] ?? null;
  const price = priceText ? priceMinor(priceText) : null;
  const moqText =
    /(\d+)\s*([件个套只双条包箱台米张把])?\s*起批/.exec(text) ??
    /≥\s*(\d+)\s*([件个套只双条包箱台米张把])?/.exec(text);
  const salesText = /(?:已售|成交)\s*([\d.,]+\s*[万千]?\+?)/.exec(text)?.[1];
  return buildOffer({
    offerId: id,
    title: titled ?? '',
    images: [image],
    tiers: price !== null && moqText ? [{ minQty: Number(moqText[1]), priceMinor: price }] : [],
    extraPrices: [price],
    moq: moqText ? Number(moqText[1]) : null,
    unit: moqText?.[2] ?? null,
    dropship: /一件代发/.test(text) ? true : null,
    sales: salesText ? countFromText(salesText) : null,
    isAd: false,
    shippingPromise: /(\d+\s*小时发货)/.exec(text)?.[1] ?? null,
    supplier: emptySupplier(),
  });
}

/** Every offer card on a results page (at most 120), in page order; never throws. */
export function readResultsPage(doc: Document): WholesaleOffer[] {
  try {
    const seen = new Set<string>();
    const offers: WholesaleOffer[] = [];
    for (const link of doc.querySelectorAll('a[href*="detail.1688.com/offer/"]')) {
      const id = offerIdFromUrl(link.getAttribute('href') ?? '');
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const offer = cardOffer(cardOf(link, id), id);
      if (offer?.title) offers.push(offer);
      if (offers.length >= MAX_OFFERS) break;
    }
    return offers;
  } catch {
    return [];
  }
}
