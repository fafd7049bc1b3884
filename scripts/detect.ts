/**
 * Run the product detector on saved pages.
 *   npm run --silent detect -- FILE URL          one page (.html or .html.gz)
 *   npm run --silent detect -- --batch LIST.json  LIST: [{"file": …, "url": …}, …]
 * Prints the DetectedProduct (or null) as JSON, prices as {amount: "12.50", currency: "EUR"}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { detectProduct } from '../core/detect';
import type { DetectedProduct } from '../core/detect/types';
import { type Money, minorToDecimal } from '../core/money';
import { decodeHtml } from '../core/text/charset';

/**
 * A saved page (.html or .html.gz) as text, decoded as a browser would: byte-order mark, then `encoding` (the
 * charset its server declared, when recorded), then its own meta charset, else UTF-8.
 */
export function loadPage(file: string, encoding?: string | null): string {
  let bytes: Uint8Array = readFileSync(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  return decodeHtml(bytes, encoding);
}

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const money = (m: Money | null) =>
  m ? { amount: minorToDecimal(m.minor, m.currency), currency: m.currency } : null;

/** The detector's output with Money as decimal strings, for people and other tools. */
export function printable(p: DetectedProduct | null) {
  return p ? { ...p, price: money(p.price), priceMax: money(p.priceMax) } : null;
}

export function detectFile(file: string, url: string, encoding?: string | null) {
  return printable(detectProduct(parsePage(loadPage(file, encoding)), url));
}

function main(argv: string[]): number {
  if (argv[0] === '--batch' && argv[1]) {
    const list = JSON.parse(readFileSync(argv[1], 'utf8')) as {
      file: string;
      url: string;
      encoding?: string;
    }[];
    const base = resolve(argv[1], '..');
    const out = list.map((e) => {
      try {
        // Relative files: from the working directory, else from the list's folder.
        const file = existsSync(resolve(e.file)) ? resolve(e.file) : resolve(base, e.file);
        return detectFile(file, e.url, e.encoding);
      } catch {
        return null;
      }
    });
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    return 0;
  }
  if (argv.length >= 2 && argv[0] && argv[1]) {
    process.stdout.write(`${JSON.stringify(detectFile(argv[0], argv[1]), null, 2)}\n`);
    return 0;
  }
  process.stderr.write('usage: detect FILE URL | detect --batch LIST.json\n');
  return 2;
}

if (/[\\/]detect\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) process.exitCode = main(process.argv.slice(2));
