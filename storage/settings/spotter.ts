import { storage } from 'wxt/utils/storage';

/**
 * What the spotter and its in-page button do on the pages a person visits. WXT storage items (sync area: they
 * follow the browser profile; nothing here is personal data), each with a fallback so a fresh install works.
 * Settings live one module per concern: every context defines (and reads at start) only the items it imports,
 * and the content script on every page imports only these.
 */
export const spotterEnabled = storage.defineItem<boolean>('sync:spotterEnabled', {
  fallback: true,
  version: 1,
});

/** Show a mark on the toolbar button when the current tab shows a product. */
export const badgeEnabled = storage.defineItem<boolean>('sync:badgeEnabled', { fallback: true, version: 1 });

/**
 * The "Find source" button SourceLens puts over a product's main picture on shop pages (and over large pictures
 * of social posts): on everywhere, except on the sites (hosts, as `location.hostname` gives them) listed here.
 * A new item, so no migration: a profile without it gets the fallback.
 */
export interface InPageButtonSettings {
  enabled: boolean;
  offSites: string[];
}

export const inPageButton = storage.defineItem<InPageButtonSettings>('sync:inPageButton', {
  fallback: { enabled: true, offSites: [] },
  version: 1,
});

/** Every field present (a value written by hand or by a later version may lack one). */
export function withInPageButtonDefaults(
  value: Partial<InPageButtonSettings> | null | undefined,
): InPageButtonSettings {
  return {
    enabled: value?.enabled !== false,
    offSites: Array.isArray(value?.offSites) ? value.offSites : [],
  };
}

/** Whether the button shows on a page of `host`. */
export function inPageButtonShows(value: Partial<InPageButtonSettings> | null, host: string): boolean {
  const settings = withInPageButtonDefaults(value);
  return settings.enabled && !settings.offSites.includes(host.toLowerCase());
}

/** The host a person means by a site they type ("Shop.example.com/x", "https://shop.example.com"), or null. */
export function siteHost(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}
