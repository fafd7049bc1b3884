/** Keyword suggestions (appId 39799, `input_suggest`): `data.items[].data.keyword`. */
import { plainText } from '../../text/plain-text';
import { mostlyMissing } from '../drift';
import { asArray, get, isRecord } from '../util';
import { envelopeOf } from './gateway';

export interface ParsedSuggest {
  suggestions: string[];
  /**
   * `items`: the list was found (it may be empty: nothing to suggest); `none`: no list at all. A list whose
   * entries carry no keyword (`missing`) is a renamed field, not "no suggestions".
   */
  shape: 'items' | 'none';
  missing: boolean;
}

function keywordOf(item: unknown): string {
  return plainText(get(item, 'data', 'keyword') ?? get(item, 'keyword') ?? get(item, 'data', 'text'), 60);
}

/** Suggestions in answer order, plain text, de-duplicated, at most `limit`, and the shape found. Never throws. */
export function parseSuggest(value: unknown, limit = 20): ParsedSuggest {
  try {
    let cur: unknown = envelopeOf(value)?.data ?? value;
    for (let depth = 0; depth < 4 && isRecord(cur); depth++) {
      if (Array.isArray(cur.items)) {
        const items = asArray(cur.items);
        const keywords = items.map(keywordOf);
        const out: string[] = [];
        for (const k of keywords) {
          if (k && !out.includes(k)) out.push(k);
          if (out.length >= limit) break;
        }
        return { suggestions: out, shape: 'items', missing: mostlyMissing(keywords, (k) => k !== '') };
      }
      cur = cur.data;
    }
    return { suggestions: [], shape: 'none', missing: false };
  } catch {
    return { suggestions: [], shape: 'none', missing: false };
  }
}

/** Suggestions in answer order, plain text, de-duplicated, at most `limit`. Never throws. */
export function parseSuggestAnswer(value: unknown, limit = 20): string[] {
  return parseSuggest(value, limit).suggestions;
}
