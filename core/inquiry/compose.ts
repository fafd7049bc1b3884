/**
 * A message to an offer's supplier, ready to paste into the supplier's chat: in Chinese for a domestic source
 * (with an English gloss, line for line, for a person who does not read Chinese), in English for an
 * international one (the source definition's `inquiryLanguage`). Pure: the side panel's Ask dialog shows it, lets
 * the person edit it, copies it and opens the source's contact entry (`source.pages.contact`).
 *
 * What the message always is, whatever the offer, the request or the templates hold: plain text (no markup
 * characters, no control characters), at most MAX_MESSAGE_CHARS, with no link but the offer's own http(s) page,
 * and no `{placeholder}` the defaults left unfilled (an unknown `{name}` the person wrote in an edited template
 * stays, as written, for them to see).
 *
 * API:
 *   composeInquiry(request, { language, templates? }): Inquiry
 *     request   { offer, quantity, variant?, asks?: { dropship?, samples?, leadTime?, customisation? }, note? }
 *               offer: a WholesaleOffer or StoredOffer (title, url, currency, priceTiers, priceMinMinor, moq,
 *               unit, supplier.name); quantity: the buyer's (marginSettings.quantity); variant: the chosen SKU's
 *               spec text ("黑色>M"); note: the person's own words (may hold line breaks)
 *     language  'zh' | 'en': `sourceById(offer.source).inquiryLanguage`
 *     templates resolveTemplates(await inquiryTemplates.getValue()); the defaults when omitted
 *     Inquiry   { language, message, gloss (English of a Chinese message, null for an English one),
 *                 lines: [{ text, gloss }] — the same, line by line, to show side by side }
 *   composeChinese(request, templates?): { zh, gloss }
 *   composeEnglish(request, templates?): string
 */

import { formatMoney } from '../money';
import type { SupplierFacts, WholesaleOffer } from '../sources/types';
import { safeHttpUrl } from '../url';
import { fillPart, type PlaceholderValues } from './fill';
import {
  buyerQuantity,
  formatCount,
  type InquiryLanguage,
  localeOf,
  minimumOrder,
  type PricedOffer,
  type UnitPrice,
  unitPriceAt,
  unitWord,
} from './price';
import {
  DEFAULT_TEMPLATES,
  INQUIRY_PARTS,
  type InquiryPart,
  type InquiryTemplate,
  type InquiryTemplates,
} from './templates';
import { inlineValue, LINK_MARK, noteLines } from './text';

/** The most a message (and its gloss) may hold: far above the defaults, a bound for edited templates. */
export const MAX_MESSAGE_CHARS = 4000;
/** One line, the offer's link aside. */
export const MAX_LINE_CHARS = 600;
const TITLE_CHARS = 60;
const VARIANT_CHARS = 60;
const SUPPLIER_CHARS = 60;
const LINK_CHARS = 2048;

export type InquiryOffer = PricedOffer &
  Pick<WholesaleOffer, 'title' | 'url'> & { readonly supplier: Pick<SupplierFacts, 'name'> };

/** What to ask besides the price; each off unless set. */
export interface InquiryAsks {
  /** 一件代发: will they ship single orders to the buyer's customers. */
  readonly dropship?: boolean;
  /** 拿样: a sample first, and what it costs. */
  readonly samples?: boolean;
  /** 交期 / 发货时间: how soon after ordering they ship. */
  readonly leadTime?: boolean;
  /** 定制logo/包装: the buyer's logo and packaging, and the order that needs. */
  readonly customisation?: boolean;
}

export interface InquiryRequest {
  readonly offer: InquiryOffer;
  /** Units the buyer plans to order. */
  readonly quantity: number;
  /** The chosen variant's spec text as the source writes it ("黑色>M"), if one was chosen. */
  readonly variant?: string | null;
  readonly asks?: InquiryAsks;
  /** The person's own words, added before the closing. */
  readonly note?: string | null;
}

export interface InquiryLine {
  /** The line of the message. */
  readonly text: string;
  /** Its English gloss (Chinese messages), or null. */
  readonly gloss: string | null;
}

export interface Inquiry {
  readonly language: InquiryLanguage;
  /** The message to paste into the supplier's chat. */
  readonly message: string;
  /** English of a Chinese message, line for line (an empty line where a line has none); null for English. */
  readonly gloss: string | null;
  readonly lines: readonly InquiryLine[];
}

export interface ComposeOptions {
  readonly language: InquiryLanguage;
  readonly templates?: InquiryTemplates;
}

/** What the request says about the offer, worked out once for every template set. */
interface Facts {
  quantity: number;
  price: UnitPrice | null;
  moq: number | null;
  link: string | null;
}

/** The offer's own page as it goes into the message: http(s) only, braces escaped (they would read as a placeholder). */
function offerLink(url: unknown): string | null {
  const u = safeHttpUrl(url);
  if (!u || u.length > LINK_CHARS) return null;
  return u.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

/** "黑色>M" (the source's spec separator) as a person writes it: "黑色 / M". */
function variantText(variant: unknown): string {
  if (typeof variant !== 'string') return '';
  return inlineValue(variant.split(/\s*(?:>|＞|&gt;)\s*/).join(' / '), VARIANT_CHARS);
}

function factsOf(request: InquiryRequest): Facts {
  const quantity = buyerQuantity(request.quantity);
  return {
    quantity,
    price: unitPriceAt(request.offer, quantity),
    moq: minimumOrder(request.offer),
    link: offerLink(request.offer.url),
  };
}

function valuesFor(request: InquiryRequest, facts: Facts, language: InquiryLanguage): PlaceholderValues {
  const locale = localeOf(language);
  const note = noteLines(request.note).join('\n');
  return {
    offerTitle: inlineValue(request.offer.title, TITLE_CHARS) || null,
    offerUrl: facts.link ? LINK_MARK : null,
    quantity: formatCount(facts.quantity, locale),
    unit: unitWord(request.offer.unit, language),
    variant: variantText(request.variant) || null,
    priceAtQuantity: facts.price ? formatMoney(facts.price.money, locale) : null,
    moq: facts.moq !== null ? formatCount(facts.moq, locale) : null,
    supplierName: inlineValue(request.offer.supplier.name, SUPPLIER_CHARS) || null,
    note: note || null,
  };
}

/** The parts this request's message holds, in order. */
function partsFor(request: InquiryRequest, facts: Facts): InquiryPart[] {
  const asks = request.asks ?? {};
  const belowMoq = facts.moq !== null && facts.quantity < facts.moq;
  // A price is quoted back only when it is the one the buyer would pay: below the minimum order it is not.
  const priced = facts.price !== null && !facts.price.belowMoq;
  const included: Record<InquiryPart, boolean> = {
    greeting: true,
    offer: true,
    variant: true,
    price: priced,
    quote: !priced,
    belowMoq,
    dropship: asks.dropship === true,
    samples: asks.samples === true,
    leadTime: asks.leadTime === true,
    customisation: asks.customisation === true,
    note: true,
    closing: true,
  };
  return INQUIRY_PARTS.filter((part) => included[part]);
}

function renderParts(template: InquiryTemplate, parts: readonly InquiryPart[], values: PlaceholderValues) {
  return parts.map((part) => fillPart(template[part], values, MAX_LINE_CHARS));
}

/**
 * Pairs each part's message lines with its gloss lines (extra gloss lines join the part's last one), puts the
 * offer's link in, and stops before a line that would take either text past MAX_MESSAGE_CHARS.
 */
function pairLines(textParts: string[][], glossParts: string[][] | null, link: string | null): InquiryLine[] {
  const withLink = (s: string) => (link ? s.split(LINK_MARK).join(link) : s.split(LINK_MARK).join(''));
  const out: InquiryLine[] = [];
  let textChars = 0;
  let glossChars = 0;
  for (const [i, texts] of textParts.entries()) {
    const glosses = glossParts?.[i] ?? [];
    for (const [j, raw] of texts.entries()) {
      const extra = j === texts.length - 1 ? glosses.slice(j + 1) : [];
      const g = [glosses[j], ...extra].filter((s): s is string => !!s).join(' ');
      const text = withLink(raw);
      const gloss = glossParts && g ? withLink(g) : null;
      const nextText = textChars + text.length + (out.length ? 1 : 0);
      const nextGloss = glossChars + (gloss?.length ?? 0) + (out.length ? 1 : 0);
      if (nextText > MAX_MESSAGE_CHARS || nextGloss > MAX_MESSAGE_CHARS) return out;
      textChars = nextText;
      glossChars = nextGloss;
      out.push({ text, gloss });
    }
  }
  return out;
}

/** The message for `request` in `language` (see the header). */
export function composeInquiry(request: InquiryRequest, options: ComposeOptions): Inquiry {
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const facts = factsOf(request);
  const parts = partsFor(request, facts);
  if (options.language === 'en') {
    const lines = pairLines(
      renderParts(templates.en, parts, valuesFor(request, facts, 'en')),
      null,
      facts.link,
    );
    return { language: 'en', message: lines.map((l) => l.text).join('\n'), gloss: null, lines };
  }
  const lines = pairLines(
    renderParts(templates.zh, parts, valuesFor(request, facts, 'zh')),
    renderParts(templates.gloss, parts, valuesFor(request, facts, 'en')),
    facts.link,
  );
  return {
    language: 'zh',
    message: lines.map((l) => l.text).join('\n'),
    gloss: lines.map((l) => l.gloss ?? '').join('\n'),
    lines,
  };
}

/** The Chinese message and its English gloss. */
export function composeChinese(
  request: InquiryRequest,
  templates?: InquiryTemplates,
): { zh: string; gloss: string } {
  const inquiry = composeInquiry(request, { language: 'zh', ...(templates ? { templates } : {}) });
  return { zh: inquiry.message, gloss: inquiry.gloss ?? '' };
}

/** The English message (international suppliers). */
export function composeEnglish(request: InquiryRequest, templates?: InquiryTemplates): string {
  return composeInquiry(request, { language: 'en', ...(templates ? { templates } : {}) }).message;
}
