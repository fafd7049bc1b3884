/**
 * Search words from a product title. Chinese titles are segmented with Intl.Segmenter and stripped of marketing
 * words, shop names and years; other titles are mapped to Chinese product keywords through the glossary
 * (longest phrase first, plurals folded). Image search is preferred for non-Chinese titles, where keyword
 * mapping loses most of the meaning.
 */
import { GLOSSARY_ENTRIES, glossary, MAX_PHRASE_WORDS } from './glossary';
import { MARKETING_WORDS, STOP_TOKENS } from './marketing';

export interface BuiltQuery {
  query: string;
  language: 'zh' | 'other';
  preferImageSearch: boolean;
}

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

/** Chinese when Han characters are at least 2 and at least a third of the letters. */
export function isChineseTitle(title: string): boolean {
  const han = title.match(HAN_G)?.length ?? 0;
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  return han >= 2 && han * 3 >= letters;
}

const SORTED_MARKETING = [...MARKETING_WORDS].sort((a, b) => b.length - a.length);
const MAX_ZH_CHARS = 30;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MARKETING_RE = new RegExp(
  SORTED_MARKETING.map((w) =>
    /^[a-z]+$/i.test(w) ? `(?<![A-Za-z])${escapeRe(w)}(?![A-Za-z])` : escapeRe(w),
  ).join('|'),
  'gi',
);

let segmenter: Intl.Segmenter | null | undefined;
function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

function segments(text: string): string[] {
  const seg = zhSegmenter();
  if (!seg) return text.split(/\s+/).filter(Boolean);
  return Array.from(seg.segment(text), (s) => s.segment);
}

/** Chinese title → search words. */
export function chineseQuery(title: string): string {
  let t = title.normalize('NFKC');
  // Bracketed asides (【包邮】, [现货]) are almost always selling points.
  t = t.replace(/【[^】]{0,20}】|\[[^\]]{0,20}\]|（[^）]{0,12}）|\([^)]{0,12}\)/g, ' ');
  // Shop names: a short run ending in 旗舰店/专卖店/专营店/直营店/官方店 standing alone.
  t = t.replace(/(^|\s)[\p{Script=Han}A-Za-z0-9]{0,10}(?:旗舰店|专卖店|专营店|直营店|官方店)(?=\s|$)/gu, ' ');
  // Years ("2024年", "2025") and season-year labels.
  t = t.replace(/(?<!\d)20[1-3]\d(?:年)?(?!\d)(?:新款|春夏|秋冬|春季|夏季|秋季|冬季|新品)?/g, ' ');
  t = t.replace(MARKETING_RE, ' ');
  t = t.replace(/[!！?？,，。;；:：、~～|/\\·•★☆♥❤✨🔥#*+"'“”‘’「」『』《》<>]+/gu, ' ');

  const words: string[] = [];
  for (const chunk of t.split(/\s+/).filter(Boolean)) {
    let piece = '';
    for (const seg of segments(chunk)) {
      const s = seg.trim();
      if (!s) continue;
      if (STOP_TOKENS.has(s.toLowerCase())) continue;
      piece += s;
    }
    if (piece) words.push(piece);
  }
  // Bound the length at a word boundary: 1688 matches best on a few nouns and specs.
  const out: string[] = [];
  let len = 0;
  for (const w of words) {
    const wl = Array.from(w).length;
    if (len + wl > MAX_ZH_CHARS && out.length) break;
    out.push(Array.from(w).slice(0, MAX_ZH_CHARS).join(''));
    len += wl;
  }
  return out.join(' ').trim();
}

/** Singular candidates of an English word: "boxes" → box, "knives" → knife/knive, "berries" → berry. */
export function singulars(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  if (w.length > 4 && w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.length > 4 && w.endsWith('ves')) out.push(`${w.slice(0, -3)}fe`, `${w.slice(0, -3)}f`);
  if (w.length > 3 && /(?:ses|xes|zes|ches|shes)$/.test(w)) out.push(w.slice(0, -2));
  if (w.length > 2 && w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
}

const SPEC_RE = /^\d+(?:\.\d+)?(?:ml|l|cm|mm|m|g|kg|w|mah|v|oz|inch|in|gb|tb)$/i;
/** Keywords after which a bare number is a model number ("iPhone 15"). */
const MODEL_BRANDS = new Set(['苹果', '三星', '华为', '小米', '平板']);

function lookupPhrase(words: string[]): string | null {
  const map = glossary();
  const phrase = words.join(' ');
  const exact = map.get(phrase);
  if (exact) return exact;
  const last = words[words.length - 1] ?? '';
  for (const s of singulars(last)) {
    const hit = map.get([...words.slice(0, -1), s].join(' '));
    if (hit) return hit;
  }
  // Hyphenated forms: "t-shirts" / "t shirts".
  if (phrase.includes('-')) {
    const hit = map.get(phrase.replace(/-/g, ' ')) ?? map.get(phrase.replace(/-/g, ''));
    if (hit) return hit;
  }
  return null;
}

/** Non-Chinese title → Chinese keywords through the glossary; specs like "500ml" are kept. */
export function glossaryQuery(title: string): string {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const zh = lookupPhrase(words.slice(i, i + n));
      if (zh) {
        if (!out.includes(zh)) out.push(zh);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const w = words[i] ?? '';
      const prev = out[out.length - 1];
      const isModel = /^\d{1,4}$/.test(w) && prev !== undefined && MODEL_BRANDS.has(prev);
      if (SPEC_RE.test(w) || isModel || /\p{Script=Han}/u.test(w)) out.push(w);
      i++;
    }
  }
  // Drop a modifier that is a substring of the next noun's keyword ("phone" + "手机壳").
  return out
    .filter((w, idx) => !out.some((o, j) => j !== idx && o.length > w.length && o.includes(w)))
    .join(' ');
}

/** Search words for a product title in any language. */
export function buildQuery(title: string): BuiltQuery {
  const t = typeof title === 'string' ? title.slice(0, 500) : '';
  if (isChineseTitle(t)) {
    const query = chineseQuery(t);
    return { query, language: 'zh', preferImageSearch: query.length === 0 };
  }
  const mapped = glossaryQuery(t);
  const fallback = t.replace(/\s+/g, ' ').trim().slice(0, 60);
  return { query: mapped || fallback, language: 'other', preferImageSearch: true };
}

export { GLOSSARY_ENTRIES, HAN };
