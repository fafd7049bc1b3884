// Price history at scale, measured in Debian's Chromium: the extension's own storage code (storage/db.ts,
// storage/price-history.ts, Dexie) bundled with scripts/bench/history-entry.ts into a plain page (not the built
// extension: the figures are IndexedDB's and Dexie's, and a plain page keeps the profile reusable). The database
// holds 2,000 kept offers and 1,000,000 price points, seeded with bare IndexedDB puts into a Chromium profile kept
// in .cache/bench-history-profile and reused by later runs (delete the folder to reseed). The points are laid out as
// the extension holds them after its daily maintenance: folded into per-offer blocks (storage/price-blocks.ts),
// each offer's newest point still loose. Figures:
//   history_read_ms        one kept offer's full history (500 points: four blocks and one loose point) through
//                          readHistory, median of 41 offers
//   history_read_floor_ms  bare IndexedDB getAlls of the same rows (the offer's blocks and its loose points, side by
//                          side in one transaction), same runs, interleaved
//   history_read_ratio     the two (target ≤ 2)
//   ingest_per_s           10,000 observations through recordObservations in batches of 500 (half moved prices
//                          of kept offers, half new offers), into that database: one inbox row a batch
//                          (storage/price-inbox.ts)
//   ingest_floor_per_s     the same batches as bare IndexedDB adds of one row each: what this machine's IndexedDB
//                          allows right now
//   ingest_ratio           time of the two
//   ingest_settle_per_s    settling those 10,000 into the history afterwards (settleInbox: the de-duplication rule
//                          against each subject's newest point, the points added, the newest points written), as
//                          the background does a second after recording — the deferred part of the cost
//   ingest_point_rows_per_s the same observations as bare adds of one row each (the layout before the inbox)
//   ingest_batch60_per_s   recording in batches of 60 (one search answer's page)
import { historyPage, launchHistoryProfile, OFFERS, seedHistory } from './history-profile.mjs';
import { bundleIife, loadAverage, median, round } from './lib.mjs';

const READS = 41;

const bundle = () => bundleIife('scripts/bench/history-entry.ts', 'SourceLensHistoryBench');

/** The figures named in the header; `log` gets the runs and the load average. */
export async function historyFigures({ log = console.error } = {}) {
  const code = await bundle();
  const context = await launchHistoryProfile('history bench');
  try {
    const page = await historyPage(context, code, context.pages()[0]);
    await seedHistory(page, 'history', log);
    // Kept offers spread over the key range.
    const keys = await page.evaluate(
      ([n, o]) =>
        Array.from({ length: n }, (_, i) => globalThis.__historyBench.offerKey(Math.floor((i * o) / n))),
      [READS, OFFERS],
    );
    const reads = await page.evaluate((k) => globalThis.__historyBench.timeReads(k), keys);
    const ingest = await page.evaluate(
      ([o]) => globalThis.__historyBench.timeIngest(10_000, 500, o),
      [OFFERS],
    );
    const ingest60 = await page.evaluate(
      ([o]) => globalThis.__historyBench.timeIngest(10_000, 60, o),
      [OFFERS],
    );
    const load = loadAverage();
    log(`history read (${reads.rows} points), ms: ${reads.dexie.map((x) => round(x, 1)).join(' ')}`);
    log(`bare IndexedDB read, ms: ${reads.floor.map((x) => round(x, 1)).join(' ')} (load average ${load})`);
    log(
      `ingest: ${ingest.recorded} recorded in ${round(ingest.ms)} ms (batches of 500; bare batch rows ${round(ingest.floorMs)} ms, bare point rows ${round(ingest.pointRowsMs)} ms), settled into ${ingest.settled} points in ${round(ingest.settleMs)} ms; ${ingest60.recorded} in ${round(ingest60.ms)} ms (batches of 60)`,
    );
    return {
      history_read_ms: round(median(reads.dexie)),
      history_read_floor_ms: round(median(reads.floor)),
      history_read_ratio: round(median(reads.dexie) / median(reads.floor)),
      history_read_points: reads.rows,
      ingest_per_s: Math.round((ingest.recorded / ingest.ms) * 1000),
      ingest_floor_per_s: Math.round((ingest.recorded / ingest.floorMs) * 1000),
      ingest_ratio: round(ingest.ms / ingest.floorMs),
      ingest_settle_per_s: Math.round((ingest.recorded / ingest.settleMs) * 1000),
      ingest_point_rows_per_s: Math.round((ingest.recorded / ingest.pointRowsMs) * 1000),
      ingest_batch60_per_s: Math.round((ingest60.recorded / ingest60.ms) * 1000),
    };
  } finally {
    await context.close();
  }
}

// Run alone: `node scripts/bench/history.mjs` prints the figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await historyFigures()));
