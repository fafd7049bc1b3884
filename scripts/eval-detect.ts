/**
 * Measure the product detector on the real saved pages of /work/shared/data/pages (pages.json).
 *   npm run eval:detect [-- --json] [-- --verbose]
 *
 * Metric (scrapinghub/product-extraction-benchmark, evaluate.py): per page and field, one predicted value
 * is a true positive when it is in the annotated set, else a false positive — and also a false negative
 * when a value was annotated; no prediction where a value was annotated is a false negative.
 * Only `ground_truth` is used as truth (never `derived`). Which fields a page is scored on:
 *  - product-extraction-benchmark pages: price, sku and availability always (upstream treats them as
 *    exhaustive: no annotation means "no value", so a prediction there is a false positive); brand, gtin
 *    and currency where annotated.
 *  - other sources: only the fields their ground_truth names (a `price: null` annotation means "no price":
 *    a prediction is a false positive).
 * Comparisons (documented mappings):
 *  - price: as a decimal number (upstream: Decimal). extruct's `price_range` / `offers[].price` all count.
 *  - currency: the annotation is the currency as written ("$", "£", "Lei", "원~"); it is mapped to the set
 *    of ISO codes that symbol can mean (CURRENCY_OF below) and our ISO code must be in it.
 *  - availability: ours in_stock→InStock, out_of_stock→OutOfStock, preorder→PreOrder,
 *    discontinued→Discontinued, limited→LimitedAvailability; annotations "in stock"/"InStock"/schema URLs
 *    are normalised the same way. Also printed: availability with upstream's fill (no prediction → InStock).
 *  - sku, gtin, brand, title: trimmed, whitespace collapsed; brand and title case-insensitive; gtin digits
 *    compared without leading zeros (GTIN-12/13/14 are zero-padded forms of one number).
 *  - image (information only, no target): our first image against the annotated one, both resolved against
 *    the page URL.
 * Non-product pages (is_product false): any non-null result is a false positive; is_product null pages
 * (ambiguous) are skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectProduct, hasProductSignal } from '../core/detect';
import type { DetectedProduct } from '../core/detect/types';
import { minorToDecimal } from '../core/money';
import { loadPage, parsePage } from './detect';

const ROOT = process.env.DETECT_PAGES_DIR ?? '/work/shared/data/pages';
const TARGETS: Record<string, number> = { price: 0.9, sku: 0.85, availability: 0.95 };
const MAX_FP_RATE = 0.03;
const FIELDS = ['price', 'currency', 'sku', 'gtin', 'brand', 'availability', 'title', 'image'] as const;
type Field = (typeof FIELDS)[number];
const EXHAUSTIVE: Field[] = ['price', 'sku', 'availability'];

const DOLLAR = ['USD', 'CAD', 'AUD', 'NZD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD', 'HKD', 'SGD', 'UYU'];
const CURRENCY_OF: Record<string, string[]> = {
  $: DOLLAR,
  '£': ['GBP'],
  '€': ['EUR'],
  '¥': ['JPY', 'CNY'],
  lei: ['RON'],
  kn: ['HRK'],
  zł: ['PLN'],
  'ر.س': ['SAR'],
  원: ['KRW'],
  '₩': ['KRW'],
  r$: ['BRL'],
  руб: ['RUB'],
  '₽': ['RUB'],
};

interface Entry {
  file: string;
  url: string | null;
  is_product: boolean | null;
  source_repo: string;
  encoding?: string;
  ground_truth?: Record<string, unknown> | null;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Annotated values per field, or undefined when the page is not scored on that field. */
function truthOf(e: Entry): Partial<Record<Field, string[]>> {
  const gt = e.ground_truth ?? {};
  const bench = e.source_repo === 'scrapinghub/product-extraction-benchmark';
  const t: Partial<Record<Field, string[]>> = {};
  const vals = (v: unknown) =>
    arr(v)
      .filter((x) => x !== null && x !== '')
      .map((x) => String(x));
  for (const f of FIELDS) {
    if (f in gt || (bench && EXHAUSTIVE.includes(f))) t[f] = vals(gt[f]);
  }
  if (Array.isArray(gt.price_range)) t.price = [...(t.price ?? []), ...vals(gt.price_range)];
  if (Array.isArray(gt.offers)) {
    const offers = gt.offers as Record<string, unknown>[];
    t.price = [...(t.price ?? []), ...offers.flatMap((o) => vals(o.price))];
    t.sku = [...(t.sku ?? []), ...offers.flatMap((o) => vals(o.sku))];
  }
  return t;
}

const AVAIL: Record<string, string> = {
  in_stock: 'InStock',
  out_of_stock: 'OutOfStock',
  preorder: 'PreOrder',
  discontinued: 'Discontinued',
  limited: 'LimitedAvailability',
};
const availNorm = (s: string) =>
  s
    .replace(/^https?:\/\/schema\.org\//i, '')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
const gtinNorm = (s: string) => s.replace(/\D/g, '').replace(/^0+/, '');

/** Our value for a field, as a string to compare, or null. */
function predOf(p: DetectedProduct | null, f: Field): string | null {
  if (!p) return null;
  switch (f) {
    case 'price':
      return p.price ? minorToDecimal(p.price.minor, p.price.currency) : null;
    case 'currency':
      return p.price && p.price.currency !== 'XXX' ? p.price.currency : null;
    case 'availability':
      return p.availability ? (AVAIL[p.availability] ?? null) : null;
    case 'image':
      return p.images[0] ?? null;
    default:
      return p[f] ?? null;
  }
}

function matches(f: Field, pred: string, truth: string[], url: string): boolean {
  switch (f) {
    case 'image':
      return truth.some((t) => {
        try {
          return new URL(t.trim(), url).href === pred;
        } catch {
          return false;
        }
      });
    case 'price':
      return truth.some((t) => Math.abs(Number(t) - Number(pred)) < 1e-9);
    case 'currency':
      return truth.some((t) => {
        const key = t.replace(/[~\s.]+$/g, '').toLowerCase();
        return t.toUpperCase() === pred || (CURRENCY_OF[key] ?? CURRENCY_OF[t] ?? []).includes(pred);
      });
    case 'availability':
      return truth.some((t) => availNorm(t) === availNorm(pred));
    case 'gtin':
      return truth.some((t) => gtinNorm(t) === gtinNorm(pred));
    case 'brand':
    case 'title':
      return truth.some((t) => norm(t).toLowerCase() === norm(pred).toLowerCase());
    default:
      return truth.some((t) => norm(t) === norm(pred));
  }
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const score = (c: Counts) => {
  const precision = c.fp === 0 && c.fn === 0 ? 1 : c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.fp === 0 && c.fn === 0 ? 1 : c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
};

function main(): number {
  const args = new Set(process.argv.slice(2));
  const entries = JSON.parse(readFileSync(join(ROOT, 'pages.json'), 'utf8')) as Entry[];
  const counts = Object.fromEntries(
    [...FIELDS, 'availabilityFilled'].map((f) => [f, { tp: 0, fp: 0, fn: 0 }]),
  ) as Record<string, Counts>;
  const support: Record<string, number> = {};
  const misses: string[] = [];
  let negatives = 0;
  let falsePositives = 0;
  let missedSignal = 0;
  let positives = 0;
  let found = 0;
  const started = Date.now();
  for (const e of entries) {
    if (e.is_product === null || e.is_product === undefined) continue;
    const url = e.url ?? `https://unknown.invalid/${e.file}`;
    let p: DetectedProduct | null = null;
    let signal = false;
    try {
      const doc = parsePage(loadPage(join(ROOT, e.file), e.encoding));
      signal = hasProductSignal(doc, url);
      p = detectProduct(doc, url);
    } catch (err) {
      misses.push(`${e.file}: load error ${String(err)}`);
    }
    if (p && !signal) missedSignal++;
    if (!e.is_product) {
      negatives++;
      if (p) {
        falsePositives++;
        misses.push(
          `NEGATIVE ${e.file} (${url}) -> ${p.site} "${p.title}" ${predOf(p, 'price') ?? ''} [${JSON.stringify(p.sources)}]`,
        );
      }
      continue;
    }
    positives++;
    if (p) found++;
    else misses.push(`NULL ${e.file} (${url})`);
    const truth = truthOf(e);
    for (const f of FIELDS) {
      const t = truth[f];
      if (!t) continue;
      const pred = predOf(p, f);
      const c = counts[f] as Counts;
      if (t.length) support[f] = (support[f] ?? 0) + 1;
      let ok = true;
      if (pred === null) {
        if (t.length) {
          c.fn++;
          ok = false;
        }
      } else if (matches(f, pred, t, url)) c.tp++;
      else {
        c.fp++;
        if (t.length) c.fn++;
        ok = false;
      }
      if (!ok) {
        const src = p?.sources[f === 'currency' ? 'price' : (f as keyof DetectedProduct['sources'])] ?? '';
        misses.push(
          `  ${f.padEnd(12)} ${e.file.slice(0, 60)} want ${JSON.stringify(t)} got ${JSON.stringify(pred)} ${src}`,
        );
      }
      if (f === 'availability') {
        const filled = pred ?? 'InStock';
        const cf = counts.availabilityFilled as Counts;
        if (matches(f, filled, t, url)) cf.tp++;
        else {
          cf.fp++;
          if (t.length) cf.fn++;
        }
      }
    }
  }
  const fields = Object.fromEntries(
    Object.entries(counts).map(([f, c]) => [
      f,
      { ...score(c), ...c, support: support[f === 'availabilityFilled' ? 'availability' : f] ?? 0 },
    ]),
  );
  const fpRate = negatives ? falsePositives / negatives : 0;
  const failed = [
    ...Object.entries(TARGETS)
      .filter(([f, min]) => (fields[f]?.f1 ?? 0) < min)
      .map(([f, min]) => `${f} F1 ${(fields[f]?.f1 ?? 0).toFixed(3)} < ${min}`),
    ...(fpRate > MAX_FP_RATE
      ? [`false-positive rate ${(fpRate * 100).toFixed(1)}% > ${MAX_FP_RATE * 100}%`]
      : []),
  ];
  const summary = {
    pages: positives + negatives,
    productPages: positives,
    productPagesDetected: found,
    nonProductPages: negatives,
    falsePositives,
    falsePositiveRate: fpRate,
    detectedWithoutSignal: missedSignal,
    fields,
    targets: TARGETS,
    failed,
    seconds: (Date.now() - started) / 1000,
  };
  if (args.has('--json')) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    if (args.has('--verbose')) process.stdout.write(`${misses.join('\n')}\n\n`);
    const pct = (x: number) => x.toFixed(3);
    process.stdout.write('field               P      R      F1    TP  FP  FN support\n');
    for (const [f, m] of Object.entries(fields))
      process.stdout.write(
        `${f.padEnd(18)} ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)} ${String(m.tp).padStart(4)}${String(m.fp).padStart(4)}${String(m.fn).padStart(4)} ${String(m.support).padStart(5)}\n`,
      );
    process.stdout.write(
      `\nproduct pages detected ${found}/${positives}; non-product false positives ${falsePositives}/${negatives} (${(fpRate * 100).toFixed(1)}%); detected without hasProductSignal ${missedSignal}\n`,
    );
    process.stdout.write(failed.length ? `TARGETS MISSED: ${failed.join('; ')}\n` : 'all targets met\n');
  }
  return failed.length ? 1 : 0;
}

process.exitCode = main();
