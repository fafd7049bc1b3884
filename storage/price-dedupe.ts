/**
 * Which price observations become points: the one rule, pure. A point is written when its subject's price changed,
 * or when the subject's newest point is `OBSERVATION_REFRESH_MS` old. Recording appends observations to the inbox
 * (price-inbox.ts) without reading anything; this rule is applied when the inbox is settled into the history, and
 * by readers to the observations still waiting there, so a point reads the same before and after.
 */
import type { PriceTier } from '../core/sources/types';
import type { LatestPrice, PriceObservation } from './types';

/** A point is written when the price changed, or when the subject's last point is older than this. */
export const OBSERVATION_REFRESH_MS = 12 * 60 * 60 * 1000;

/** A price seen now, before de-duplication. */
export type NewObservation = Omit<PriceObservation, 'id' | 'detailAt' | 'highMinor'>;

const sameTiers = (a: PriceTier[] | undefined, b: PriceTier[] | undefined) =>
  (a ?? []).length === (b ?? []).length &&
  (a ?? []).every((t, i) => t.minQty === b?.[i]?.minQty && t.priceMinor === b?.[i]?.priceMinor);

/** Whether `next` says nothing `last` did not, recently enough to skip it. */
export function isRepeat(last: LatestPrice | undefined, next: NewObservation): boolean {
  if (!last) return false;
  const same =
    last.minor === next.minor &&
    last.maxMinor === next.maxMinor &&
    last.currency === next.currency &&
    // Tiers unknown this time (a search's range) are not a change; different known tiers are.
    (!next.tiers?.length || sameTiers(last.tiers, next.tiers));
  return same && next.at - last.at < OBSERVATION_REFRESH_MS && next.at >= last.at;
}

/**
 * Observations in the order they were recorded, against each subject's newest point before them (`latest`, which
 * this updates): the points they make, and the subjects' newest points that changed. A late report (older than
 * the stored newest) is history, not the price now.
 */
export function settle(
  latest: Map<string, LatestPrice>,
  observations: readonly NewObservation[],
): { points: PriceObservation[]; changed: Map<string, LatestPrice> } {
  const points: PriceObservation[] = [];
  const changed = new Map<string, LatestPrice>();
  for (const o of observations) {
    if (isRepeat(latest.get(o.subjectKey), o)) continue;
    const point: PriceObservation = { ...o, detailAt: o.at };
    if (!o.tiers?.length) delete point.tiers;
    points.push(point);
    const { detailAt: _d, ...newest } = point;
    const prev = latest.get(o.subjectKey);
    if (!prev || prev.at <= o.at) {
      latest.set(o.subjectKey, newest);
      changed.set(o.subjectKey, newest);
    }
  }
  return { points, changed };
}
