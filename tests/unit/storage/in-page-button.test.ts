import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  inPageButton,
  inPageButtonShows,
  siteHost,
  withInPageButtonDefaults,
} from '../../../storage/settings/spotter';

describe('the in-page button setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is on everywhere on a fresh profile (a new item: its fallback, no migration)', async () => {
    expect(await inPageButton.getValue()).toEqual({ enabled: true, offSites: [] });
    expect(inPageButtonShows(await inPageButton.getValue(), 'item.taobao.com')).toBe(true);
  });

  it('is off on the listed hosts only, and everywhere when turned off', () => {
    const value = { enabled: true, offSites: ['item.taobao.com'] };
    expect(inPageButtonShows(value, 'item.taobao.com')).toBe(false);
    expect(inPageButtonShows(value, 'ITEM.taobao.com')).toBe(false);
    expect(inPageButtonShows(value, 'detail.tmall.com')).toBe(true);
    expect(inPageButtonShows({ enabled: false, offSites: [] }, 'detail.tmall.com')).toBe(false);
  });

  it('reads a partial or odd value as the defaults for what is missing', () => {
    expect(withInPageButtonDefaults(null)).toEqual({ enabled: true, offSites: [] });
    expect(withInPageButtonDefaults({ enabled: false })).toEqual({ enabled: false, offSites: [] });
    expect(withInPageButtonDefaults({ offSites: 'x' as unknown as string[] })).toEqual({
      enabled: true,
      offSites: [],
    });
  });
});

describe('siteHost: the host a person means by what they type', () => {
  it('takes a host, an address or a host with a path', () => {
    expect(siteHost('item.taobao.com')).toBe('item.taobao.com');
    expect(siteHost('  https://Item.Taobao.com/item.htm?id=1 ')).toBe('item.taobao.com');
    expect(siteHost('shop.example.com/products/a')).toBe('shop.example.com');
    expect(siteHost('shop.example.com.')).toBe('shop.example.com');
  });

  it('refuses what is not a site', () => {
    expect(siteHost('')).toBeNull();
    expect(siteHost('localhost')).toBeNull();
    expect(siteHost('not a site')).toBeNull();
    expect(siteHost('javascript:alert(1)')).toBeNull();
  });
});
