import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlertMemory, DROP_PERCENT, decideAlert, droppedEnough } from '../../../core/alerts/decide';
import { priceAtQuantity } from '../../../core/alerts/price-at';

/** Feeds a series of refreshed prices through the decision as the runner does; the reasons raised, in order. */
function replay(prices: number[], target: number | null, previous: number | null = null) {
  let memory: AlertMemory | null = null;
  const reasons: (string | null)[] = [];
  for (const priceMinor of prices) {
    const d = decideAlert({
      priceMinor,
      currency: 'CNY',
      targetMinor: target,
      memory,
      previousMinor: previous,
    });
    reasons.push(d.reason);
    memory = d.memory;
  }
  return reasons;
}

describe('price alerts: when a refreshed price is news', () => {
  it('a drop of 5 % or more from the kept price alerts; a smaller one does not', () => {
    expect(replay([950], null, 1000)).toEqual(['drop']);
    expect(replay([951], null, 1000)).toEqual([null]);
    expect(droppedEnough(1000, 950)).toBe(true);
    expect(droppedEnough(1000, 951)).toBe(false);
    expect(droppedEnough(0, 0)).toBe(false);
  });

  it('the first refresh of an offer without a known earlier price only sets the baseline', () => {
    expect(replay([1000, 1000, 940], null, null)).toEqual([null, null, 'drop']);
  });

  it('a price that stays low does not alert again; a new drop from the alerted price does', () => {
    expect(replay([900, 900, 900, 880, 850, 850], null, 1000)).toEqual([
      'drop',
      null,
      null,
      null, // 880 is 2.2 % under the alerted 900
      'drop', // 850 is 5.6 % under it
      null,
    ]);
  });

  it('going back up and down to the alerted price is not news', () => {
    expect(replay([900, 1200, 900, 1200, 900], null, 1000)).toEqual(['drop', null, null, null, null]);
  });

  it('reaching the target alerts once while the price stays under it, and again after it went back above', () => {
    expect(replay([990, 980, 975, 1010, 980], 980, 1000)).toEqual([null, 'target', null, null, 'target']);
  });

  it('a target reached by a big drop is one alert, for the target', () => {
    expect(replay([800, 800], 900, 1000)).toEqual(['target', null]);
  });

  it('a new target the price is already under alerts once', () => {
    let memory: AlertMemory | null = null;
    const step = (priceMinor: number, targetMinor: number | null) => {
      const d = decideAlert({ priceMinor, currency: 'CNY', targetMinor, memory, previousMinor: 1000 });
      memory = d.memory;
      return d.reason;
    };
    expect([step(1000, null), step(1000, 1000), step(1000, 1000), step(1000, 1001)]).toEqual([
      null,
      'target',
      null,
      'target',
    ]);
  });

  it('another currency is not compared: it starts a new baseline, quietly', () => {
    const memory: AlertMemory = { baselineMinor: 100_000, currency: 'CNY', targetAlerted: null };
    const d = decideAlert({
      priceMinor: 1000,
      currency: 'USD',
      targetMinor: null,
      memory,
      previousMinor: null,
    });
    expect(d.reason).toBeNull();
    expect(d.memory).toEqual({ baselineMinor: 1000, currency: 'USD', targetAlerted: null });
  });

  it('the price at the buyer quantity is the tier that applies, or the lowest price as one tier', () => {
    const tiers = [
      { minQty: 2, priceMinor: 1000 },
      { minQty: 100, priceMinor: 800 },
    ];
    expect(priceAtQuantity({ priceTiers: tiers, priceMinMinor: 800, moq: 2 }, 50)).toBe(1000);
    expect(priceAtQuantity({ priceTiers: tiers, priceMinMinor: 800, moq: 2 }, 100)).toBe(800);
    expect(priceAtQuantity({ priceTiers: [], priceMinMinor: 700, moq: null }, 50)).toBe(700);
    expect(priceAtQuantity({ priceTiers: [], priceMinMinor: null, moq: null }, 50)).toBeNull();
  });
});

describe('price alerts: properties', () => {
  const price = fc.integer({ min: 1, max: 1_000_000 });
  const series = fc.array(price, { minLength: 1, maxLength: 40 });
  const target = fc.option(price, { nil: null });

  it('never alerts twice for the same change: the same price again right after is never news', () => {
    fc.assert(
      fc.property(series, target, fc.option(price, { nil: null }), (prices, t, previous) => {
        // Every observation repeated: the second of each pair must be quiet.
        const doubled = prices.flatMap((p) => [p, p]);
        const reasons = replay(doubled, t, previous);
        for (let i = 1; i < reasons.length; i += 2) expect(reasons[i]).toBeNull();
      }),
    );
  });

  it('a drop alert is always at least 5 % under the price it is measured from, and moves the baseline there', () => {
    fc.assert(
      fc.property(series, fc.option(price, { nil: null }), (prices, previous) => {
        let memory: AlertMemory | null = null;
        for (const priceMinor of prices) {
          const d = decideAlert({
            priceMinor,
            currency: 'CNY',
            targetMinor: null,
            memory,
            previousMinor: previous,
          });
          if (d.reason === 'drop') {
            expect((d.fromMinor - priceMinor) * 100).toBeGreaterThanOrEqual(DROP_PERCENT * d.fromMinor);
            expect(d.memory.baselineMinor).toBe(priceMinor);
          } else {
            expect(d.reason).toBeNull();
            expect(d.memory.baselineMinor).toBe(d.fromMinor);
          }
          memory = d.memory;
        }
      }),
    );
  });

  it('alerts never outnumber the falls: each one needs a lower price than the last alert, or a new crossing', () => {
    fc.assert(
      fc.property(series, target, (prices, t) => {
        const reasons = replay(prices, t, prices[0] ?? null);
        let lastAlerted = Number.POSITIVE_INFINITY;
        let wasAboveTarget = true;
        reasons.forEach((reason, i) => {
          const p = prices[i] as number;
          if (reason === 'drop') expect(p).toBeLessThan(lastAlerted);
          if (reason === 'target') expect(wasAboveTarget || p < lastAlerted).toBe(true);
          if (reason) lastAlerted = p;
          wasAboveTarget = t === null || p > t;
        });
      }),
    );
  });
});
