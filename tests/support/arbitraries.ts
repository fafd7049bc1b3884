/**
 * fast-check generators more than one property test uses, so each kind of hostile input is written once: the
 * parsers of every source face the same junk, and the matcher's tests the same hashes.
 */
import fc from 'fast-check';

/** Runs for properties of logic that is not a parser of outside input (templates, links we build). */
export const PROPERTY_RUNS = { numRuns: 300 };

const ci = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Runs for the parsers' "never throws, never returns out-of-range values" properties: everything that reads a
 * page, a source's answer or a file. At least 10,000 each in CI (the hardening issue's floor); 1,000 on a
 * developer's `npm test`, so a local run stays quick; `FUZZ_RUNS=n` sets it either way.
 */
export const FUZZ_RUNS = {
  numRuns: Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : ci ? 10_000 : 1_000,
};

/**
 * The hang guard of a fuzzing test (passed as the test's timeout): 10,000 runs of a DOM parser take tens of
 * seconds on a busy 2-core machine. Not a speed check: speed is measured by the bench.
 */
export const FUZZ_TIMEOUT_MS = 600_000;

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
