// The side panel's results list, measured in Debian's Chromium: the list exactly as the panel renders it
// (entrypoints/sidepanel/results/ResultsList.tsx with components/offer/OfferCard.tsx and the panel's
// stylesheets), bundled with scripts/bench/results-entry.tsx and run in a blank page 400 × 860 px (a side panel),
// over synthetic offers (ranking is not included: it is benchmarked in node-bench.ts). Figures:
//   results_render_60_ms      render of 60 offers to the painted frame (median of 9, after 5 warm-up renders)
//   results_render_60_cold_ms the first of those renders in a fresh page (code not yet compiled)
//   results_dom_nodes_60      elements the list put in the page for 60 offers
//   results_dom_nodes_600     the same for 600: a virtualised list renders one card per visible slot, so this
//                             stays near the figure for 60 (the target is at most twice it)
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RUNS = 9;

async function bundle() {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    plugins: [preact()],
    resolve: { alias: { '#i18n': resolve(ROOT, 'scripts/bench/i18n-stub.ts') } },
    // As the extension's build sets it: the production code paths of Preact.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      cssCodeSplit: false,
      lib: {
        entry: resolve(ROOT, 'scripts/bench/results-entry.tsx'),
        formats: ['iife'],
        name: 'SourceLensResultsBench',
      },
    },
  });
  const output = (Array.isArray(out) ? out[0] : out).output;
  const js = output.find((o) => o.type === 'chunk')?.code ?? '';
  const css = output
    .filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'))
    .map((o) => String(o.source))
    .join('\n');
  return { js, css };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

/** `results_render_60_ms`, `results_dom_nodes_60`, `results_dom_nodes_600` (see the header). */
export async function resultsFigures({ log = console.error } = {}) {
  const { js, css } = await bundle();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 400, height: 860 } });
    // Offer pictures are not fetched: the figure is the list's, not the network's.
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest()
        ? route.fulfill({
            status: 200,
            contentType: 'text/html',
            body: '<!doctype html><html><body></body></html>',
          })
        : route.abort(),
    );
    await page.goto('https://bench.invalid/');
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: js });
    const run = (n) => page.evaluate((count) => globalThis.__resultsBench.renderOffers(count), n);
    // The first render in a fresh page pays for compiling the code: reported apart, then a few more warm it up.
    const cold = await run(60);
    for (let i = 0; i < 4; i++) await run(60);
    const times = [];
    let nodes60 = 0;
    let cards60 = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await run(60);
      times.push(r.ms);
      nodes60 = r.nodes;
      cards60 = r.cards;
    }
    const r600 = await run(600);
    const round = (x) => Math.round(x * 10) / 10;
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    log(
      `results list: 60 offers ${times.map(round).join(' ')} ms; ${cards60} cards / ${nodes60} elements for 60, ` +
        `${r600.cards} / ${r600.nodes} for 600 (load average ${load})`,
    );
    return {
      results_render_60_ms: round(median(times)),
      results_render_60_cold_ms: round(cold.ms),
      results_dom_nodes_60: nodes60,
      results_dom_nodes_600: r600.nodes,
    };
  } finally {
    await browser.close();
  }
}

// Run alone: `node scripts/bench/results.mjs`.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await resultsFigures()));
