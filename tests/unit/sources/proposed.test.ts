import { describe, expect, it } from 'vitest';
import { SOURCES, sourceById } from '../../../core/sources/index';
import { buildQuery, internationalQuery } from '../../../core/sources/query/index';
import { proposedQuery, proposedSearch } from '../../../core/sources/query/proposed';

const chinese = SOURCES[0];
const picture = 'https://img.example.test/p/main.jpg';

describe('proposedSearch: what "Find source for this page" searches for a spotted product', () => {
  it('a Chinese title: its product words on a Chinese source', () => {
    const title = 'ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣';
    const search = proposedSearch({ title, images: [picture] }, chinese);
    expect(search).toEqual({ mode: 'keywords', query: buildQuery(title).query });
    expect(search?.query).not.toMatch(/新款|2025/);
  });

  it('a title keyword mapping would lose: the main picture, when the source searches by picture', () => {
    const title = 'Stainless Steel Insulated Water Bottle 750 ml';
    expect(buildQuery(title).preferImageSearch).toBe(true);
    expect(proposedSearch({ title, images: [picture] }, chinese)).toEqual({ mode: 'image', query: picture });
    const noPictureSearch = { ...chinese, supports: { ...chinese.supports, imageSearch: false } };
    expect(proposedSearch({ title, images: [picture] }, noPictureSearch)?.mode).toBe('keywords');
  });

  it('words without a usable picture; null with neither', () => {
    const title = 'Stainless Steel Insulated Water Bottle 750 ml';
    expect(proposedSearch({ title, images: ['data:image/png;base64,AAAA'] }, chinese)).toEqual({
      mode: 'keywords',
      query: buildQuery(title).query,
    });
    expect(proposedSearch({ title: ' ', images: [] }, chinese)).toBeNull();
  });

  it('the words follow the source (the title’s own words on an international one)', () => {
    const alibaba = sourceById('alibaba');
    expect(alibaba?.queryWords).toBe('own');
    if (!alibaba) return;
    const title = 'Stainless Steel Insulated Water Bottle 750 ml | Hydra Store';
    expect(proposedQuery(title, alibaba)).toBe(internationalQuery(title));
    expect(proposedQuery(undefined, chinese)).toBe('');
  });
});
