/**
 * The wording of a message to a supplier, as editable templates with named placeholders. The defaults live here;
 * the person's edits are a settings item (`inquiryTemplates` in storage/settings/inquiry.ts) merged over them by
 * `resolveTemplates`, which never throws on whatever is stored.
 *
 * A message is built from parts in INQUIRY_PARTS order (compose.ts decides which parts a request includes); each
 * part is one or more lines. Three sets: `zh` (the Chinese message, 旺旺 register: short lines, 您好), `gloss`
 * (the same lines in English for a person who does not read Chinese, line for line), and `en` (the English
 * message for international suppliers). A placeholder is `{name}` with a name from INQUIRY_PLACEHOLDERS; a line
 * whose placeholder has no value (no variant chosen, price unknown…) is left out; an unknown name stays in the
 * message as written, so the person sees the mistake.
 *
 * API:
 *   INQUIRY_PARTS, InquiryPart             the parts, in message order
 *   INQUIRY_PLACEHOLDERS, InquiryPlaceholder  the names a template may use
 *   DEFAULT_TEMPLATES: InquiryTemplates    { zh, gloss, en }: Record<InquiryPart, string>
 *   resolveTemplates(edits: unknown)       defaults with the person's edits over them (an empty part: left out)
 *   editsFrom(templates)                   the parts that differ from the defaults: what to store
 *   unknownPlaceholders(template)          `{names}` a template uses that are not placeholders (to warn)
 */

export const INQUIRY_PARTS = [
  'greeting',
  'offer',
  'variant',
  'price',
  'quote',
  'belowMoq',
  'dropship',
  'samples',
  'leadTime',
  'customisation',
  'note',
  'closing',
] as const;
export type InquiryPart = (typeof INQUIRY_PARTS)[number];

/**
 * The values a template can name:
 * - offerTitle: the offer's title (short); offerUrl: its own link
 * - quantity, unit: what the buyer plans to order (the unit as the source writes it; "pcs" in English)
 * - variant: the chosen variant ("黑色 / M")
 * - priceAtQuantity: the unit price at that quantity (the tier it falls in), in the message's language
 * - moq: the smallest order the offer takes; supplierName: the supplier's name
 * - note: the person's own words
 */
export const INQUIRY_PLACEHOLDERS = [
  'offerTitle',
  'offerUrl',
  'quantity',
  'unit',
  'variant',
  'priceAtQuantity',
  'moq',
  'supplierName',
  'note',
] as const;
export type InquiryPlaceholder = (typeof INQUIRY_PLACEHOLDERS)[number];

export type InquiryTemplate = Readonly<Record<InquiryPart, string>>;

export interface InquiryTemplates {
  /** The Chinese message (1688 and other domestic sources). */
  readonly zh: InquiryTemplate;
  /** English of the Chinese message, line for line, shown beside it. */
  readonly gloss: InquiryTemplate;
  /** The English message (Alibaba.com and other international sources). */
  readonly en: InquiryTemplate;
}
export type TemplateSet = keyof InquiryTemplates;
export const TEMPLATE_SETS: readonly TemplateSet[] = ['zh', 'gloss', 'en'];

/** What is stored: per set, only the parts the person changed. */
export type InquiryTemplateEdits = {
  readonly [S in TemplateSet]?: Readonly<Partial<Record<InquiryPart, string>>>;
};

/** Bounds on an edited part: what a settings value can hold, and a message can carry. */
export const PART_MAX_CHARS = 1000;
export const PART_MAX_LINES = 10;

export const DEFAULT_TEMPLATES: InquiryTemplates = Object.freeze({
  zh: Object.freeze({
    greeting: '您好！',
    offer: '想咨询一下这款：{offerTitle}\n{offerUrl}',
    variant: '要的规格：{variant}',
    price: '我这边要{quantity}{unit}，页面上这个量是{priceAtQuantity}/{unit}，还能再优惠点吗？',
    quote: '我这边要{quantity}{unit}，麻烦报个价。',
    belowMoq: '看页面是{moq}{unit}起批，{quantity}{unit}可以拿吗？',
    dropship: '支持一件代发吗？',
    samples: '可以先拿个样吗？样品费和运费怎么算？',
    leadTime: '下单后大概多久能发货？',
    customisation: '能定制logo和包装吗？定制的起订量是多少？',
    note: '{note}',
    closing: '麻烦回复一下，谢谢！',
  }),
  gloss: Object.freeze({
    greeting: 'Hello!',
    offer: "I'd like to ask about this item: {offerTitle}\n{offerUrl}",
    variant: 'The variant I want: {variant}',
    price:
      'I need {quantity} {unit}; the listed price at that quantity is {priceAtQuantity} each. Can you do a little better?',
    quote: 'I need {quantity} {unit}; please give me a price.',
    belowMoq: 'The page says the minimum order is {moq} {unit}; can I buy {quantity} {unit}?',
    dropship: 'Do you offer dropshipping (一件代发: one piece shipped per order)?',
    samples: 'Can I get a sample first (拿样)? How are the sample and its shipping charged?',
    leadTime: 'Roughly how soon after ordering do you ship?',
    customisation:
      'Can you put my logo on it and customise the packaging (定制)? What is the minimum order for that?',
    note: '{note}',
    closing: 'Please let me know, thank you!',
  }),
  en: Object.freeze({
    greeting: 'Hello,',
    offer: 'I am interested in your product: {offerTitle}\n{offerUrl}',
    variant: 'Variant: {variant}',
    price:
      'I would like to order {quantity} {unit}. Your listed price at this quantity is {priceAtQuantity} each; what is your best price?',
    quote: 'I would like to order {quantity} {unit}. Could you send me a quotation?',
    belowMoq: 'Your minimum order is {moq} {unit}; would you accept an order of {quantity} {unit}?',
    dropship: 'Do you offer dropshipping (shipping single orders to my customers)?',
    samples: 'Can you send a sample first? What would the sample and its shipping cost?',
    leadTime: 'What is your lead time after payment?',
    customisation: 'Can you customise the logo and packaging, and what is the minimum order for that?',
    note: '{note}',
    closing: 'Looking forward to your reply.\nBest regards',
  }),
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters other than line breaks are dropped.
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** An edited part as stored, bounded: line breaks kept (at most PART_MAX_LINES lines), control characters dropped. */
function boundedPart(value: string): string {
  return value
    .replace(CONTROL, '')
    .slice(0, PART_MAX_CHARS)
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .slice(0, PART_MAX_LINES)
    .join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The templates to write with: the defaults, with every stored edit that is a string put over its part (bounded;
 * an edit that is empty or only spaces leaves that part out of the message). Anything else stored — another
 * shape, unknown sets or parts, non-strings — is ignored, never thrown on.
 */
export function resolveTemplates(edits: unknown): InquiryTemplates {
  if (!isRecord(edits)) return DEFAULT_TEMPLATES;
  const out = {} as Record<TemplateSet, InquiryTemplate>;
  for (const set of TEMPLATE_SETS) {
    const mine = edits[set];
    const parts = { ...DEFAULT_TEMPLATES[set] } as Record<InquiryPart, string>;
    if (isRecord(mine)) {
      for (const part of INQUIRY_PARTS) {
        const value = mine[part];
        if (typeof value === 'string') parts[part] = value.trim() ? boundedPart(value) : '';
      }
    }
    out[set] = parts;
  }
  return out;
}

/** The parts of `templates` that differ from the defaults: the value to store. */
export function editsFrom(templates: InquiryTemplates): InquiryTemplateEdits {
  const out: Record<string, Partial<Record<InquiryPart, string>>> = {};
  for (const set of TEMPLATE_SETS) {
    for (const part of INQUIRY_PARTS) {
      const value = templates[set][part];
      if (value !== DEFAULT_TEMPLATES[set][part]) {
        out[set] ??= {};
        (out[set] as Partial<Record<InquiryPart, string>>)[part] = boundedPart(value);
      }
    }
  }
  return out;
}

/** The `{name}` placeholders syntax (also what compose.ts fills). */
export const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function isPlaceholder(name: string): name is InquiryPlaceholder {
  return (INQUIRY_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The `{name}`s in a template that are not placeholders, in order, once each: what an editor warns about. */
export function unknownPlaceholders(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] ?? '';
    if (!isPlaceholder(name)) seen.add(`{${name}}`);
  }
  return [...seen];
}
