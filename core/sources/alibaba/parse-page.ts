/**
 * The keyword result page: its offers are in an inline script as
 * `window.__page__data_sse10._offer_list = {…};` (`offerResultData.offers[]`, `offerResultData.totalCount`).
 *
 * The object is read with the tolerant literal reader from where the assignment starts to its balanced end,
 * strings included: a lazy `{[\s\S]*?}` stops at the first `}` followed by `</script>`, which offer titles and
 * nested objects produce. The `sse10` part is matched loosely in case the number moves.
 */

import { parseLooseLiteral } from '../../text/loose-json';
import { isRecord } from '../util';
import { type ParsedAlibabaSearch, parseSearchAnswer } from './parse-search';

const ASSIGNMENT_RE = /(?:\b__page__data\w*\s*\.\s*)?\b_offer_list\s*=\s*/g;
/** How many assignments to try: a page may mention the name in a comment or a guard before the real one. */
const MAX_TRIES = 5;

/**
 * The `_offer_list` object in a page's HTML, or undefined when there is none that reads. The first one holding
 * `offerResultData` wins (an empty `= {}` placeholder may come first), else the first object read.
 */
export function extractOfferList(html: string): Record<string, unknown> | undefined {
  if (typeof html !== 'string') return undefined;
  let first: Record<string, unknown> | undefined;
  let tries = 0;
  for (const m of html.matchAll(ASSIGNMENT_RE)) {
    if (++tries > MAX_TRIES) break;
    const start = m.index + m[0].length;
    if (html[start] !== '{') continue;
    const r = parseLooseLiteral(html, start);
    if (!r || !isRecord(r.value)) continue;
    if (isRecord(r.value.offerResultData)) return r.value;
    first ??= r.value;
  }
  return first;
}

export interface ParsedResultPage extends ParsedAlibabaSearch {
  /** Whether the page had an `_offer_list` at all (false: another layout, or a wall the URL did not show). */
  found: boolean;
}

/** Parse a keyword result page's HTML. Never throws. */
export function parseSearchPage(html: string): ParsedResultPage {
  try {
    const data = extractOfferList(html);
    if (!data) {
      return { ...parseSearchAnswer(undefined), found: false };
    }
    return { ...parseSearchAnswer(data), found: true };
  } catch {
    return { ...parseSearchAnswer(undefined), found: false };
  }
}
