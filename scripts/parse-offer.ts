/**
 * npm run --silent parse-offer -- FILE
 *
 * FILE: a 1688 detail page (.html), a detail page's data object (`window.context` or `__INIT_DATA`), a keyword /
 * image search answer (whole gateway response, JSON or JSONP, or any inner `data` level) or an older `offerList`
 * answer. The shape is detected automatically. Prints a JSON array of normalised offers; absent facts are null.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { minorToDecimal } from '../core/money';
import { parseAnyText } from '../core/sources/1688/parse-any';
import type { WholesaleOffer } from '../core/sources/types';

export interface CliOffer {
  offerId: string;
  title: string;
  url: string;
  images: string[];
  priceTiers: { minQty: number; price: string }[];
  priceMin: string | null;
  priceMax: string | null;
  currency: 'CNY';
  moq: number | null;
  unit: string | null;
  dropship: boolean | null;
  sales: number | null;
  supplier: {
    name: string | null;
    loginId: string | null;
    province: string | null;
    city: string | null;
    years: number | null;
    isFactory: boolean | null;
    badges: string[];
  };
}

export function toCliOffer(o: WholesaleOffer): CliOffer {
  const money = (m: number | null) => (m === null ? null : minorToDecimal(m, 'CNY'));
  return {
    offerId: o.offerId,
    title: o.title,
    url: o.url,
    images: o.images,
    priceTiers: o.priceTiers.map((t) => ({ minQty: t.minQty, price: minorToDecimal(t.priceMinor, 'CNY') })),
    priceMin: money(o.priceMinMinor),
    priceMax: money(o.priceMaxMinor),
    currency: 'CNY',
    moq: o.moq,
    unit: o.unit,
    dropship: o.dropship,
    sales: o.sales,
    supplier: {
      name: o.supplier.name,
      loginId: o.supplier.loginId,
      province: o.supplier.province,
      city: o.supplier.city,
      years: o.supplier.years,
      isFactory: o.supplier.isFactory,
      badges: o.supplier.badges,
    },
  };
}

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('usage: npm run --silent parse-offer -- FILE\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const urlArg = argv.find((a) => a.startsWith('--url='))?.slice('--url='.length);
  const parsed = parseAnyText(text, urlArg);
  process.stdout.write(`${JSON.stringify(parsed.offers.map(toCliOffer), null, 2)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
