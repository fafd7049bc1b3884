/**
 * Search words for an international wholesale source (Alibaba.com searches in English): a shop title without
 * its store name, bracketed asides, selling phrases and years, cut to the words that describe the product.
 * Chinese titles keep their Chinese query (core/sources/query/build.ts).
 */
import { chineseQuery, isChineseTitle } from './build';

/** Phrases that sell rather than describe, as English shop titles write them. */
const SELLING =
  /\b(?:new(?:est)?(?: arrival)?|hot(?: sale| selling)?|best ?sell(?:er|ing)|top rated|free shipping|fast shipping|official|original|genuine|authentic|premium quality|high quality|on sale|limited edition|(?:19|20)\d\d(?: version| model)?)\b/gi;
const MAX_WORDS = 10;
const MAX_CHARS = 80;

export function internationalQuery(title: string): string {
  const t = typeof title === 'string' ? title.slice(0, 500) : '';
  if (isChineseTitle(t)) return chineseQuery(t);
  const main =
    t
      // "Product name | Store" and "Product name - Brand shop": the part before the first separator.
      .split(/\s[|｜–—-]\s|\s*\|\s*/)[0] ?? '';
  const words = main
    .replace(/[([{【][^)\]}】]*[)\]}】]/g, ' ')
    .replace(SELLING, ' ')
    .replace(/[^\p{L}\p{N}'.&+/-]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !/^[-/&+.]+$/.test(w))
    .slice(0, MAX_WORDS);
  return words.join(' ').slice(0, MAX_CHARS).trim();
}
