/**
 * "Open this search on …" links for wholesale sites SourceLens does not search itself: each site's own
 * person-facing search URL with the query. Only https addresses; the query is URL-encoded as UTF-8, which all
 * of these accept (unlike s.1688.com, which needs GBK — see 1688/urls.ts).
 */
export interface ElsewhereLink {
  id: 'alibaba' | 'yiwugo' | 'made-in-china' | 'dhgate' | 'aliexpress';
  label: string;
  url: string;
}

const SITES: { id: ElsewhereLink['id']; label: string; build: (q: string) => string }[] = [
  {
    id: 'alibaba',
    label: 'Alibaba.com',
    build: (q) => `https://www.alibaba.com/trade/search?SearchText=${q}`,
  },
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

/** Links for a query (trimmed, at most 100 characters); none for an empty query. */
export function elsewhereLinks(query: string): ElsewhereLink[] {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 100);
  if (!q) return [];
  const encoded = encodeURIComponent(q);
  return SITES.map((s) => ({ id: s.id, label: s.label, url: s.build(encoded) }));
}
