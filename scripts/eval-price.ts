/**
 * `npm run eval:price [-- --json] [-- --all]`: the price parser against published test sets.
 *
 * Reads /work/shared/data/prices (the folder `../shared/data/prices` next to the repository) and falls back to
 * the copies in tests/fixtures/prices. Prints a summary table (or, with --json, one JSON object) and exits
 * non-zero when a target is missed: ≥ 97 % on the price-parser cases upstream itself passes, 100 % on the
 * Chinese cases (JioNLP, and the 1688/Taobao fields when present).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CaseResult,
  evalJionlp,
  evalMarketplace,
  evalUpstream,
  type JionlpCase,
  type MarketplaceCase,
  TARGETS,
  type Tally,
  type UpstreamCase,
} from './lib/price/evaluate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data', 'prices');
const fixtures = path.resolve(repoRoot, 'tests', 'fixtures', 'prices');

function load<T>(file: string): { data: T; from: string } | null {
  for (const dir of [shared, fixtures]) {
    const p = path.join(dir, file);
    if (existsSync(p)) return { data: JSON.parse(readFileSync(p, 'utf8')) as T, from: p };
  }
  return null;
}

const args = new Set(process.argv.slice(2));
const upstreamData = load<UpstreamCase[]>('price_parser_cases.json');
const jionlpData = load<JionlpCase[]>('jionlp_money_cases.json');
const marketData = load<MarketplaceCase[]>('cn_marketplace_price_fields.json');
if (!upstreamData || !jionlpData) {
  process.stderr.write(`price data not found in ${shared} nor ${fixtures}\n`);
  process.exit(2);
}

const upstream = evalUpstream(upstreamData.data);
const chinese = evalJionlp(jionlpData.data);
const market = marketData ? evalMarketplace(marketData.data) : null;

const targets = {
  upstreamPass: upstream.pass.accuracy >= TARGETS.upstreamPass,
  chinese: chinese.accuracy >= TARGETS.chinese,
  marketplace: market === null || market.accuracy >= TARGETS.chinese,
};
const allMet = targets.upstreamPass && targets.chinese && targets.marketplace;

const brief = (t: Tally, limit: number) => ({
  total: t.total,
  correct: t.correct,
  accuracy: Number(t.accuracy.toFixed(4)),
  failures: t.failures.slice(0, limit),
});

if (args.has('--json')) {
  const limit = args.has('--all') ? Number.POSITIVE_INFINITY : 50;
  const report = {
    sources: { upstream: upstreamData.from, jionlp: jionlpData.from, marketplace: marketData?.from ?? null },
    upstreamPass: { ...brief(upstream.pass, limit), target: TARGETS.upstreamPass, met: targets.upstreamPass },
    upstreamKnownFailures: brief(upstream.knownFailures, limit),
    chinese: { ...brief(chinese, limit), target: TARGETS.chinese, met: targets.chinese },
    marketplace: market
      ? { ...brief(market, limit), target: TARGETS.chinese, met: targets.marketplace }
      : null,
    targetsMet: allMet,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  const row = (name: string, t: Tally, target: string, met: boolean | null) =>
    `${name.padEnd(44)}${String(t.total).padStart(6)}${String(t.correct).padStart(9)}${pct(t.accuracy).padStart(11)}  ${target.padEnd(8)}${met === null ? '' : met ? 'ok' : 'MISSED'}`;
  const lines = [
    `data: ${path.dirname(upstreamData.from)}`,
    '',
    `${'set'.padEnd(44)}${'cases'.padStart(6)}${'correct'.padStart(9)}${'accuracy'.padStart(11)}  target`,
    row('price-parser, cases upstream passes', upstream.pass, '≥ 97 %', targets.upstreamPass),
    row("price-parser, upstream's known failures", upstream.knownFailures, '-', null),
    row('JioNLP Chinese money expressions', chinese, '100 %', targets.chinese),
  ];
  if (market) lines.push(row('1688/Taobao price fields (CNY)', market, '100 %', targets.marketplace));
  else lines.push('1688/Taobao price fields: not found (skipped)');
  const show = (title: string, failures: CaseResult[]) => {
    if (failures.length === 0) return;
    const limit = args.has('--all') ? failures.length : 25;
    lines.push(
      '',
      `${title} (${failures.length}${failures.length > limit ? `, first ${limit}; --all for every one` : ''}):`,
    );
    for (const f of failures.slice(0, limit)) {
      const hint = f.hint ? ` hint=${JSON.stringify(f.hint)}` : '';
      const exp = `${f.expected.amount}${f.expected.max ? `..${f.expected.max}` : ''} ${JSON.stringify(f.expected.currency)}`;
      const got = `${f.got.amount}${f.got.max ? `..${f.got.max}` : ''} ${JSON.stringify(f.got.currencyText)}/${f.got.currency}`;
      lines.push(`  ${JSON.stringify(f.input)}${hint}: expected ${exp}, got ${got}`);
    }
  };
  show('failures, cases upstream passes', upstream.pass.failures);
  show('failures, Chinese cases', chinese.failures);
  if (market) show('failures, 1688/Taobao fields', market.failures);
  if (args.has('--all'))
    show("still failing among upstream's known failures", upstream.knownFailures.failures);
  lines.push('', allMet ? 'all targets met' : 'TARGET MISSED');
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exit(allMet ? 0 : 1);
