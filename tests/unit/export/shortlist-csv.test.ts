import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  CSV_COLUMNS,
  type CsvColumn,
  type ShortlistCsvOptions,
  type ShortlistCsvRow,
  shortlistCsv,
} from '../../../core/export/shortlist-csv';
import { DEFAULT_RATES } from '../../../core/match/margin';
import { offer } from '../../support/builders';

const HEADERS = Object.fromEntries(CSV_COLUMNS.map((c) => [c, `H:${c}`])) as Record<CsvColumn, string>;
const OPTIONS: ShortlistCsvOptions = {
  headers: HEADERS,
  quantity: 50,
  shippingPerUnitMinor: 0,
  platformFeePct: 0,
  rates: DEFAULT_RATES,
};

function row(over: Partial<ShortlistCsvRow> = {}): ShortlistCsvRow {
  return {
    entry: { note: '', tags: [], status: 'considering', addedAt: Date.UTC(2026, 11, 1), quantity: null },
    offer: offer({
      title: '夏季 连衣裙',
      supplier: { name: '义乌某某服饰' },
      currency: 'CNY',
      priceTiers: [
        { minQty: 2, priceMinor: 1500 },
        { minQty: 100, priceMinor: 1200 },
        { minQty: 30, priceMinor: 1300 },
      ],
      moq: 2,
    }),
    product: null,
    ...over,
  };
}

/** The parsed cells, header row first (the BOM checked and taken off). */
function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const out = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
  expect(out.errors).toEqual([]);
  return out.data;
}

const cell = (table: string[][], col: CsvColumn, r = 1) => table[r]?.[CSV_COLUMNS.indexOf(col)];

describe('shortlistCsv', () => {
  it('writes the headers given and one row per offer with its price at the quantity, tiers and MOQ', () => {
    const table = parse(shortlistCsv([row(), row({ offer: null })], OPTIONS));
    expect(table[0]).toEqual(CSV_COLUMNS.map((c) => `H:${c}`));
    expect(table).toHaveLength(3);
    expect(cell(table, 'title')).toBe('夏季 连衣裙');
    expect(cell(table, 'supplier')).toBe('义乌某某服饰');
    expect(cell(table, 'link')).toBe('https://detail.1688.com/offer/600000000001.html');
    // 50 pieces: the 30+ tier.
    expect(cell(table, 'priceAtQuantity')).toBe('13.00');
    expect(cell(table, 'currency')).toBe('CNY');
    expect(cell(table, 'moq')).toBe('2');
    expect(cell(table, 'tiers')).toBe('≥2: 15.00; ≥30: 13.00; ≥100: 12.00');
    expect(cell(table, 'keptOn')).toBe('2026-12-01');
    // An entry whose offer row is gone still gets its row.
    expect(cell(table, 'title', 2)).toBe('');
  });

  it("uses the entry's own quantity over the settings' one", () => {
    const r = row();
    const table = parse(shortlistCsv([{ ...r, entry: { ...r.entry, quantity: 100 } }], OPTIONS));
    expect(cell(table, 'priceAtQuantity')).toBe('12.00');
  });

  it('works out the margin against the retail product in CNY at the rates', () => {
    // US$5.00 = ¥35.50; cost ¥13.00 + ¥1.00 shipping; fee 10 % = ¥3.55 → profit ¥17.95 = 50.56 %.
    const table = parse(
      shortlistCsv([row({ product: { title: 'Summer dress', priceMinor: 500, currency: 'USD' } })], {
        ...OPTIONS,
        shippingPerUnitMinor: 100,
        platformFeePct: 10,
      }),
    );
    expect(cell(table, 'marginPct')).toBe('50.56');
    expect(cell(table, 'retailProduct')).toBe('Summer dress');
  });

  it('shows statuses, notes and tags as given, with commas, quotes and line breaks kept', () => {
    const r = row();
    const table = parse(
      shortlistCsv(
        [{ ...r, entry: { ...r.entry, note: 'ask "sample", 2 pcs\nthen order', tags: ['summer', '夏'] } }],
        { ...OPTIONS, statusLabel: (s) => `S:${s}` },
      ),
    );
    expect(cell(table, 'status')).toBe('S:considering');
    expect(cell(table, 'notes')).toBe('ask "sample", 2 pcs\nthen order');
    expect(cell(table, 'tags')).toBe('summer, 夏');
  });

  it('neutralises formulas, including what escapeFormulae alone lets through', () => {
    const payloads = [
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '=1\n2', // papaparse's own test stops at the line break
      '\n=1',
      '  =1+1',
      '＝1＋1',
      '\u3000=1',
    ];
    for (const p of payloads) {
      const table = parse(shortlistCsv([row({ offer: offer({ title: p }) })], OPTIONS));
      expect(cell(table, 'title'), JSON.stringify(p)).toBe(`'${p}`);
    }
  });
});

/** Characters a spreadsheet starts a formula (or a DDE call) with, ASCII and full width. */
const DANGEROUS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);
const isPlainNumber = (s: string) => /^-?\d+(\.\d+)?$/.test(s);

describe('shortlistCsv against injection payloads (property)', () => {
  const payload = fc.oneof(
    fc.string(),
    fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '\u3000', '\u00a0', '\n', '\t'),
        fc.constantFrom(...DANGEROUS, '"', ',', "'"),
        fc.string(),
      )
      .map(([a, b, c]) => a + b + c),
  );

  it('no cell of the parsed output starts a formula, whatever the text fields hold', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: payload,
          url: payload,
          supplier: payload,
          note: payload,
          tags: fc.array(payload, { maxLength: 3 }),
          status: payload,
          product: payload,
        }),
        (f) => {
          const r = row();
          const input: ShortlistCsvRow = {
            entry: { ...r.entry, note: f.note, tags: f.tags, status: f.status },
            offer: offer({ title: f.title, url: f.url, supplier: { name: f.supplier }, moq: 2 }),
            product: { title: f.product, priceMinor: 100, currency: 'CNY' },
          };
          const table = parse(shortlistCsv([input], { ...OPTIONS, statusLabel: (s) => s }));
          expect(table).toHaveLength(2);
          for (const c of table[1] ?? []) {
            if (isPlainNumber(c)) continue;
            expect(DANGEROUS.has(c.charAt(0)), JSON.stringify(c)).toBe(false);
            expect(DANGEROUS.has(c.trimStart().charAt(0)), JSON.stringify(c)).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
