import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceLensDb } from '../../../storage/db';
import { recordOffers } from '../../../storage/offers';
import { countPricePoints } from '../../../storage/price-blocks';
import { readHistory } from '../../../storage/price-history';
import { isQuotaError, onQuotaExceeded } from '../../../storage/quota';
import { offer } from '../../support/builders';

const quotaError = () => new DOMException('The disk is full', 'QuotaExceededError');

let database: SourceLensDb;
let failures = 0;
const failWhileFull = () => {
  if (failures > 0) {
    failures -= 1;
    throw quotaError();
  }
};
beforeEach(() => {
  database = new SourceLensDb(`quota-${Math.random()}`);
  // Recording writes one row, to the price inbox: that is where the disk is found full.
  database.priceInbox.hook('creating', failWhileFull);
});
afterEach(async () => {
  onQuotaExceeded(null);
  await database.delete();
});

describe('a full disk does not lose the newest data', () => {
  it('recognises the quota error however Dexie wraps it', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quotaError()] })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
  });

  it('makes room through the handler once and writes the newest offers again', async () => {
    const handler = vi.fn(async (_error: unknown) => true);
    onQuotaExceeded(handler);
    failures = 1;
    await recordOffers(
      database,
      [offer({ offerId: '1', priceMinMinor: 500 })],
      'https://s.1688.com/',
      'search',
      1,
    );
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[0]).toSatisfy(isQuotaError);
    expect(await readHistory(database, '1688:1')).toHaveLength(1);
    expect(await database.offers.count()).toBe(1);
  });

  it('writes that hit the quota together share one clean-up', async () => {
    let release = () => {};
    const handler = vi.fn(() => new Promise<boolean>((resolve) => (release = () => resolve(true))));
    onQuotaExceeded(handler);
    failures = 2;
    const writes = ['1', '2'].map((id) =>
      recordOffers(
        database,
        [offer({ offerId: id, priceMinMinor: 500 })],
        'https://s.1688.com/',
        'search',
        1,
      ),
    );
    await vi.waitFor(() => expect(handler).toHaveBeenCalled());
    release();
    await Promise.all(writes);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(await countPricePoints(database)).toBe(2);
  });

  it('gives the error back when no room could be made (nothing half-written)', async () => {
    onQuotaExceeded(async () => false);
    failures = 1;
    await expect(
      recordOffers(
        database,
        [offer({ offerId: '1', priceMinMinor: 500 })],
        'https://s.1688.com/',
        'search',
        1,
      ),
    ).rejects.toSatisfy(isQuotaError);
    expect(await database.offers.count()).toBe(0);
  });
});
