// Figures measured in Node on pure core/ code. Prints one JSON object (merged into `npm run bench`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rankTitles } from '../../core/match';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Offer titles from the Walmart-Amazon benchmark's right-hand side (real product titles), 1,000 of them. */
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
    const right = line.split('\t')[1] ?? '';
    const m = /COL title VAL (.*?)(?: COL |$)/.exec(right);
    if (m?.[1]) titles.push(m[1]);
    if (titles.length === 1000) break;
  }
  return titles;
}

function medianMs(run: () => void, samples: number): number {
  run(); // warm-up: JIT and lazy tables
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor((times.length - 1) / 2)] as number;
}

const offers = benchmarkTitles();
const product = offers[0] as string;
const figures: Record<string, number> = {
  // Score and sort 1,000 offer titles against one product: prepare texts, IDF over this search, score, sort.
  rank_1000_ms: Math.round(medianMs(() => rankTitles(product, offers), 15) * 100) / 100,
};
console.log(JSON.stringify(figures));
