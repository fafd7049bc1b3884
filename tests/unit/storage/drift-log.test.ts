import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { driftLog, recordDrift } from '../../../storage/drift-log';

describe('the local log of unrecognised answers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts the same kind of answer up instead of adding rows, newest first', async () => {
    const u = {
      state: 'unrecognised',
      call: 'search',
      shape: '{a:string}',
      reason: 'no offer list',
    } as const;
    await recordDrift('1688', u, 1000);
    await recordDrift('alibaba', { ...u, call: 'image-search' }, 2000);
    await recordDrift('1688', u, 3000);
    const log = await driftLog.getValue();
    expect(log.map((e) => [e.source, e.call, e.count, e.firstAt, e.lastAt])).toEqual([
      ['1688', 'search', 2, 1000, 3000],
      ['alibaba', 'image-search', 1, 2000, 2000],
    ]);
  });

  it('keeps at most 30 kinds', async () => {
    for (let i = 0; i < 40; i++)
      await recordDrift(
        '1688',
        { state: 'unrecognised', call: 'search', shape: `{k${i}:string}`, reason: 'x' },
        i,
      );
    const log = await driftLog.getValue();
    expect(log).toHaveLength(30);
    expect(log[0]?.shape).toBe('{k39:string}');
  });
});
