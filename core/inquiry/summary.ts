/**
 * A sourcing summary of one offer to paste into a chat app (WeChat, WhatsApp, a team channel): title, link, the
 * unit price at the buyer's quantity, the minimum order and the supplier, in the person's language, as plain text.
 *
 * API:
 *   sourcingSummary(offer, { language: 'en' | 'zh', quantity, locale? }): string
 *     offer     a WholesaleOffer or StoredOffer
 *     quantity  the buyer's (marginSettings.quantity)
 *     locale    how numbers and prices are written (the browser's UI locale); by default 'en-US' / 'zh-CN'
 *   Lines without a fact (no link, no minimum order, no supplier name) are left out; an offer without a usable
 *   price says to ask for one.
 */
import { formatMoney } from '../money';
import { safeHttpUrl } from '../url';
import type { InquiryOffer } from './compose';
import {
  buyerQuantity,
  formatCount,
  type InquiryLanguage,
  localeOf,
  minimumOrder,
  unitPriceAt,
  unitWord,
} from './price';
import { finishLine, inlineValue } from './text';

export interface SummaryOptions {
  readonly language: InquiryLanguage;
  readonly quantity: number;
  readonly locale?: string;
}

const TITLE_CHARS = 120;
const SUPPLIER_CHARS = 80;

/** The summary's words, per language. */
const WORDS: Readonly<
  Record<
    InquiryLanguage,
    {
      price(quantity: string, unit: string, price: string): string;
      belowMoq: string;
      estimated: string;
      noPrice: string;
      moq(moq: string, unit: string): string;
      supplier(name: string): string;
    }
  >
> = {
  en: {
    price: (quantity, unit, price) => `Price at ${quantity} ${unit}: ${price} each`,
    belowMoq: ' (below the minimum order)',
    estimated: ' (lowest listed price)',
    noPrice: 'Price: ask the supplier',
    moq: (moq, unit) => `MOQ: ${moq} ${unit}`,
    supplier: (name) => `Supplier: ${name}`,
  },
  zh: {
    price: (quantity, unit, price) => `${quantity}${unit}单价：${price}`,
    belowMoq: '（低于起批量）',
    estimated: '（页面最低价）',
    noPrice: '单价：需询价',
    moq: (moq, unit) => `起批量：${moq}${unit}`,
    supplier: (name) => `供应商：${name}`,
  },
};

/** The offer's own page, http(s) only. */
function link(url: unknown): string | null {
  const u = safeHttpUrl(url);
  return u && u.length <= 2048 ? u : null;
}

const LINE_CHARS = 300;

/** The summary (see the header): lines joined with "\n", no markup, one link. */
export function sourcingSummary(offer: InquiryOffer, options: SummaryOptions): string {
  const { language } = options;
  const words = WORDS[language];
  const locale = options.locale ?? localeOf(language);
  const quantity = buyerQuantity(options.quantity);
  const unit = unitWord(offer.unit, language);
  // Every line but the link is finished as a message's lines are: a unit beside a colon must not make a link.
  const lines: string[] = [];
  const push = (line: string) => {
    const done = finishLine(line, LINE_CHARS);
    if (done) lines.push(done);
  };

  push(inlineValue(offer.title, TITLE_CHARS));
  const url = link(offer.url);
  if (url) lines.push(url);

  const price = unitPriceAt(offer, quantity);
  if (price) {
    const mark = price.belowMoq ? words.belowMoq : price.estimated ? words.estimated : '';
    push(words.price(formatCount(quantity, locale), unit, formatMoney(price.money, locale)) + mark);
  } else {
    push(words.noPrice);
  }

  const moq = minimumOrder(offer);
  if (moq !== null) push(words.moq(formatCount(moq, locale), unit));
  const supplier = inlineValue(offer.supplier.name, SUPPLIER_CHARS);
  if (supplier) push(words.supplier(supplier));
  return lines.join('\n');
}
