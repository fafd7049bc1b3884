import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evalJionlp,
  evalMarketplace,
  evalUpstream,
  type JionlpCase,
  type MarketplaceCase,
  TARGETS,
  type UpstreamCase,
} from '../../../scripts/lib/price/evaluate';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'prices');
// The 1688/Taobao fields have no licence, so they are read from the shared data folder, never copied.
const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'prices');
const read = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;

describe('published price test sets', () => {
  it(`scrapinghub/price-parser: ≥ ${TARGETS.upstreamPass * 100} % of the cases upstream passes`, () => {
    const { pass, knownFailures } = evalUpstream(read<UpstreamCase[]>(FIXTURES, 'price_parser_cases.json'));
    expect(pass.total).toBe(735);
    expect(pass.accuracy, JSON.stringify(pass.failures.slice(0, 10))).toBeGreaterThanOrEqual(
      TARGETS.upstreamPass,
    );
    // Not a target, but a floor against regressions on the cases upstream itself gets wrong.
    expect(knownFailures.correct).toBeGreaterThanOrEqual(70);
  });

  it('JioNLP Chinese money expressions: every case', () => {
    const t = evalJionlp(read<JionlpCase[]>(FIXTURES, 'jionlp_money_cases.json'));
    expect(t.total).toBe(49);
    expect(t.failures).toEqual([]);
  });

  it.skipIf(!existsSync(join(SHARED, 'cn_marketplace_price_fields.json')))(
    '1688/Taobao price fields: every case',
    () => {
      const t = evalMarketplace(read<MarketplaceCase[]>(SHARED, 'cn_marketplace_price_fields.json'));
      expect(t.total).toBeGreaterThan(0);
      expect(t.failures).toEqual([]);
    },
  );
});
