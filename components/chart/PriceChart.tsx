import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatMoney } from '../../core/money';
import { t, uiLocale } from '../i18n';
import { Button } from '../ui';
import { type ChartSeries, heldAt, type Via } from './price-series';
import './chart.css';

const VIA_TEXT: Record<Via, () => string> = {
  spotter: () => t('chartViaSpotter'),
  search: () => t('chartViaSearch'),
  harvest: () => t('chartViaHarvest'),
  'offer-page': () => t('chartViaOfferPage'),
  refresh: () => t('chartViaRefresh'),
};

/** A token's colour as the page's theme sets it (light or dark): uPlot draws on a canvas, not with CSS. */
const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim() || '#888';

/** A price scale's range: the prices seen with a tenth of their spread around them (a flat price: ±10 %). */
const padded = (_u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax => {
  if (min === null || max === null) return [0, 1];
  const pad = max > min ? (max - min) / 10 : Math.max(Math.abs(max) / 10, 0.01);
  return [Math.max(0, min - pad), max + pad];
};

const yuan = (v: number) => formatMoney({ minor: Math.round(v * 100), currency: 'CNY' });

/**
 * The full price history of a kept offer (uPlot): the retail product's price (right scale) and the wholesale
 * price at the buyer's quantity (left scale) on one time axis, in CNY, as steps (a price holds until the next one seen). Hovering (or the
 * earlier/later buttons) shows a point's value, date and how it was seen under the chart.
 */
export function PriceChart(props: { series: ChartSeries; width: number; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState<number | null>(null);
  const plot = useRef<uPlot | null>(null);
  const s = props.series;
  const last = s.xs.length - 1;

  useEffect(() => {
    const el = box.current;
    if (!el || s.xs.length === 0) return;
    const fg = token(el, '--fg-muted');
    const grid = token(el, '--border');
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const opts: uPlot.Options = {
      width: props.width,
      height: props.height ?? 160,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      // One time axis; each price on its own scale (wholesale left, retail right): a ¥9 offer beside a ¥79
      // dress would otherwise be a flat line at the bottom.
      scales: { x: { time: true }, w: { range: padded }, r: { range: padded } },
      axes: [
        {
          stroke: fg,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          size: 28,
          font: '11px sans-serif',
        },
        {
          scale: 'w',
          stroke: token(el, '--accent'),
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          size: 44,
          font: '11px sans-serif',
          values: (_u, vals) => vals.map((v) => (v == null ? '' : `¥${v}`)),
        },
        {
          scale: 'r',
          side: 1,
          stroke: token(el, '--info-fg'),
          grid: { show: false },
          ticks: { stroke: grid },
          size: 44,
          font: '11px sans-serif',
          values: (_u, vals) => vals.map((v) => (v == null ? '' : `¥${v}`)),
        },
      ],
      series: [
        {},
        {
          label: t('chartRetail'),
          scale: 'r',
          stroke: token(el, '--info-fg'),
          width: 1.5,
          spanGaps: true,
          paths: stepped,
          points: { show: true, size: 4 },
        },
        {
          label: t('chartWholesale'),
          scale: 'w',
          stroke: token(el, '--accent'),
          width: 2,
          spanGaps: true,
          paths: stepped,
          points: { show: true, size: 4 },
        },
      ],
      hooks: { setCursor: [(u) => setIndex(u.cursor.idx ?? null)] },
    };
    const u = new uPlot(opts, [s.xs, s.retail, s.wholesale] as uPlot.AlignedData, el);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [s, props.width, props.height]);

  if (s.xs.length === 0)
    return (
      <p class="ui-small ui-muted" data-testid="price-chart-empty">
        {t('chartNoHistory')}
      </p>
    );

  const shown = index ?? last;
  const at = s.xs[shown] ?? 0;
  const retail = heldAt(s.retail, s.retailVia, shown);
  const wholesale = heldAt(s.wholesale, s.wholesaleVia, shown);
  // Stepping through the points from the keyboard: the readout follows, and uPlot's cursor shows where.
  const step = (by: number) => {
    const next = Math.max(0, Math.min(last, shown + by));
    setIndex(next);
    const u = plot.current;
    if (u) {
      const left = u.valToPos(s.xs[next] ?? 0, 'x');
      const w = s.wholesale[next];
      const top = w != null ? u.valToPos(w, 'w') : u.valToPos(s.retail[next] ?? 0, 'r');
      u.setCursor({ left, top }, false);
    }
  };
  return (
    <figure class="price-chart" data-testid="price-chart" data-points={s.xs.length}>
      <div
        ref={box}
        class="price-chart__plot"
        role="img"
        aria-label={t('chartLabel', [String(s.xs.length)])}
      />
      <figcaption class="price-chart__legend ui-small">
        <span class="price-chart__key price-chart__key--retail">{t('chartRetail')}</span>
        <span class="price-chart__key price-chart__key--wholesale">{t('chartWholesale')}</span>
      </figcaption>
      <div class="price-chart__steps">
        <Button
          size="sm"
          variant="ghost"
          disabled={shown <= 0}
          data-testid="chart-earlier"
          onClick={() => step(-1)}
        >
          {t('chartEarlier')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={shown >= last}
          data-testid="chart-later"
          onClick={() => step(1)}
        >
          {t('chartLater')}
        </Button>
      </div>
      <p
        id="price-chart-readout"
        class="price-chart__readout ui-small"
        data-testid="chart-readout"
        aria-live="polite"
      >
        <span>
          {new Date(at * 1000).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })}
        </span>
        {wholesale ? (
          <span data-testid="chart-readout-wholesale" data-via={wholesale.via}>
            {t('chartPointWholesale', [yuan(wholesale.value), VIA_TEXT[wholesale.via]()])}
          </span>
        ) : null}
        {retail ? (
          <span data-testid="chart-readout-retail" data-via={retail.via}>
            {t('chartPointRetail', [yuan(retail.value), VIA_TEXT[retail.via]()])}
          </span>
        ) : null}
      </p>
    </figure>
  );
}
