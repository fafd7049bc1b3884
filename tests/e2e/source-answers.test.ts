/// <reference types="chrome" />
/**
 * Sources answering with garbage: for every source and every broken answer the local sources can give (HTML
 * instead of JSON, HTTP 500, an answer cut off halfway, the real answer with every value's type changed —
 * tests/mock-sources/answer-faults.ts), a search from the side panel ends in a clear state the person can act on,
 * never in offers made of garbage, and nothing of the broken answer is stored (no offer, no cached answer). The
 * next search, once the source answers properly again, works.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ANSWER_FAULTS } from '../mock-sources/answer-faults';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { countRows, type Harness, startHarness } from './support/harness';

/** The states that tell the person what happened and what to do (components/SourceState.tsx). */
const CLEAR_STATES = ['state-error', 'state-unrecognised', 'state-timed-out', 'state-opened-page'];

describe('sources answering with garbage', { timeout: 600_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  let box: SearchBox;

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
    const tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
    const panel = await SidePanelPage.open(h.browser, tab.tabId);
    box = new SearchBox(panel.page);
  });
  after(async () => h?.close());

  /** The state the panel shows now: one of the designed states, or "offers" / "no-offers". */
  const shown = () =>
    box.page.evaluate((states) => {
      for (const id of states) if (document.querySelector(`[data-testid="${id}"]`)) return id;
      return document.querySelector('[data-testid="offer-card"]') ? 'offers' : 'no-offers';
    }, CLEAR_STATES);

  for (const source of ['1688', 'alibaba'] as const) {
    for (const fault of ANSWER_FAULTS) {
      test(`${source}: ${fault} ends in a clear state, and nothing of it is stored`, async () => {
        await box.page.getByTestId('search-source').selectOption(source);
        const offersBefore = await countRows(h, 'offers');
        const lookupsBefore = await countRows(h, 'lookups');
        const from = mock.requests.length;
        mock.setAnswerFault(fault);
        try {
          // A query of its own, so no cached answer stands in for the source's.
          await box.search(`${fault} ${source} 纯棉T恤`);
        } finally {
          mock.setAnswerFault(null);
        }
        const broken = mock.requests.slice(from).filter((r) => r.broken === fault);
        if (fault === 'wrong-types' && broken.length === 0) {
          // This source's answers carry no JSON to retype (a page): the fault does not apply to it.
          assert.equal(source, 'alibaba', 'every 1688 answer is JSON(P)');
          return;
        }
        assert.ok(
          broken.length > 0,
          `the ${fault} answer was given: ${JSON.stringify(mock.requests.slice(from))}`,
        );
        const state = await shown();
        assert.ok(CLEAR_STATES.includes(state), `a clear state, not ${state}`);
        assert.equal(await countRows(h, 'offers'), offersBefore, 'no offer stored from a broken answer');
        assert.equal(await countRows(h, 'lookups'), lookupsBefore, 'no broken answer cached');

        // The source answers properly again: the same search works.
        await box.search(`${fault} ${source} 纯棉T恤`);
        assert.equal(await shown(), 'offers');
      });
    }
  }
});
