/**
 * Issue 13, "State that must outlive the service worker doesn't": helper tabs close by alarm (an alarm outlives
 * the worker; a timer does not), and two sources opening tabs at once both remember theirs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  IDLE_ALARM_PREFIX,
  originTab,
  rememberedTabs,
  watchHelperTabs,
} from '../../../entrypoints/background/sources/origin-tab';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake's tabs never finish loading by themselves.
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  fakeBrowser.tabs.get = (async (id: number) => {
    const tab = await get(id);
    if (!tab) throw new Error('no tab');
    return { ...tab, status: 'complete' };
  }) as never;
  // Nor does the fake run scripts: a page counts as loaded once a script there finds its document complete.
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: async () => [{ result: 'complete' }],
  };
});

describe('helper tabs', () => {
  it('two sources opening tabs at once both remember theirs', async () => {
    const [a, b] = await Promise.all([
      originTab('https://h5api.m.1688.com/'),
      originTab('https://www.alibaba.com/'),
    ]);
    expect(await rememberedTabs()).toEqual({ 'https://h5api.m.1688.com/': a, 'https://www.alibaba.com/': b });
  });

  it('two requests on one origin at once share one tab', async () => {
    const [a, b] = await Promise.all([
      originTab('https://www.alibaba.com/'),
      originTab('https://www.alibaba.com/'),
    ]);
    expect(a).toBe(b);
    expect(
      (await fakeBrowser.tabs.query({})).filter((t) => t.url === 'https://www.alibaba.com/'),
    ).toHaveLength(1);
  });

  it('the idle close is an alarm, and the tab closes when it goes off — timers or not', async () => {
    const tabId = await originTab('https://h5api.m.1688.com/');
    const alarm = await fakeBrowser.alarms.get(`${IDLE_ALARM_PREFIX}https://h5api.m.1688.com/`);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 60_000);
    // A new worker (the old one and its timers gone) hears the alarm and closes the tab.
    watchHelperTabs();
    await fakeBrowser.alarms.onAlarm.trigger(alarm as never);
    await new Promise((r) => setTimeout(r, 0));
    expect((await fakeBrowser.tabs.query({})).map((t) => t.id)).not.toContain(tabId);
    expect(await rememberedTabs()).toEqual({});
  });
});
