// Bundled by scripts/bench/results.mjs into one IIFE with the side panel's stylesheets and run in a blank page in
// Chromium: the results list as the side panel renders it (the virtualised list of offer cards, the filters and
// order applied by core/match/result-view.ts), over synthetic offers, timed from render to the painted frame.
import { render } from 'preact';
import '../../components/ui/ui.css';
import { OfferCard } from '../../components/offer/OfferCard';
import { DEFAULT_RATES } from '../../core/match/margin';
import { arrangeRows, type ResultRow, type ShownRow } from '../../core/match/result-view';
import { ResultsList } from '../../entrypoints/sidepanel/results/ResultsList';
import '../../entrypoints/sidepanel/results/results.css';
import '../../entrypoints/sidepanel/sidepanel.css';
import type { StoredOffer } from '../../storage/types';

type Row = ResultRow<StoredOffer>;

/** An offer with every fact a card shows (tiers, supplier facts, chips), different per index. */
function offer(i: number): StoredOffer {
  const offerId = String(700_000_000_000 + i);
  return {
    key: `1688:${offerId}`,
    firstSeenAt: 0,
    lastSeenAt: 0,
    source: '1688',
    offerId,
    title: `纯棉短袖T恤女 宽松 上衣 夏季 新款 示例商品 ${i + 1}`,
    url: `https://detail.1688.com/offer/${offerId}.html`,
    images: [`https://cbu01.alicdn.com/img/ibank/O1CN01bench${offerId}.jpg`],
    currency: 'CNY',
    priceTiers: [
      { minQty: 2, priceMinor: 1500 + (i % 50) * 10 },
      { minQty: 50, priceMinor: 1300 + (i % 50) * 10 },
      { minQty: 500, priceMinor: 1100 + (i % 50) * 10 },
    ],
    priceMinMinor: 1100 + (i % 50) * 10,
    priceMaxMinor: 1500 + (i % 50) * 10,
    moq: 2,
    unit: '件',
    dropship: i % 3 === 0,
    sales: (i * 37) % 900,
    isAd: i % 10 === 3,
    shippingPromise: i % 2 ? '48小时发货' : '24小时揽收',
    supplier: {
      name: `义乌示例工厂${i % 97}`,
      loginId: `seller${i}`,
      memberId: null,
      province: '浙江',
      city: '义乌',
      country: null,
      years: 1 + (i % 12),
      isFactory: i % 2 === 0,
      badges: ['实力商家', '深度验厂'],
      repurchaseRate: null,
      returnBuyerRate: (i % 60) / 100,
      shopUrl: null,
    },
  };
}

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    offer: offer(i),
    key: `1688:${700_000_000_000 + i}`,
    margin: {
      retailCnyMinor: 3990,
      costPerUnitMinor: 1300,
      feeMinor: 200,
      profitPerUnitMinor: 2490 - (i % 50) * 10,
      marginPct: 62.4,
      rateDate: DEFAULT_RATES.date,
    },
    clusterId: null,
    isProbableSource: false,
    chips: ['similar-title', 'factory', 'yrs:5'],
  }));
}

const noop = () => {};
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Renders `n` offers into a fresh container at the top of the page and resolves after the frame that paints them:
 * the milliseconds from the render call, and how many elements the list put in the page.
 */
async function renderOffers(n: number): Promise<{ ms: number; nodes: number; cards: number }> {
  const host = document.createElement('main');
  host.className = 'panel';
  document.body.replaceChildren(host);
  window.scrollTo(0, 0);
  const ctx = { quantity: 50, rates: DEFAULT_RATES };
  const start = performance.now();
  const shown = arrangeRows(rows(n), [], { filters: {}, sort: 'match', expanded: new Set(), ctx });
  render(
    <ResultsList<ShownRow<Row>>
      items={shown}
      itemKey={(s) => s.row.key}
      label="Offers"
      busy={false}
      keys={{ onOpen: noop, onKeep: noop, onCompare: noop }}
      renderCard={(s, focus) => (
        <OfferCard
          offer={s.row.offer}
          quantity={ctx.quantity}
          chips={s.row.chips}
          margin={s.row.margin}
          kept={false}
          onToggleKeep={noop}
          onAsk={noop}
          onCopySummary={noop}
          onDetails={noop}
          compare={{ selected: false, disabled: false, onToggle: noop }}
          focus={focus}
        />
      )}
    />,
    host,
  );
  await nextPaint();
  const ms = performance.now() - start;
  // The virtualiser's measurements settle in the frames after the first one.
  await nextPaint();
  await nextPaint();
  const nodes = host.querySelectorAll('*').length;
  const cards = host.querySelectorAll('[data-testid="offer-card"]').length;
  render(null, host);
  return { ms, nodes, cards };
}

(globalThis as unknown as { __resultsBench: unknown }).__resultsBench = { renderOffers };
