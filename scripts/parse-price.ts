/**
 * Command-line access to the price parser.
 *
 *   npm run --silent parse-price -- "¥12.50-18.00" [--hint USD] [--locale ja-JP] [--host www.amazon.co.jp] [--ds ,]
 *     prints {"amount","currency","currencyText","max"}
 *   npm run --silent parse-price -- --batch CASES.json   (or --batch - to read standard input)
 *     CASES is a JSON array of {"string", "currency_hint"?, "decimal_separator"?, "locale"?, "hostname"?};
 *     prints a JSON array of {"amount","currency","currencyText"} in the same order.
 */
import { readFileSync } from 'node:fs';
import { type PriceContext, parsePrice } from '../core/price';

interface BatchItem {
  string?: unknown;
  currency_hint?: unknown;
  decimal_separator?: unknown;
  locale?: unknown;
  hostname?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const sep = (v: unknown): '.' | ',' | null => (v === '.' || v === ',' ? v : null);

function usage(): never {
  process.stderr.write(
    'usage: parse-price "<price text>" [--hint H] [--locale L] [--host H] [--ds .|,]\n' +
      '       parse-price --batch CASES.json|-\n',
  );
  process.exit(2);
}

function main(argv: string[]): void {
  const opts = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined) usage();
      opts.set(a.slice(2), value);
      i += 1;
    } else {
      positional.push(a);
    }
  }
  const batch = opts.get('batch');
  if (batch !== undefined) {
    const raw = readFileSync(batch === '-' ? 0 : batch, 'utf8');
    const items: unknown = JSON.parse(raw);
    if (!Array.isArray(items)) throw new Error('--batch expects a JSON array');
    const out = items.map((item: BatchItem | null) => {
      const ctx: PriceContext = {
        currencyHint: str(item?.currency_hint),
        decimalSeparator: sep(item?.decimal_separator),
        locale: str(item?.locale),
        hostname: str(item?.hostname),
      };
      const p = parsePrice(str(item?.string), ctx);
      return { amount: p.amount, currency: p.currency, currencyText: p.currencyText };
    });
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  if (positional.length !== 1) usage();
  const p = parsePrice(positional[0] ?? '', {
    currencyHint: opts.get('hint') ?? null,
    locale: opts.get('locale') ?? null,
    hostname: opts.get('host') ?? null,
    decimalSeparator: sep(opts.get('ds')),
  });
  process.stdout.write(
    `${JSON.stringify({ amount: p.amount, currency: p.currency, currencyText: p.currencyText, max: p.max ?? null })}\n`,
  );
}

main(process.argv.slice(2));
