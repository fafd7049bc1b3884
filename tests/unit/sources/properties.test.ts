import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuery } from '../../../core/sources/query';
import { parseLooseJson, parseLooseLiteral } from '../../../core/text/loose-json';
import { FUZZ_TIMEOUT_MS, FUZZ_RUNS as RUNS } from '../../support/arbitraries';

describe('helpers keep their contracts on any input', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('loose reader agrees with JSON.parse on JSON and never throws otherwise', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(parseLooseJson(text)).toEqual(JSON.parse(text));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string(), fc.nat(20), (s, at) => {
        parseLooseLiteral(s, at);
      }),
      RUNS,
    );
  });

  it('query building never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = buildQuery(s);
        expect(typeof q.query).toBe('string');
        expect(['zh', 'other']).toContain(q.language);
      }),
      RUNS,
    );
  });
});
