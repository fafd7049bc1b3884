/**
 * Train the shipped title model (core/match/model/title-gbdt.json): GBDT over the symmetric title-pair
 * features of `pairFeaturesInto`, on the title/name attribute of the train splits of the shared
 * entity-matching benchmarks. Valid splits are only reported, never used for fitting.
 *
 *   npx tsx scripts/train-match.ts [--data /work/shared/data/matching] [--out core/match/model/title-gbdt.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { predictRaw, sigmoid } from '../core/match/classifier';
import {
  buildIdf,
  PAIR_FEATURE_COUNT,
  PAIR_FEATURE_NAMES,
  type PreparedText,
  pairFeaturesInto,
  prepareText,
} from '../core/match/similarity';
import { compactModel, type Matrix, trainGbdt } from './lib/match/gbdt';
import { type LabelledPair, parseDittoPairs } from './lib/match/records';
import { bestThreshold, f1At } from './lib/match/thresholds';

const SETS = [
  'er-magellan/Textual/Abt-Buy',
  'er-magellan/Structured/Amazon-Google',
  'er-magellan/Structured/Walmart-Amazon',
  'wdc-titles/all',
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

function titleOf(rec: LabelledPair['left']): string {
  return rec[0]?.[1] ?? '';
}

function readPairs(path: string): LabelledPair[] {
  return parseDittoPairs(readFileSync(path, 'utf8'));
}

interface Block {
  name: string;
  X: Matrix;
  y: Float64Array;
  groups: string[];
}

/** Features of title pairs; IDF over the distinct titles of the given pairs (like one search's offers). */
function block(name: string, pairs: LabelledPair[]): Block {
  const cache = new Map<string, PreparedText>();
  const prep = (s: string): PreparedText => {
    let p = cache.get(s);
    if (!p) {
      p = prepareText(s);
      cache.set(s, p);
    }
    return p;
  };
  for (const p of pairs) {
    prep(titleOf(p.left));
    prep(titleOf(p.right));
  }
  const idf = buildIdf(cache.values());
  const data = new Float64Array(pairs.length * PAIR_FEATURE_COUNT);
  pairs.forEach((p, i) => {
    pairFeaturesInto(prep(titleOf(p.left)), prep(titleOf(p.right)), idf, data, i * PAIR_FEATURE_COUNT);
  });
  return {
    name,
    X: { rows: pairs.length, cols: PAIR_FEATURE_COUNT, data },
    y: Float64Array.from(pairs, (p) => p.label),
    groups: pairs.map((p) => `${name}|${p.leftKey}`),
  };
}

function concat(blocks: Block[]): Block {
  const rows = blocks.reduce((s, b) => s + b.X.rows, 0);
  const data = new Float64Array(rows * PAIR_FEATURE_COUNT);
  const y = new Float64Array(rows);
  const groups: string[] = [];
  let r = 0;
  for (const b of blocks) {
    data.set(b.X.data, r * PAIR_FEATURE_COUNT);
    y.set(b.y, r);
    groups.push(...b.groups);
    r += b.X.rows;
  }
  return { name: 'all', X: { rows, cols: PAIR_FEATURE_COUNT, data }, y, groups };
}

function rowsOf(b: Block, idx: number[]): { X: Matrix; y: number[] } {
  const data = new Float64Array(idx.length * b.X.cols);
  idx.forEach((r, i) => {
    data.set(b.X.data.subarray(r * b.X.cols, (r + 1) * b.X.cols), i * b.X.cols);
  });
  return { X: { rows: idx.length, cols: b.X.cols, data }, y: idx.map((i) => b.y[i] as number) };
}

function main(): void {
  const root = arg('--data', '/work/shared/data/matching');
  const out = arg('--out', 'core/match/model/title-gbdt.json');
  const params = { nTrees: 40, learningRate: 0.25, maxDepth: 4, colsample: 0.8 };
  const trainBlocks: Block[] = [];
  const validBlocks: Block[] = [];
  for (const set of SETS) {
    const dir = join(root, set);
    const tr = existsSync(join(dir, 'train.txt')) ? join(dir, 'train.txt') : join(dir, 'train.txt.small');
    const va = existsSync(join(dir, 'valid.txt')) ? join(dir, 'valid.txt') : join(dir, 'valid.txt.small');
    trainBlocks.push(block(set, readPairs(tr)));
    validBlocks.push(block(set, readPairs(va)));
  }
  const all = concat(trainBlocks);
  // 5-fold grouped CV for the threshold.
  const foldOf = new Map<string, number>();
  let next = 0;
  const fold = all.groups.map((g) => {
    let f = foldOf.get(g);
    if (f === undefined) {
      f = next++ % 5;
      foldOf.set(g, f);
    }
    return f;
  });
  const oof = new Float64Array(all.X.rows);
  for (let f = 0; f < 5; f++) {
    const tr: number[] = [];
    const va: number[] = [];
    fold.forEach((g, i) => {
      (g === f ? va : tr).push(i);
    });
    const { X, y } = rowsOf(all, tr);
    const m = trainGbdt(X, y, { params });
    for (const i of va) oof[i] = sigmoid(predictRaw(m, all.X.data, i * all.X.cols));
  }
  const choice = bestThreshold(oof, all.y);
  const model = trainGbdt(all.X, all.y, { params, featureNames: [...PAIR_FEATURE_NAMES] });
  model.threshold = choice.threshold;
  const shipped = compactModel(model, 5);
  writeFileSync(out, `${JSON.stringify(shipped)}\n`);
  process.stderr.write(`cv f1 ${choice.f1.toFixed(4)} at threshold ${choice.threshold.toFixed(3)}\n`);
  for (const b of validBlocks) {
    const s = new Float64Array(b.X.rows);
    for (let r = 0; r < b.X.rows; r++) s[r] = sigmoid(predictRaw(shipped, b.X.data, r * b.X.cols));
    const res = f1At(s, b.y, shipped.threshold);
    const tuned = bestThreshold(s, b.y);
    process.stderr.write(
      `${b.name.padEnd(40)} valid f1 ${res.f1.toFixed(4)} (p ${res.precision.toFixed(3)} r ${res.recall.toFixed(3)}); ` +
        `oracle-threshold f1 ${tuned.f1.toFixed(4)}\n`,
    );
  }
  process.stderr.write(`wrote ${out} (${readFileSync(out).length} bytes)\n`);
}

main();
