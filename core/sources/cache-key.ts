/** Cache keys for source answers: provider + kind + normalised query + sort + filters + page. */
import type { SearchFilters, SortOrder } from './provider';

export interface CacheKeyInput {
  provider: string;
  kind: 'keyword' | 'image' | 'suggest' | 'offer';
  /** Keywords, an image hash / id, a suggestion prefix, or an offer id. */
  query: string;
  sort?: SortOrder;
  filters?: SearchFilters;
  page?: number;
}

/** NFKC, lower case, whitespace collapsed, full-width spaces and punctuation runs folded to one space. */
export function normaliseQuery(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000,，;；|/]+/g, ' ')
    .trim();
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

export function cacheKey(input: CacheKeyInput): string {
  const parts = [enc(input.provider.toLowerCase()), input.kind, enc(normaliseQuery(input.query))];
  parts.push(`sort=${input.sort ?? 'relevance'}`);
  const f = input.filters ?? {};
  const filters: string[] = [];
  if (f.province?.trim()) filters.push(`province=${enc(normaliseQuery(f.province))}`);
  if (f.city?.trim()) filters.push(`city=${enc(normaliseQuery(f.city))}`);
  if (Number.isSafeInteger(f.maxMinOrder) && (f.maxMinOrder as number) > 0)
    filters.push(`moq=${f.maxMinOrder}`);
  if (f.dropship) filters.push('dropship=1');
  parts.push(filters.sort().join('&'));
  const page = Number.isSafeInteger(input.page) && (input.page as number) >= 1 ? (input.page as number) : 1;
  parts.push(`p=${page}`);
  return parts.join('|');
}
