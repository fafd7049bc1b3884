import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sourceAlibaba } from '../../../core/sources/alibaba/source';
import { readOffer } from '../../../entrypoints/background/sources/offer-reader';
import { searchOffers } from '../../../entrypoints/background/sources/search-service';
import { suggestQueries } from '../../../entrypoints/background/sources/suggest-service';
import { turnedOff } from '../../../entrypoints/background/sources/turned-off';
import { disabledSources } from '../../../storage/settings/sources';

// Messages read as their key and substitutions (the source's name as itself), so the test sees which message
// each reply carries and whom it names.
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    key === 'source_alibaba'
      ? 'Alibaba.com'
      : `${key}(${[subs ?? []].flat().join('|')})`) as typeof fakeBrowser.i18n.getMessage);
});

const REFUSED = { state: 'error', message: 'sourceTurnedOff(Alibaba.com)' };

describe('a source turned off in the options', () => {
  it('is asked nothing: searches, suggestions and offer pages answer an error naming it', async () => {
    await disabledSources.setValue(['alibaba']);
    // Refused before the source's provider (its protocol code) is even created.
    const create = vi.spyOn(sourceAlibaba, 'create');
    expect(
      await searchOffers({
        source: 'alibaba',
        mode: 'keywords',
        query: 'water bottle',
        sort: 'relevance',
        filters: {},
        page: 1,
        pageId: null,
        imageId: null,
        refresh: false,
      }),
    ).toEqual(REFUSED);
    expect(await suggestQueries('alibaba', 'water')).toEqual(REFUSED);
    expect(await readOffer('alibaba', '1600900012341')).toEqual(REFUSED);
    expect(create).not.toHaveBeenCalled();
  });

  it('leaves the sources still on alone', async () => {
    await disabledSources.setValue(['alibaba']);
    expect(await turnedOff('1688')).toBeNull();
    await disabledSources.setValue([]);
    expect(await turnedOff('alibaba')).toBeNull();
  });
});
