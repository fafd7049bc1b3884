import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Politeness } from '../../../core/sources/politeness';
import {
  type GatewayRequest,
  type Transport,
  TransportError,
  transportFailed,
} from '../../../core/sources/provider';
import { busy, exclusive, politeTransport } from '../../../entrypoints/background/sources/polite';
import { SOURCE_DEFAULTS, sourceSettings } from '../../../storage/settings/sources';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('exclusive: one call per source host at a time', () => {
  it('runs calls to one host one after another, in order', async () => {
    const log: string[] = [];
    const call = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      exclusive('h5api.m.1688.com', call('a')),
      exclusive('h5api.m.1688.com', call('b')),
    ]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(busy('h5api.m.1688.com')).toBe(false);
  });

  it('lets calls to different hosts overlap, and says which host is busy', async () => {
    const log: string[] = [];
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const slow = exclusive('www.alibaba.com', async () => {
      log.push('alibaba start');
      await held;
      log.push('alibaba end');
    });
    await exclusive('detail.1688.com', async () => log.push('detail'));
    expect(busy('www.alibaba.com')).toBe(true);
    expect(busy('detail.1688.com')).toBe(false);
    release();
    await slow;
    expect(log).toEqual(['alibaba start', 'detail', 'alibaba end']);
  });

  it('a failed call does not hold up the next one', async () => {
    const failed = exclusive('s.1688.com', async () => {
      throw new Error('network');
    });
    const next = exclusive('s.1688.com', async () => 'next');
    await expect(failed).rejects.toThrow('network');
    await expect(next).resolves.toBe('next');
  });
});

describe('back-off survives what must not end it', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  /** The background's policy module as a fresh service worker would load it. */
  const load = () => import('../../../entrypoints/background/sources/polite');

  it('a settings change keeps a verification pause in force and applies the new limits', async () => {
    const polite = await load();
    polite.watchSourceSettings();
    const p = await polite.polite();
    p.report('h5api.m.1688.com', 'needs-verification');
    const before = p.blocked('h5api.m.1688.com');
    expect(before?.reason).toBe('needs-verification');

    await sourceSettings.setValue({ ...SOURCE_DEFAULTS, minIntervalMs: 9000, jitterMs: 0 });
    // The watcher runs on the storage change event; wait for it to have configured the policy.
    await vi.waitFor(async () => {
      const q = await polite.polite();
      const first = q.reserve('limits.example');
      expect(q.reserve('limits.example') - first).toBe(9000);
    });
    const after = await polite.polite();
    expect(after).toBe(p);
    expect(after.blocked('h5api.m.1688.com')).toEqual(before);
  });

  it('a service-worker restart keeps the pause and the spacing (session storage)', async () => {
    const first = await load();
    const p = await first.polite();
    p.report('www.alibaba.com', 'throttled', 120_000);
    const slot = p.reserve('detail.1688.com');
    const blocked = p.blocked('www.alibaba.com');
    await first.politenessSaved();

    vi.resetModules(); // the worker stops; session storage stays
    const second = await load();
    const q = await second.polite();
    expect(q).not.toBe(p);
    expect(q.blocked('www.alibaba.com')).toEqual(blocked);
    expect(q.reserve('detail.1688.com')).toBeGreaterThan(slot);

    // Lifting the pause is kept the same way.
    q.clear('www.alibaba.com');
    await second.politenessSaved();
    vi.resetModules();
    const third = await (await load()).polite();
    expect(third.blocked('www.alibaba.com')).toBeNull();
  });

  it('a malformed stored state is ignored, not trusted', async () => {
    await fakeBrowser.storage.session.set({
      politeness: { 'h5api.m.1688.com': { nextAt: 'soon', blockedUntil: 1e15, blockReason: 'x' } },
    });
    const p = await (await load()).polite();
    expect(p.blocked('h5api.m.1688.com')).toBeNull();
  });
});

describe('a request that gets no answer', () => {
  beforeEach(() => fakeBrowser.reset());

  const never: Transport = {
    request: (_req, signal) =>
      new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
  };
  const req: GatewayRequest = {
    method: 'GET',
    url: 'https://h5api.m.1688.com/x',
    query: {},
    expect: 'gateway',
  };

  it('ends as a timeout at its deadline, its signal fired, and the host is free for the next call', async () => {
    const p = new Politeness({ minIntervalMs: 0, jitterMs: 0 });
    let seen: AbortSignal | undefined;
    const watched: Transport = {
      request: (r, signal) => {
        seen = signal;
        return never.request(r, signal);
      },
    };
    const transport = politeTransport(p, 'h5api.m.1688.com', watched, 50);
    const stalled = exclusive('h5api.m.1688.com', () => transport.request(req));
    const next = exclusive('h5api.m.1688.com', async () => 'next ran');
    const failure = await stalled.catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).failure).toBe('timeout');
    expect(seen?.aborted).toBe(true);
    await expect(next).resolves.toBe('next ran');
    // The provider's view: a typed timeout, not a transport failure (which would open the results page).
    expect(transportFailed(failure)).toMatchObject({ state: 'error', kind: 'timeout' });
  });

  it("the caller's own cancellation is not a timeout", async () => {
    const p = new Politeness({ minIntervalMs: 0, jitterMs: 0 });
    const cancel = new AbortController();
    const pending = politeTransport(p, 'www.alibaba.com', never, 60_000).request(req, cancel.signal);
    cancel.abort();
    const failure = await pending.catch((err: unknown) => err);
    expect(failure).not.toBeInstanceOf(TransportError);
    expect(transportFailed(failure, cancel.signal)).toMatchObject({ kind: 'aborted' });
  });
});
