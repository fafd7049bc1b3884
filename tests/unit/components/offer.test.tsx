import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OfferCard } from '../../../components/offer/OfferCard';
import { TierPrices } from '../../../components/offer/TierPrices';
import { addTags } from '../../../components/tags';
import { storedOffer } from '../../support/builders';

// Messages by their key: what is checked here is structure, not wording.
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});

async function mount(node: ComponentChild) {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const root = document.getElementById('app') as unknown as HTMLElement;
  await act(() => render(node, root));
  return root;
}

const tiered = storedOffer({
  priceTiers: [
    { minQty: 2, priceMinor: 1500 },
    { minQty: 50, priceMinor: 1250 },
    { minQty: 500, priceMinor: 1100 },
  ],
  moq: 2,
});

describe('quantity tiers', () => {
  it('highlights the tier the buyer’s quantity falls in, and only that one', async () => {
    for (const [quantity, mine] of [
      [2, '≥2'],
      [49, '≥2'],
      [50, '≥50'],
      [10_000, '≥500'],
    ] as const) {
      const root = await mount(<TierPrices offer={tiered} quantity={quantity} />);
      const current = root.querySelectorAll('[aria-current="true"]');
      expect(current.length, String(quantity)).toBe(1);
      expect(current[0]?.textContent).toContain(mine);
    }
  });

  it('below the minimum order, highlights none and says so', async () => {
    const root = await mount(<TierPrices offer={{ ...tiered, moq: 10 }} quantity={5} />);
    expect(root.querySelectorAll('[aria-current="true"]')).toHaveLength(0);
    expect(root.querySelector('[data-testid="offer-below-moq"]')).not.toBeNull();
  });
});

describe('the offer card', () => {
  const offer = storedOffer({
    title: '<b>not markup</b>',
    supplier: { name: 'Factory', isFactory: true, years: 8, repurchaseRate: 0.4 },
  });

  it('does not say a supplier fact twice when a ranking chip says it', async () => {
    const withChips = await mount(
      <OfferCard
        offer={offer}
        kept={false}
        onToggleKeep={() => {}}
        chips={['factory', 'yrs:8', 'repurchase:40']}
      />,
    );
    const supplier = withChips.querySelector('[data-testid="offer-supplier"]');
    expect(supplier?.querySelectorAll('.ui-chip')).toHaveLength(0);
    expect(withChips.querySelectorAll('[data-chip]')).toHaveLength(3);
    const without = await mount(<OfferCard offer={offer} kept={false} onToggleKeep={() => {}} />);
    expect(
      without.querySelector('[data-testid="offer-supplier"]')?.querySelectorAll('.ui-chip'),
    ).toHaveLength(1);
  });

  it('shows page text as text, and links only the offer’s http(s) page', async () => {
    const root = await mount(<OfferCard offer={offer} kept={false} onToggleKeep={() => {}} />);
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[data-testid="offer-title"]')?.textContent).toBe('<b>not markup</b>');
    const bad = await mount(
      <OfferCard offer={{ ...offer, url: 'javascript:alert(1)' }} kept={false} onToggleKeep={() => {}} />,
    );
    expect(bad.querySelector('a[href]')).toBeNull();
  });
});

describe('tags typed into the keep sheet', () => {
  it('are split on commas, cleaned as the shortlist keeps them, each once', () => {
    expect(addTags([], ' Summer , TikTok,，')).toEqual(['summer', 'tiktok']);
    expect(addTags(['summer'], 'SUMMER、夏季')).toEqual(['summer', '夏季']);
    expect(
      addTags(
        Array.from({ length: 20 }, (_, i) => `t${i}`),
        'one more',
      ),
    ).toHaveLength(20);
  });
});
