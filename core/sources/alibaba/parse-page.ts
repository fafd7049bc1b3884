/**
 * The keyword result page. Its data comes as script assignments to numbered page-data objects, in as many
 * blocks as the page streams (`sse10`, `sse11`, … — the number moves):
 *
 *     window.__page__data_sse10 = window.__page__data_sse10 || {};
 *     window.__page__data_sse10._offer_list = {offerResultData: {offers: […], totalCount, paginationData}};
 *     window.__page__data_sse12._wending = {somethingModel: {productList: […]}, …};
 *
 * or as one whole object (`window.__page__data_sse10 = {_offer_list: {…}, _wending: {…}}`). Offers are read
 * from every block: the organic lists (`_offer_list.offerResultData.offers`, in whichever numbered objects carry
 * one; their count and total page the results) and the products of the `_wending` models (问鼎, the site's top
 * sponsored placement: counted as ads, after the organic offers, each product once). A page does not repeat a
 * block (one public client), so lists in several numbered objects are parts of one list.
 *
 * Each object is read with the tolerant literal reader from where the assignment starts to its balanced end,
 * strings included: a lazy `{[\s\S]*?}` stops at the first `}` followed by `</script>`, which offer titles and
 * nested objects produce.
 */
import { parseLooseLiteral } from '../../text/loose-json';
import type { WholesaleOffer } from '../types';
import { asArray, get, isRecord } from '../util';
import {
  missingOnMost,
  type ParsedAlibabaSearch,
  parseAlibabaOffers,
  parseSearchAnswer,
} from './parse-search';

/** `window.__page__data_sseNN.<block> = ` or `window.__page__data_sseNN = ` (block undefined). */
const ASSIGNMENT_RE = /\b__page__data(?:_sse\d{1,4})?\s*(?:\.\s*([A-Za-z_$][\w$]{0,60})\s*)?=\s*/g;
/** Assignments read at most: a page has a few dozen; a hostile text could have millions. */
const MAX_ASSIGNMENTS = 200;

/** Every object assigned to a block name, in page order. */
export type PageBlocks = Map<string, Record<string, unknown>[]>;

function keep(blocks: PageBlocks, name: string, value: Record<string, unknown>): void {
  // A `= {}` placeholder may come before the real block: it holds nothing to read.
  if (Object.keys(value).length === 0) return;
  const known = blocks.get(name);
  if (known) known.push(value);
  else blocks.set(name, [value]);
}

/** Every data block the page assigns, by name (`_offer_list`, `_wending`, …), empty placeholders left out. */
export function pageBlocks(html: string): PageBlocks {
  const blocks: PageBlocks = new Map();
  if (typeof html !== 'string') return blocks;
  let n = 0;
  for (const m of html.matchAll(ASSIGNMENT_RE)) {
    if (++n > MAX_ASSIGNMENTS) break;
    const start = m.index + m[0].length;
    if (html[start] !== '{') continue;
    const r = parseLooseLiteral(html, start);
    if (!r || !isRecord(r.value)) continue;
    const name = m[1];
    if (name) keep(blocks, name, r.value);
    else for (const [k, v] of Object.entries(r.value)) if (isRecord(v)) keep(blocks, k, v);
  }
  return blocks;
}

/** The first `_offer_list` object of a page, or undefined when there is none that reads. */
export function extractOfferList(html: string): Record<string, unknown> | undefined {
  return pageBlocks(html).get('_offer_list')?.[0];
}

/** The product lists of the `_wending` blocks' models (`<name>Model.productList`). */
export function wendingLists(blocks: readonly Record<string, unknown>[] | undefined): unknown[][] {
  const lists: unknown[][] = [];
  for (const block of blocks ?? []) {
    for (const [key, model] of Object.entries(block)) {
      const list = get(model, 'productList');
      if (/Model$/.test(key) && Array.isArray(list)) lists.push(list);
    }
  }
  return lists;
}

/** The organic result lists as one answer: the first list's paging figures, the entries of all of them. */
function organicList(blocks: PageBlocks): Record<string, unknown> | null {
  const lists = (blocks.get('_offer_list') ?? []).filter((b) => isRecord(b.offerResultData));
  const [first, ...rest] = lists;
  if (!first || !isRecord(first.offerResultData)) return null;
  if (rest.length === 0) return first;
  const offers = lists.flatMap((b) => asArray(get(b, 'offerResultData', 'offers')));
  return { ...first, offerResultData: { ...first.offerResultData, offers } };
}

export type PageShape = 'offerResultData' | 'wending' | 'none';

export interface ParsedResultPage extends Omit<ParsedAlibabaSearch, 'shape'> {
  /** Whether the page had a result block at all (false: another layout, or a wall the URL did not show). */
  found: boolean;
  /** Which blocks held offers: the organic list (with or without sponsored ones), sponsored ones only, none. */
  shape: PageShape;
}

function notFound(): ParsedResultPage {
  return { ...parseSearchAnswer(undefined), found: false, shape: 'none' };
}

/** Parse a keyword result page's HTML. Never throws. */
export function parseSearchPage(html: string): ParsedResultPage {
  try {
    const blocks = pageBlocks(html);
    const list = organicList(blocks);
    const organic = list ? parseSearchAnswer(list) : null;
    const sponsored = wendingLists(blocks.get('_wending'));
    if (!organic && sponsored.length === 0) return notFound();
    const offers: WholesaleOffer[] = [...(organic?.offers ?? [])];
    const seen = new Set(offers.map((o) => o.offerId));
    for (const l of sponsored) {
      for (const o of parseAlibabaOffers(l, { paid: true })) {
        if (!seen.has(o.offerId)) {
          seen.add(o.offerId);
          offers.push(o);
        }
      }
    }
    const base = organic ?? parseSearchAnswer(undefined);
    return {
      ...base,
      offers,
      drift: organic ? organic.drift : missingOnMost(sponsored.flat()),
      found: true,
      shape: organic ? 'offerResultData' : 'wending',
    };
  } catch {
    return notFound();
  }
}
