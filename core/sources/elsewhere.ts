/**
 * "Open this search on …" links: the person-facing search page of every other wholesale site, with the query.
 * The registered sources give their own results page (registry: index.ts); the sites SourceLens does not search
 * itself are listed here. Only https addresses; those sites take the query URL-encoded as UTF-8 (1688's page
 * takes GBK, which its own definition builds).
 */
import { SOURCES, type SourceId } from './index';

export interface ElsewhereLink {
  id: SourceId | 'yiwugo' | 'made-in-china' | 'dhgate' | 'aliexpress';
  label: string;
  url: string;
}

const OTHER_SITES: { id: ElsewhereLink['id']; label: string; build: (q: string) => string }[] = [
  { id: 'yiwugo', label: '义乌购 Yiwugo', build: (q) => `https://www.yiwugo.com/search/s.html?q=${q}` },
  {
    id: 'made-in-china',
    label: 'Made-in-China',
    build: (q) => `https://www.made-in-china.com/productdirectory.do?word=${q}`,
  },
  {
    id: 'dhgate',
    label: 'DHgate',
    build: (q) => `https://www.dhgate.com/wholesale/search.do?searchkey=${q}`,
  },
  {
    id: 'aliexpress',
    label: 'AliExpress',
    build: (q) => `https://www.aliexpress.com/wholesale?SearchText=${q}`,
  },
];

/**
 * Links for a query (trimmed, at most 100 characters) on every site but `searching`, the source the person is
 * searching now; none for an empty query.
 */
export function elsewhereLinks(query: string, searching: SourceId): ElsewhereLink[] {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 100);
  if (!q) return [];
  const encoded = encodeURIComponent(q);
  return [
    ...SOURCES.filter((s) => s.id !== searching).map((s) => ({
      id: s.id,
      label: s.name,
      url: s.pages.results(q, 'relevance'),
    })),
    ...OTHER_SITES.map((s) => ({ id: s.id, label: s.label, url: s.build(encoded) })),
  ];
}
