/**
 * Whether a kept offer's new price is worth telling the buyer about. Pure: the background feeds it the price at
 * the buyer's quantity after each scheduled refresh, with what was remembered for the offer, and stores the
 * memory it returns. One change raises one alert; a price that stays where it is never raises another.
 */

/** A price drop of at least this share of the baseline (percent) is news. */
export const DROP_PERCENT = 5;

/** What is remembered per kept offer between refreshes. */
export interface AlertMemory {
  /**
   * The price the next drop is measured from: the price when the offer was first refreshed (as kept), then the
   * price of the last alert. Minor units of `currency`.
   */
  baselineMinor: number;
  currency: string;
  /**
   * The target price whose crossing was already alerted, while the price stays at or under it; null once the
   * price is back above (so the next crossing alerts again) or when none was alerted.
   */
  targetAlerted: number | null;
}

export interface AlertInput {
  /** The price at the buyer's quantity now, minor units. */
  priceMinor: number;
  currency: string;
  /** The buyer's target price (same currency as the offer), or null. */
  targetMinor: number | null;
  /** What was remembered, or null for an offer never refreshed since it was kept. */
  memory: AlertMemory | null;
  /** For an offer without memory: the price it had before this refresh (what the buyer kept it at). */
  previousMinor: number | null;
}

export type AlertReason = 'target' | 'drop';

export interface AlertDecision {
  /** Why to alert (one notification either way), or null for no alert. */
  reason: AlertReason | null;
  /** The price the alert is measured from (baseline), for the message. */
  fromMinor: number;
  memory: AlertMemory;
}

/** Whether `now` is at least DROP_PERCENT below `from` (integer arithmetic: no rounding surprises). */
export function droppedEnough(from: number, now: number): boolean {
  return from > 0 && (from - now) * 100 >= DROP_PERCENT * from;
}

export function decideAlert(input: AlertInput): AlertDecision {
  const { priceMinor: now, currency, targetMinor } = input;
  // A different currency (the offer was re-listed) cannot be compared: start again from here, quietly.
  const memory =
    input.memory && input.memory.currency === currency
      ? input.memory
      : {
          baselineMinor: input.memory ? now : (input.previousMinor ?? now),
          currency,
          targetAlerted: null,
        };
  const atTarget = targetMinor !== null && now <= targetMinor;
  const targetNews = atTarget && memory.targetAlerted !== targetMinor;
  const dropNews = droppedEnough(memory.baselineMinor, now);
  const reason: AlertReason | null = targetNews ? 'target' : dropNews ? 'drop' : null;
  if (reason === null)
    return {
      reason,
      fromMinor: memory.baselineMinor,
      // Back above the target: its next crossing is news again.
      memory: { ...memory, targetAlerted: atTarget ? memory.targetAlerted : null },
    };
  return {
    reason,
    fromMinor: memory.baselineMinor,
    // The alerted price becomes the baseline: only a further drop (or a new crossing) alerts again.
    memory: { baselineMinor: now, currency, targetAlerted: atTarget ? targetMinor : null },
  };
}
