/**
 * What SourceLens proposes to search for a product on a source, in one place: the side panel's first query and
 * the right-click "Find source for this page" both run this (so the page item searches what the panel would).
 */
import type { DetectedProduct } from '../../detect/types';
import { safeHttpUrl } from '../../url';
import type { SourceDefinition } from '../definition';
import { buildQuery } from './build';
import { internationalQuery } from './international';

type QuerySource = Pick<SourceDefinition, 'queryWords'> & {
  readonly supports: Pick<SourceDefinition['supports'], 'imageSearch'>;
};

/** The words for a product title on a source: Chinese product words, or the title's own words. */
export function proposedQuery(
  title: string | undefined,
  source: Pick<SourceDefinition, 'queryWords'>,
): string {
  if (!title) return '';
  return source.queryWords === 'chinese' ? buildQuery(title).query : internationalQuery(title);
}

export type ProposedSearch = { mode: 'image' | 'keywords'; query: string };

/**
 * The search for a spotted product: its main picture when words would lose the meaning (a title the keyword
 * builder can't turn into Chinese product words, see buildQuery's `preferImageSearch`) and the source searches
 * by picture; its words otherwise; the picture when there are no words; null when there is neither.
 */
export function proposedSearch(
  product: Pick<DetectedProduct, 'title' | 'images'>,
  source: QuerySource,
): ProposedSearch | null {
  const picture = source.supports.imageSearch ? safeHttpUrl(product.images[0]) : null;
  if (picture && buildQuery(product.title).preferImageSearch) return { mode: 'image', query: picture };
  const words = proposedQuery(product.title, source);
  if (words) return { mode: 'keywords', query: words };
  return picture ? { mode: 'image', query: picture } : null;
}
