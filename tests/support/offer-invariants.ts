/**
 * What every normalised offer keeps, whichever source it came from and whatever the input was. Each source's
 * property test adds what is its own (its host, its currency, its tier rules) on top.
 */
import { expect } from 'vitest';
import type { WholesaleOffer } from '../../core/sources/types';

export function isSafeNonNeg(n: unknown): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export function expectWellFormedOffer(o: WholesaleOffer): void {
  expect(o.offerId).toMatch(/^\d{5,20}$/);
  expect(typeof o.title).toBe('string');
  expect(o.title).not.toMatch(/[<>]/);
  for (const u of o.images) expect(new URL(u).protocol).toBe('https:');
  for (const t of o.priceTiers) {
    expect(Number.isSafeInteger(t.minQty) && t.minQty >= 1).toBe(true);
    expect(isSafeNonNeg(t.priceMinor)).toBe(true);
  }
  for (const p of [o.priceMinMinor, o.priceMaxMinor]) expect(p === null || isSafeNonNeg(p)).toBe(true);
  if (o.priceMinMinor !== null && o.priceMaxMinor !== null)
    expect(o.priceMinMinor).toBeLessThanOrEqual(o.priceMaxMinor);
  expect(o.moq === null || (isSafeNonNeg(o.moq) && o.moq >= 1)).toBe(true);
  expect(o.sales === null || isSafeNonNeg(o.sales)).toBe(true);
  expect(o.dropship === null || typeof o.dropship === 'boolean').toBe(true);
  expect(typeof o.isAd).toBe('boolean');
  const s = o.supplier;
  expect(s.repurchaseRate === null || (s.repurchaseRate >= 0 && s.repurchaseRate <= 1)).toBe(true);
  expect(s.years === null || isSafeNonNeg(s.years)).toBe(true);
  expect(s.shopUrl === null || new URL(s.shopUrl).protocol === 'https:').toBe(true);
  expect(Array.isArray(s.badges)).toBe(true);
}
