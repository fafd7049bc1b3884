import { storage } from 'wxt/utils/storage';
import type { DetectedProduct } from '../core/detect/types';

/**
 * What the spotter last reported per tab. Kept in session storage so it survives the service worker being
 * stopped but not a browser restart; content scripts can't read this area (Chrome's default access level).
 */
export interface TabProduct {
  product: DetectedProduct;
  productKey: string;
  pageUrl: string;
  at: number;
}

const key = (tabId: number) => `session:tab:${tabId}` as const;

export function getTabProduct(tabId: number): Promise<TabProduct | null> {
  return storage.getItem<TabProduct>(key(tabId));
}

export function setTabProduct(tabId: number, value: TabProduct): Promise<void> {
  return storage.setItem(key(tabId), value);
}

export function clearTabProduct(tabId: number): Promise<void> {
  return storage.removeItem(key(tabId));
}

export function watchTabProduct(tabId: number, cb: (value: TabProduct | null) => void): () => void {
  return storage.watch<TabProduct>(key(tabId), (v) => cb(v ?? null));
}
