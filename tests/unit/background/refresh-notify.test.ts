import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PriceAlert } from '../../../entrypoints/background/refresh/runner';
import { storedOffer } from '../../support/builders';

const alertFor = (offerKey: string): PriceAlert => ({
  offerKey,
  title: '保温杯 示例',
  url: 'https://detail.1688.com/offer/700000000010.html',
  reason: 'drop',
  fromMinor: 1000,
  priceMinor: 900,
  targetMinor: null,
  currency: 'CNY',
  quantity: 50,
});

/** The module as a fresh service worker loads it (its click listener is registered once per load). */
async function load(allowed: boolean) {
  vi.resetModules();
  // The fake has no permissions: the optional one is given or not, and nothing is granted later.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => allowed) as never);
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  const notify = await import('../../../entrypoints/background/refresh/notify');
  const { db } = await import('../../../storage/db');
  await Promise.all(db().tables.map((t) => t.clear()));
  return { notify, database: db() };
}

const count = () => fakeBrowser.action.getBadgeText({});

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // Messages read as their key and substitutions.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    ((key: string, subs?: string | string[]) =>
      `${key}(${[subs ?? []].flat().join('|')})`) as typeof fakeBrowser.i18n.getMessage,
  );
});

describe('raising a price alert', () => {
  it('without the notifications permission: only the toolbar count, one per offer', async () => {
    const { notify } = await load(false);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notify.raiseAlert(alertFor('1688:1'));
    await notify.raiseAlert(alertFor('1688:1'));
    await notify.raiseAlert(alertFor('1688:2'));
    expect(await count()).toBe('2');
    expect(create).not.toHaveBeenCalled();
    await notify.alertsSeen();
    expect(await count()).toBe('');
  });

  it('with it: one notification per offer; its click opens the offer page and clears that offer from the count', async () => {
    const { notify, database } = await load(true);
    await database.offers.put(
      storedOffer({
        source: '1688',
        offerId: '700000000010',
        url: 'https://detail.1688.com/offer/700000000010.html',
      }),
    );
    notify.watchAlertClicks();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notify.raiseAlert(alertFor('1688:700000000010'));
    await notify.raiseAlert(alertFor('1688:2'));
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown).sort()).toEqual(['refresh:alert:1688:2', 'refresh:alert:1688:700000000010']);
    expect(await count()).toBe('2');
    expect(create).toHaveBeenLastCalledWith('refresh:alert:1688:2', {
      type: 'basic',
      iconUrl: expect.stringMatching(/icon\/128\.png$/),
      title: 'alertTitleDrop()',
      message: expect.stringMatching(/^保温杯 示例\nalertMessage\(.+10\.00\|.+9\.00\|50\)$/),
    });

    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('refresh:alert:1688:700000000010');
    await vi.waitFor(async () => expect(await count()).toBe('1'));
    expect(opened).toHaveBeenCalledWith({ url: 'https://detail.1688.com/offer/700000000010.html' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['refresh:alert:1688:2']);
  });

  it('never opens an address that is not http(s)', async () => {
    const { notify, database } = await load(true);
    await database.offers.put(
      storedOffer({ source: '1688', offerId: '700000000011', url: 'javascript:alert(1)' }),
    );
    notify.watchAlertClicks();
    await notify.raiseAlert(alertFor('1688:700000000011'));
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('refresh:alert:1688:700000000011');
    await vi.waitFor(async () => expect(await count()).toBe(''));
    expect(opened).not.toHaveBeenCalled();
  });
});
