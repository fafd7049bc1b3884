import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Sparkline } from '../../../components/chart/Sparkline';
import type { ReviewRow } from '../../../components/shortlist/review';
import { ShortlistRow } from '../../../components/shortlist/ShortlistRow';
import { storedOffer } from '../../support/builders';

// Messages by their key and substitutions: what is checked here is structure, not wording.
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | (string | number)[]) =>
      `${key}${subs ? `(${[subs].flat().join('|')})` : ''}`,
  );
});

async function mount(node: ComponentChild) {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const root = document.getElementById('app') as unknown as HTMLElement;
  await act(() => render(node, root));
  return root;
}

const focus = { tabIndex: 0, index: 0, setSize: 1, onFocus: () => {}, onKeyDown: () => {} };

function row(over: Partial<ReviewRow> = {}): ReviewRow {
  const offer = storedOffer({ title: '纯棉T恤', supplier: { name: '义乌工厂' }, currency: 'CNY' });
  return {
    entry: {
      offerKey: offer.key,
      productKey: null,
      note: '',
      tags: ['summer', 'xhs'],
      status: 'contacted',
      statusHistory: [],
      quantity: null,
      targetPriceMinor: null,
      addedAt: 0,
    },
    offer,
    product: null,
    priceNowMinor: 1080,
    belowMoq: false,
    margin: null,
    change: { fromMinor: 1200, toMinor: 1080, currency: 'CNY', pct: -10 },
    ...over,
  };
}

describe('a shortlist row', () => {
  it('shows the price now, the drop since kept, the sparkline, status and tags; a click opens it', async () => {
    const onOpen = vi.fn();
    const spark = [
      { at: 0, minor: 1200 },
      { at: 1, minor: 1080 },
    ];
    const root = await mount(
      <ShortlistRow row={row()} quantity={50} spark={spark} focus={focus} onOpen={onOpen} />,
    );
    const q = (id: string) => root.querySelector(`[data-testid="${id}"]`);
    expect(q('shortlist-row-price')?.textContent).toMatch(/10\.80/);
    expect(q('shortlist-row-change')?.getAttribute('data-dir')).toBe('down');
    expect(q('shortlist-row-change')?.textContent).toContain('▼ 10%');
    expect(q('sparkline')?.getAttribute('data-points')).toBe('2');
    expect(q('sparkline')?.getAttribute('data-trend')).toBe('down');
    expect(q('shortlist-row-status')?.textContent).toBe('status_contacted');
    expect([...root.querySelectorAll('[data-testid="shortlist-row-tag"]')].map((t) => t.textContent)).toEqual(
      ['summer', 'xhs'],
    );
    expect(q('shortlist-row-margin')).toBeNull();
    (q('shortlist-row') as HTMLElement).click();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('holds the sparkline’s place while the history is read, and shows no change when there is none', async () => {
    const root = await mount(
      <ShortlistRow
        row={row({ change: null })}
        quantity={50}
        spark={undefined}
        focus={focus}
        onOpen={() => {}}
      />,
    );
    expect(root.querySelector('.sl-row__spark-slot')).not.toBeNull();
    expect(root.querySelector('[data-testid="shortlist-row-change"]')).toBeNull();
  });
});

describe('the sparkline', () => {
  it('names what it shows and colours a retail price neutrally', async () => {
    const root = await mount(
      <Sparkline
        neutral
        label="Retail price"
        points={[
          { at: 0, minor: 100 },
          { at: 1, minor: 200 },
        ]}
      />,
    );
    const svg = root.querySelector('svg');
    expect(svg?.getAttribute('aria-label')).toBe('Retail price');
    expect(svg?.getAttribute('data-trend')).toBe('up');
    expect(svg?.getAttribute('class')).toContain('sparkline--flat');
    expect(svg?.querySelector('path')?.getAttribute('d')).toMatch(/^M/);
  });
});
