import { isHostBoundSite } from '../core/detect/bind';
import type { DetectedProduct } from '../core/detect/types';

/**
 * `site:itemId` for a named site (only its own hosts may report it, core/detect/bind.ts); sites found by markup
 * on any host (Shopify, generic) add the host — `shopify:store.example:123` — so one store can't write another's
 * row. Without an id: `url:<canonical URL>`. Its own module, because the database's upgrade to version 6 rewrites
 * older keys with it (storage/db.ts) and the database must not import the recording code.
 */
export function productKey(p: Pick<DetectedProduct, 'site' | 'itemId' | 'canonicalUrl'>): string {
  if (!p.itemId) return `url:${p.canonicalUrl}`;
  if (isHostBoundSite(p.site)) return `${p.site}:${p.itemId}`;
  return `${p.site}:${new URL(p.canonicalUrl).hostname}:${p.itemId}`;
}
