/** Keyword suggestions (appId 39799, `input_suggest`): `data.items[].data.keyword`. */
import { plainText } from '../../text/plain-text';
import { asArray, get, isRecord } from '../util';
import { envelopeOf } from './gateway';

/** Suggestions in answer order, plain text, de-duplicated, at most `limit`. Never throws. */
export function parseSuggestAnswer(value: unknown, limit = 20): string[] {
  try {
    let cur: unknown = envelopeOf(value)?.data ?? value;
    for (let depth = 0; depth < 4 && isRecord(cur); depth++) {
      if (Array.isArray(cur.items)) {
        const out: string[] = [];
        for (const item of asArray(cur.items)) {
          const k = plainText(
            get(item, 'data', 'keyword') ?? get(item, 'keyword') ?? get(item, 'data', 'text'),
            60,
          );
          if (k && !out.includes(k)) out.push(k);
          if (out.length >= limit) break;
        }
        return out;
      }
      cur = cur.data;
    }
    return [];
  } catch {
    return [];
  }
}
