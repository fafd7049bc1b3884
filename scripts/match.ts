/**
 * Entity-matching evaluation on Ditto-format pair files.
 *
 *   npm run --silent match -- --train A.txt[,B.txt] --eval C.txt [--verbose]
 *
 * Fits the matcher (features, tree ensemble, tree count, threshold) on the train files only and prints
 * {"f1", "precision", "recall", "threshold"} for the eval file as one JSON object.
 */
import { readFileSync } from 'node:fs';
import { trainAndEvaluate } from './lib/match/record-matcher';
import { parseDittoPairs } from './lib/match/records';

function usage(msg?: string): never {
  if (msg) process.stderr.write(`${msg}\n`);
  process.stderr.write('usage: match --train A.txt[,B.txt] --eval C.txt [--folds 5] [--verbose]\n');
  process.exit(2);
}

function main(): void {
  const args = process.argv.slice(2);
  let train: string[] = [];
  let evalPath = '';
  let folds = 5;
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) usage(`missing value for ${a}`);
      return v;
    };
    if (a === '--train') train = next().split(',').filter(Boolean);
    else if (a.startsWith('--train=')) train = a.slice(8).split(',').filter(Boolean);
    else if (a === '--eval') evalPath = next();
    else if (a.startsWith('--eval=')) evalPath = a.slice(7);
    else if (a === '--folds') folds = Number.parseInt(next(), 10);
    else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (train.length === 0 || !evalPath) usage('both --train and --eval are required');
  const t0 = performance.now();
  const read = (path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      usage(`cannot read ${path}: ${(err as Error).message}`);
    }
  };
  const trainPairs = train.flatMap((p) => parseDittoPairs(read(p)));
  const evalPairs = parseDittoPairs(read(evalPath));
  if (trainPairs.length === 0) usage('no labelled pairs in the train files');
  const res = trainAndEvaluate(trainPairs, evalPairs, {
    folds: Number.isFinite(folds) && folds >= 2 ? folds : 5,
  });
  const round = (v: number): number => Math.round(v * 10000) / 10000;
  if (verbose) {
    process.stderr.write(
      `train ${trainPairs.length} pairs, eval ${evalPairs.length}; trees ${res.nTrees}; cv f1 ${round(res.cv.f1)}; ` +
        `${Math.round(performance.now() - t0)} ms\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ f1: round(res.f1), precision: round(res.precision), recall: round(res.recall), threshold: round(res.threshold) })}\n`,
  );
}

main();
