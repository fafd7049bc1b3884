import { bindProductToSender } from '../../core/detect/bind';
import type { DetectedProduct } from '../../core/detect/types';
import { type BucketOptions, TokenBuckets } from '../../core/rate/token-bucket';
import { Refusal } from '../../messaging/refusal';
import type { SenderInfo } from '../../messaging/sender';
import type { SourceLensDb } from '../../storage/db';
import { recordSpottedProduct } from '../../storage/products';

/**
 * productSpotted reports one tab may make: a burst of 10, then one every 6 s — at most 20 in any minute, so
 * 1,000 forged reports from one tab in a minute store at most 20 product rows and 20 price points. The spotter
 * itself reports only when what it sees changes, a few times a page; a person going through products faster
 * than one each 6 s loses only the price points between.
 */
export const SPOTTED_LIMIT: BucketOptions = { capacity: 10, refillMs: 6_000, maxKeys: 500 };

const perTab = new TokenBuckets<number>(SPOTTED_LIMIT);

/** A report refused before anything is written (rate limit, another site's product, another page). */
export class SpottedRefused extends Error {}

/**
 * Records a spotter report after the checks that bind it to its sender: the tab's rate limit first (cheap, no
 * storage touched when over it), then the page and product bound to the sender's page (core/detect/bind.ts).
 * Returns what was stored, with the report as stored (secrets stripped, canonical URL bound).
 */
export async function recordSpotted(
  database: SourceLensDb,
  report: { product: DetectedProduct; pageUrl: string },
  sender: SenderInfo,
  now: number,
  limiter: TokenBuckets<number> = perTab,
): Promise<{ productKey: string; observed: boolean; product: DetectedProduct; pageUrl: string }> {
  const tabId = sender.tab?.id ?? -1;
  if (!limiter.take(tabId, now)) throw new Refusal('rate-limited', 'too many product reports from this tab');
  const bound = bindProductToSender(report.product, report.pageUrl, sender.url);
  if (!bound.ok) throw new SpottedRefused(bound.reason);
  const result = await recordSpottedProduct(database, bound.product, bound.pageUrl, now);
  return { ...result, product: bound.product, pageUrl: bound.pageUrl };
}
