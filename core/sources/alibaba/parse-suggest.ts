/**
 * Keyword suggestions: the answer of `open-s.alibaba.com/openservice/associationSuggestionViewService`,
 * `{code: 200, data: {list: [{suggestKeyword, suggestKeywordHtml, trackInfo}]}}` (one public client, 2026). The
 * plain keyword is kept; the HTML one only highlights it.
 */
import { plainText } from '../../text/plain-text';
import { asArray, get, isRecord, str, uniq } from '../util';

export const MAX_SUGGESTIONS = 10;

export type ParsedSuggest =
  | { state: 'ok'; suggestions: string[] }
  /** The gateway answered with a code of its own other than 200. */
  | { state: 'failed'; message: string }
  | { state: 'unrecognised'; reason: string };

/** Read a suggestion answer (already JSON-parsed). Never throws. */
export function parseSuggestAnswer(value: unknown): ParsedSuggest {
  try {
    if (!isRecord(value)) return { state: 'unrecognised', reason: 'not a JSON object' };
    const code = str(value.code);
    if (code !== null && code !== '200')
      return { state: 'failed', message: plainText(value.msg ?? value.message, 200) || `code ${code}` };
    const list = get(value, 'data', 'list');
    if (!Array.isArray(list)) return { state: 'unrecognised', reason: 'no data.list' };
    const words = asArray(list).map((item) => plainText(get(item, 'suggestKeyword'), 100));
    const missing = words.filter((w) => !w).length;
    if (list.length > 0 && missing * 2 > list.length)
      return { state: 'unrecognised', reason: 'most items lack suggestKeyword' };
    return { state: 'ok', suggestions: uniq(words.filter(Boolean)).slice(0, MAX_SUGGESTIONS) };
  } catch {
    return { state: 'unrecognised', reason: 'unreadable answer' };
  }
}
