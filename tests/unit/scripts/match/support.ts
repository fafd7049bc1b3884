import { readFileSync } from 'node:fs';
import { type Matrix, rng } from '../../../../scripts/lib/match/gbdt';

/** A labelled pair file from tests/fixtures/matching (small samples of the Ditto benchmark splits). */
export const matchingFixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/matching/${name}`, import.meta.url), 'utf8');

/** Labels are the XOR of the first two columns (no single threshold separates them); the third is noise. */
export function xorData(n: number, seed: number): { X: Matrix; y: number[] } {
  const r = rng(seed);
  const data = new Float64Array(n * 3);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = r();
    const b = r();
    data[i * 3] = a;
    data[i * 3 + 1] = b;
    data[i * 3 + 2] = r(); // noise
    y.push(a > 0.5 !== b > 0.5 ? 1 : 0);
  }
  return { X: { rows: n, cols: 3, data }, y };
}
