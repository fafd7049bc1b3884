import { describe, expect, it } from 'vitest';
import { busy, exclusive } from '../../../entrypoints/background/sources/polite';

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
