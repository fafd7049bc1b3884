// Figures measured in Node on pure core/ code. Prints one JSON object (merged into `npm run bench`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { clusterByHash } from '../../core/match/cluster';
import { DEFAULT_RATES } from '../../core/match/margin';
import { clearTitleCache, prepareOffers, rankOffers, rankPreparedOffers } from '../../core/match/rank-offers';
import { unwrapJsonp } from '../../core/sources/1688/gateway';
import type { WholesaleOffer } from '../../core/sources/types';
import { plainText } from '../../core/text/plain-text';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Real product titles: the Walmart-Amazon benchmark's right-hand side, 1,000 of them. */
function benchmarkTitles(): string[] {
  const file = resolve(
    ROOT,
    '..',
    'shared',
    'data',
    'matching',
    'er-magellan',
    'Structured',
    'Walmart-Amazon',
    'train.txt',
  );
  const titles: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /COL title VAL (.*?)(?: COL |$)/.exec(line.split('\t')[1] ?? '');
    if (m?.[1]) titles.push(m[1]);
    if (titles.length === 1000) break;
  }
  return titles;
}

/** A deterministic pseudo-random 64-bit hash as hex (xorshift), so the figures repeat. */
function hashes(n: number): string[] {
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0).toString(16).padStart(8, '0');
  };
  return Array.from({ length: n }, () => next() + next());
}

function offersFrom(titles: string[], pictureHashes: string[]): (WholesaleOffer & { imageHash: string })[] {
  return titles.map((title, i) => ({
    source: '1688',
    offerId: String(700000000000 + i),
    title,
    url: `https://detail.1688.com/offer/${700000000000 + i}.html`,
    images: [],
    currency: 'CNY',
    priceTiers: [{ minQty: 1 + (i % 5), priceMinor: 500 + ((i * 37) % 5000) }],
    priceMinMinor: 500 + ((i * 37) % 5000),
    priceMaxMinor: null,
    moq: 1 + (i % 5),
    unit: '件',
    dropship: i % 3 === 0,
    sales: (i * 13) % 900,
    isAd: i % 10 === 3,
    shippingPromise: null,
    supplier: {
      name: `Supplier ${i % 97}`,
      loginId: null,
      memberId: null,
      province: null,
      city: null,
      years: 1 + (i % 12),
      isFactory: i % 4 === 0,
      badges: [],
      repurchaseRate: (i % 50) / 100,
      shopUrl: null,
    },
    imageHash: pictureHashes[i] as string,
  }));
}

function medianMs(run: () => void, samples: number, before?: () => void): number {
  before?.();
  run(); // warm-up: JIT and lazy tables
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    before?.();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor((times.length - 1) / 2)] as number) * 100) / 100;
}

const titles = benchmarkTitles();
const offers = offersFrom(titles, hashes(titles.length));
const product = {
  title: titles[0] as string,
  price: { minor: 4999, currency: 'USD' },
  imageHash: hashes(1)[0] as string,
};
const opts = { quantity: 50, rates: DEFAULT_RATES };
const prepared = prepareOffers(offers);

console.log(
  JSON.stringify({
    // Score and sort 1,000 offers against a new product, offers prepared as their answers arrived (what the side
    // panel does): every title scored, clusters, chips, the stable sort.
    rank_1000_ms: medianMs(
      () => rankPreparedOffers(product, prepared, opts),
      21,
      () => clearTitleCache(prepared),
    ),
    // The same from nothing (texts prepared and the search's IDF built inside the timing).
    rank_1000_cold_ms: medianMs(() => rankOffers(product, offers, opts), 11),
    // Same-photo clusters over 1,000 picture hashes (every pair compared).
    cluster_1000_ms: medianMs(
      () => clusterByHash(offers.map((o) => ({ key: o.offerId, hash: o.imageHash }))),
      21,
    ),
    // Hostile answers (issue 13): 1 MB crafted to make a backtracking JSONP unwrapper take cubic time — a callback
    // whose body is whitespace without a closing ")", and one whose ")" is followed by whitespace and garbage.
    jsonp_redos_ms: medianMs(() => {
      unwrapJsonp(`cb(${' '.repeat(1_000_000)}!`);
      unwrapJsonp(`cb && cb(${' '.repeat(500_000)});${' '.repeat(500_000)}x`);
    }, 5),
    // plainText on 1 MB of unclosed comments, hidden elements and tags (it reads at most 50,000 characters).
    plaintext_redos_ms: medianMs(() => {
      plainText('<!--'.repeat(250_000));
      plainText(`<script>${'</script '.repeat(120_000)}`);
      plainText('<a '.repeat(350_000));
    }, 5),
  }),
);
