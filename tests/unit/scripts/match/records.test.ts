import { describe, expect, it } from 'vitest';
import {
  inferSchema,
  parseDittoPairs,
  parseDittoRecord,
  recordFeatureNames,
} from '../../../../scripts/lib/match/records';
import { matchingFixture as fixture } from './support';

describe('Ditto records', () => {
  it('parses attributes including empty values', () => {
    const rec = parseDittoRecord('COL title VAL sony dsc-w800 COL brand VAL  COL price VAL 89.0 ');
    expect(rec).toEqual([
      ['title', 'sony dsc-w800'],
      ['brand', ''],
      ['price', '89.0'],
    ]);
  });

  it('parses pair files and infers numeric attributes', () => {
    const pairs = parseDittoPairs(fixture('amazon-google.train.sample.txt'));
    expect(pairs).toHaveLength(40);
    expect(pairs.filter((p) => p.label === 1)).toHaveLength(15);
    const schema = inferSchema(pairs.flatMap((p) => [p.left, p.right]));
    expect(schema.attrs).toEqual(['title', 'manufacturer', 'price']);
    expect(schema.numeric).toEqual([false, false, true]);
    expect(recordFeatureNames(schema)).toContain('price.ratio');
  });

  it('skips malformed lines', () => {
    expect(
      parseDittoPairs('a\tb\n\nCOL t VAL x\tCOL t VAL y\t1\nCOL t VAL x\tCOL t VAL y\t7\n'),
    ).toHaveLength(1);
  });
});
