/**
 * Asking a supplier (询), pure: the message (compose.ts), its editable wording (templates.ts), the numbers it
 * quotes (price.ts) and the sourcing summary for chat apps (summary.ts). No `browser.*`: the side panel and the
 * options page import from here; the person's template edits are the `inquiryTemplates` settings item
 * (storage/settings/inquiry.ts), the supplier's contact entry is the source definition's `pages.contact(offer)`.
 *
 * The Ask dialog, in short:
 *   const source = sourceById(offer.source);
 *   const templates = resolveTemplates(await inquiryTemplates.getValue());
 *   const inquiry = composeInquiry(
 *     { offer, quantity: margins.quantity, variant, asks: { dropship: true, samples: true }, note },
 *     { language: source?.inquiryLanguage ?? 'zh', templates },
 *   );
 *   // show inquiry.lines (text + gloss); copy the (edited) inquiry.message;
 *   // open source.pages.contact?.(offer) ?? offer.url; then setOfferStatus(…, 'contacted').
 */
export {
  type ComposeOptions,
  composeChinese,
  composeEnglish,
  composeInquiry,
  type Inquiry,
  type InquiryAsks,
  type InquiryLine,
  type InquiryOffer,
  type InquiryRequest,
  MAX_MESSAGE_CHARS,
} from './compose';
export { buyerQuantity, type InquiryLanguage, type UnitPrice, unitPriceAt } from './price';
export { type SummaryOptions, sourcingSummary } from './summary';
export {
  DEFAULT_TEMPLATES,
  editsFrom,
  INQUIRY_PARTS,
  INQUIRY_PLACEHOLDERS,
  type InquiryPart,
  type InquiryPlaceholder,
  type InquiryTemplate,
  type InquiryTemplateEdits,
  type InquiryTemplates,
  resolveTemplates,
  TEMPLATE_SETS,
  type TemplateSet,
  unknownPlaceholders,
} from './templates';
