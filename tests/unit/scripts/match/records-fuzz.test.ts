/**
 * Fuzzing the benchmark-format reader (Ditto pair files: `COL <attr> VAL <value> …` sides, tab, label): any text
 * gives pairs with a 0/1 label and attributes read from the text, and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDittoPairs } from '../../../../scripts/lib/match/records';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../../support/arbitraries';

const side = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }))
        .map(([a, v]) => `COL ${a} VAL ${v}`),
      fc.constantFrom('COL', 'VAL', 'COL  VAL', '\t', '\r', 'COL title VAL', '__proto__'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(' '));
const line = fc
  .tuple(
    side,
    side,
    fc.oneof(fc.constantFrom('0', '1', ' 1 ', '2', '-1', '1.5', 'x'), fc.string({ maxLength: 3 })),
  )
  .map(([l, r, label]) => `${l}\t${r}\t${label}`);
const file = fc
  .array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), {
    maxLength: 8,
  })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

describe('the Ditto pair reader on any text', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('never throws; every pair has a 0/1 label and string attributes', () => {
    fc.assert(
      fc.property(file, (text) => {
        for (const pair of parseDittoPairs(text)) {
          expect([0, 1]).toContain(pair.label);
          for (const [name, value] of [...pair.left, ...pair.right]) {
            expect(typeof name).toBe('string');
            expect(typeof value).toBe('string');
          }
        }
      }),
      FUZZ_RUNS,
    );
  });
});
