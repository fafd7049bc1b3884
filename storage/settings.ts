import { storage } from 'wxt/utils/storage';

/**
 * Small settings, as WXT storage items (sync area: they follow the user's browser profile; nothing here is
 * personal data). Every item has a fallback so a fresh install works without an options visit.
 */
export const spotterEnabled = storage.defineItem<boolean>('sync:spotterEnabled', {
  fallback: true,
  version: 1,
});

/** Show a mark on the toolbar button when the current tab shows a product. */
export const badgeEnabled = storage.defineItem<boolean>('sync:badgeEnabled', { fallback: true, version: 1 });
