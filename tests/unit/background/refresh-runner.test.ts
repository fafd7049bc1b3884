/**
 * The scheduled refresh's runner against the real offer reader (sources/offer-reader.ts: the 1688 provider,
 * politeness, wall recognition) with the helper tab's transports replaced by the in-memory fake transport
 * answering 1688 offer pages as the mock builds them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GatewayRequest } from '../../../core/sources/provider';
import type { PriceAlert, RefreshDeps } from '../../../entrypoints/background/refresh/runner';
import { countPricePoints } from '../../../storage/price-blocks';
import { readHistory } from '../../../storage/price-history';
import { currentContextPage, generatedOffer, sliderPage } from '../../mock-sources/1688/pages';
import { fakeTransport } from '../../support/fake-transport';

/** What the fake 1688 answers: each offer's price factor, and whether its check page is up. */
const site = vi.hoisted(() => ({ factors: new Map<string, number>(), wall: false }));

function offerPage(req: GatewayRequest) {
  if (site.wall) return { text: sliderPage() };
  const id = /\/offer\/(\d+)\.html/.exec(req.url)?.[1] ?? '0';
  const factor = site.factors.get(id) ?? 1;
  const base: Record<string, unknown> = { ...generatedOffer(`offer-${id}`, 0), offerId: id };
  const scale = (v: unknown) => (Number(v) * factor).toFixed(2);
  const addition = base.shopAddition as { quantityPrices: { quantity: string; value: string }[] };
  const repriced = {
    ...base,
    priceInfo: { price: scale((base.priceInfo as { price: string }).price) },
    shopAddition: { quantityPrices: addition.quantityPrices.map((q) => ({ ...q, value: scale(q.value) })) },
  };
  return { text: currentContextPage(repriced) };
}

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeTransport> | null }));

vi.mock('../../../entrypoints/background/sources/transports', async (original) => {
  const real = await original<typeof import('../../../entrypoints/background/sources/transports')>();
  const transport = () => {
    if (!fake.current) throw new Error('no fake transport');
    return fake.current.ctx.transport;
  };
  // The helper tab's two ways to read a page, both answered by the fake.
  return {
    ...real,
    sameOriginPageTransport: () => ({ request: (r: GatewayRequest) => transport().request(r) }),
    renderedPageTransport: () => ({ request: (r: GatewayRequest) => transport().request(r) }),
  };
});

const IDS = ['700000000010', '700000000014', '700000000018'];
const keyOf = (id: string) => `1688:${id}`;

/** The background's modules as a fresh service worker loads them (politeness state starts empty). */
async function load() {
  const { db } = await import('../../../storage/db');
  const runner = await import('../../../entrypoints/background/refresh/runner');
  const reader = await import('../../../entrypoints/background/sources/offer-reader');
  const search = await import('../../../entrypoints/background/sources/search-service');
  const shortlist = await import('../../../storage/shortlist');
  const settings = await import('../../../storage/settings/alerts');
  const sources = await import('../../../storage/settings/sources');
  const database = db();
  await Promise.all(database.tables.map((t) => t.clear()));
  // No waiting between requests in a test: the spacing itself is polite.test.ts's business.
  await sources.sourceSettings.setValue({ ...sources.SOURCE_DEFAULTS, minIntervalMs: 0, jitterMs: 0 });
  const raised: PriceAlert[] = [];
  const deps = (over: Partial<RefreshDeps> = {}): RefreshDeps => ({
    database,
    read: (source, offerId) => reader.readOffer(source, offerId, 'refresh'),
    raise: async (a) => {
      raised.push(a);
    },
    now: Date.now,
    ...over,
  });
  const keep = async (ids: string[]) => {
    for (const id of ids) await shortlist.keepOffer(database, { offerKey: keyOf(id), productKey: null }, 1);
  };
  return { database, runner, search, shortlist, settings, sources, raised, deps, keep };
}

const readIds = () =>
  (fake.current?.sent ?? []).map((r) => /\/offer\/(\d+)\.html/.exec(r.url)?.[1]).filter(Boolean);

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  site.factors.clear();
  site.wall = false;
  fake.current = fakeTransport([[/detail\.1688\.com\/offer\//, offerPage]]);
});

describe('the scheduled refresh of kept offers', () => {
  it('reads every kept offer, records each price as a refresh, and alerts once when a price drops', async () => {
    const t = await load();
    await t.settings.alertSettings.setValue({ alertsOn: true, refreshHours: 24 });
    await t.keep(IDS);

    const first = await t.runner.runRefresh(t.deps());
    expect(first).toMatchObject({ outcome: 'done', checked: 3, failed: 0, alerts: 0 });
    expect(readIds()).toEqual(IDS);
    const observed = (await Promise.all(IDS.map((id) => readHistory(t.database, keyOf(id))))).flat();
    expect(observed.map((o) => [o.subjectKey, o.via])).toEqual(IDS.map((id) => [keyOf(id), 'refresh']));

    site.factors.set(IDS[1] as string, 0.9);
    const second = await t.runner.runRefresh(t.deps());
    expect(second).toMatchObject({ outcome: 'done', checked: 3, alerts: 1 });
    expect(t.raised).toHaveLength(1);
    const alert = t.raised[0] as PriceAlert;
    expect(alert).toMatchObject({ offerKey: keyOf(IDS[1] as string), reason: 'drop', currency: 'CNY' });
    expect(alert.priceMinor).toBe(Math.round(alert.fromMinor * 0.9));
    expect(alert.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\//);

    // Still low at the next run: nothing new to say.
    expect(await t.runner.runRefresh(t.deps())).toMatchObject({ outcome: 'done', alerts: 0 });
    expect(t.raised).toHaveLength(1);
  });

  it('alerts when the price at the buyer quantity reaches the target set for it', async () => {
    const t = await load();
    await t.settings.alertSettings.setValue({ alertsOn: true, refreshHours: 24 });
    await t.keep([IDS[0] as string]);
    await t.runner.runRefresh(t.deps());
    const stored = await t.database.offers.get(keyOf(IDS[0] as string));
    const now = stored?.priceTiers[0]?.priceMinor as number;
    // A 2 % cut is no "drop", but it reaches the buyer's target.
    await t.shortlist.setTargetPrice(t.database, {
      offerKey: keyOf(IDS[0] as string),
      targetPriceMinor: Math.round(now * 0.98),
    });
    site.factors.set(IDS[0] as string, 0.98);
    expect(await t.runner.runRefresh(t.deps())).toMatchObject({ alerts: 1 });
    expect(t.raised.map((a) => a.reason)).toEqual(['target']);
  });

  it('with alerts off, records prices and raises nothing', async () => {
    const t = await load();
    await t.keep(IDS);
    await t.runner.runRefresh(t.deps());
    site.factors.set(IDS[0] as string, 0.5);
    expect(await t.runner.runRefresh(t.deps())).toMatchObject({ outcome: 'done', checked: 3, alerts: 0 });
    expect(t.raised).toEqual([]);
    expect(await countPricePoints(t.database)).toBe(4);
  });

  it('stops the whole run at a wall, remembers it, and goes on from that offer once the check is passed', async () => {
    const t = await load();
    await t.keep(IDS);
    // The first offer reads; the check page comes up for the second.
    let reads = 0;
    fake.current = fakeTransport([
      [
        /detail\.1688\.com\/offer\//,
        (req) => {
          reads += 1;
          site.wall = reads >= 2;
          return offerPage(req);
        },
      ],
    ]);
    const paused = await t.runner.runRefresh(t.deps());
    expect(paused).toMatchObject({ outcome: 'paused', checked: 1 });
    expect(readIds()).toEqual([IDS[0], IDS[1]]);
    const state = await t.settings.refreshState.getValue();
    expect(state.paused).toMatchObject({ source: '1688', state: 'needs-verification' });
    expect(state.cycleStartedAt).not.toBeNull();

    // The next alarm while the source's pause lasts: stopped again, without asking 1688 anything.
    const again = await t.runner.runRefresh(t.deps());
    expect(again).toMatchObject({ outcome: 'paused', checked: 0 });
    expect(readIds()).toHaveLength(2);

    // The person passes the check (the side panel or options report it); the run resumes at the second offer.
    fake.current = fakeTransport([[/detail\.1688\.com\/offer\//, offerPage]]);
    site.wall = false;
    await t.search.verified('1688');
    const resumed = await t.runner.runRefresh(t.deps());
    expect(resumed).toMatchObject({ outcome: 'done', checked: 2 });
    expect(readIds()).toEqual([IDS[1], IDS[2]]);
    expect((await t.settings.refreshState.getValue()).paused).toBeNull();
  });

  it('reads at most a batch per run and goes on where it stopped', async () => {
    const t = await load();
    await t.keep(IDS);
    expect(await t.runner.runRefresh(t.deps({ limit: 2 }))).toMatchObject({ outcome: 'more', checked: 2 });
    expect(await t.runner.runRefresh(t.deps({ limit: 2 }))).toMatchObject({ outcome: 'done', checked: 1 });
    expect(readIds()).toEqual(IDS);
    // A new pass starts from the top.
    expect(await t.runner.runRefresh(t.deps({ limit: 2 }))).toMatchObject({ outcome: 'more' });
    expect(readIds().slice(3)).toEqual(IDS.slice(0, 2));
  });

  it('passes over rejected offers and sources the person turned off', async () => {
    const t = await load();
    await t.keep(IDS);
    await t.shortlist.keepOffer(t.database, { offerKey: 'alibaba:1600900012341', productKey: null }, 1);
    await t.shortlist.setShortlistStatus(
      t.database,
      { offerKey: keyOf(IDS[2] as string), productKey: null, status: 'rejected' },
      2,
    );
    await t.sources.disabledSources.setValue(['alibaba']);
    const run = await t.runner.runRefresh(t.deps());
    expect(run).toMatchObject({ outcome: 'done', checked: 2, failed: 0 });
    expect(fake.current?.sent.map((r) => new URL(r.url).host)).toEqual([
      'detail.1688.com',
      'detail.1688.com',
    ]);
  });

  it('with nothing kept, says so', async () => {
    const t = await load();
    expect(await t.runner.runRefresh(t.deps())).toMatchObject({ outcome: 'nothing', checked: 0 });
  });
});
