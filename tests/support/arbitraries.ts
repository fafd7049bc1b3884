/**
 * fast-check generators more than one property test uses, so each kind of hostile input is written once: the
 * parsers of every source face the same junk, and the matcher's tests the same hashes.
 */
import fc from 'fast-check';

/** Runs for the parsers' "never throws, only well-formed output" properties. */
export const PROPERTY_RUNS = { numRuns: 300 };

/** A 64-bit perceptual hash as the matcher stores it: 16 lower-case hex digits. */
export const hex64 = fc
  .bigInt({ min: 0n, max: (1n << 64n) - 1n })
  .map((b) => b.toString(16).padStart(16, '0'));

/** A numeric id of the length sources give offers (5 to 16 digits), as a string. */
export const numericIdText = fc.bigInt({ min: 10000n, max: 10n ** 15n }).map(String);

/** Numbers written the ways that break naive readers. */
const HOSTILE_NUMBERS = ['-1', '1e400', 'NaN'];

/**
 * Any value a page or an answer may put in a documented field: strings (with `samples`, the texts the source
 * really writes there, and numbers that break naive readers), numbers, booleans, null, arrays and objects.
 */
export function hostileValue(samples: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.string(),
    fc.constantFrom(...samples, ...HOSTILE_NUMBERS),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.object({ maxDepth: 2 }),
  );
}
