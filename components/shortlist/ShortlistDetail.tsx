import type { ComponentType } from 'preact';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { currencyExponent, formatMoney } from '../../core/money';
import { isSourceId } from '../../core/sources/index';
import { sendMessage } from '../../messaging/client';
import type { OfferReply } from '../../messaging/search';
import { db } from '../../storage/db';
import type { MarginSettings } from '../../storage/settings/margin';
import type { ShortlistStatus } from '../../storage/types';
import { chartSeries } from '../chart/price-series';
import { ExternalLink } from '../ExternalLink';
import { t } from '../i18n';
import { OfferDetails } from '../offer/OfferDetails';
import { VariantsTable } from '../offer/VariantsTable';
import { sourceLabelById } from '../source-text';
import { Thumb } from '../Thumb';
import { Banner, Button, NumberField, Skeleton, useToast } from '../ui';
import { useLiveQuery } from '../useLiveQuery';
import { readHistories } from './data';
import { changeText, formatWhen } from './format';
import { NoteTags } from './NoteTags';
import { changeSinceKept, type ReviewRow, tierRows } from './review';
import { StatusSteps } from './StatusSteps';
import './shortlist.css';

type ChartProps = { series: ReturnType<typeof chartSeries>; width: number };
/** uPlot is loaded with the first detail view opened: the list never waits for it. */
let chartModule: Promise<ComponentType<ChartProps>> | null = null;
const loadChart = () => {
  chartModule ??= import('../chart/PriceChart').then((m) => m.PriceChart);
  return chartModule;
};

/**
 * One kept offer in full: its price history chart (retail and wholesale at the buyer's quantity), where it is in
 * the buying steps with the date of each change, its target price, note and tags, and its tiers and variants as
 * last read. Escape (or Back) returns to the list.
 */
export function ShortlistDetail(props: { row: ReviewRow; settings: MarginSettings; onBack: () => void }) {
  const { row, settings } = props;
  const o = row.offer;
  const quantity = row.entry.quantity ?? settings.quantity;
  const headingId = useId();
  const root = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState<'status' | 'note' | 'target' | null>(null);
  const [failed, setFailed] = useState(false);
  const { toast, show } = useToast();
  const keys = row.entry.productKey ? [o.key, row.entry.productKey] : [o.key];
  const histories = useLiveQuery(() => readHistories(db(), keys), [keys.join('\n')]);
  const series = useMemo(
    () =>
      histories
        ? chartSeries(
            row.entry.productKey ? (histories.get(row.entry.productKey) ?? []) : [],
            histories.get(o.key) ?? [],
            quantity,
            settings.rates,
          )
        : null,
    [histories, quantity, settings.rates],
  );
  const [Chart, setChart] = useState<{ C: ComponentType<ChartProps> } | null>(null);
  useEffect(() => {
    let live = true;
    void loadChart().then((C) => live && setChart({ C }));
    return () => {
      live = false;
    };
  }, []);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The heading takes the focus on open, so a screen reader says where the person is; Escape goes back.
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('h2')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      // Escape in a field leaves the field first (what is typed there stays); the next one goes back.
      const target = e.target as HTMLElement | null;
      if (target?.matches('input, textarea, select')) target.blur();
      else props.onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = async (what: 'status' | 'note' | 'target', call: () => Promise<unknown>, done: string) => {
    setBusy(what);
    setFailed(false);
    try {
      await call();
      show(done);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  const setStatus = (status: ShortlistStatus) =>
    run(
      'status',
      () => sendMessage('setOfferStatus', { offerKey: o.key, productKey: row.entry.productKey, status }),
      t('shortlistStatusSaved'),
    );
  const saveNote = (change: { note: string; tags: string[] }) =>
    run(
      'note',
      () => sendMessage('keepOffer', { offerKey: o.key, productKey: row.entry.productKey, ...change }),
      t('shortlistNoteSaved'),
    );
  const scale = 10 ** currencyExponent(o.currency);
  const setTarget = (value: number | null) =>
    run(
      'target',
      () =>
        sendMessage('setTargetPrice', {
          offerKey: o.key,
          targetPriceMinor: value === null || value <= 0 ? null : Math.max(1, Math.round(value * scale)),
        }),
      t('shortlistTargetSaved'),
    );

  const offerHistory = histories?.get(o.key);
  const moved =
    row.change ?? (offerHistory ? changeSinceKept(offerHistory, row.entry.addedAt, quantity) : null);
  const change = moved ? changeText(moved) : null;
  const tiers = tierRows(o, quantity);
  const [details, setDetails] = useState<OfferReply | 'loading' | null>(null);
  const source = o.source;
  const readDetails = () => {
    if (!isSourceId(source)) return;
    setDetails('loading');
    sendMessage('readOffer', { source, offerId: o.offerId })
      .then(setDetails)
      .catch(() => setDetails(null));
  };
  const target = row.entry.targetPriceMinor ?? null;
  return (
    <section
      ref={root}
      class="sl-detail"
      aria-labelledby={headingId}
      data-testid="shortlist-detail"
      data-offer-key={o.key}
    >
      <div class="sl-detail__bar">
        <Button size="sm" variant="ghost" data-testid="detail-back" onClick={props.onBack}>
          {t('shortlistBack')}
        </Button>
      </div>
      <div class="sl-detail__head">
        <Thumb class="sl-detail__image" url={o.images[0]} />
        <div class="sl-detail__title">
          <h2 id={headingId} tabIndex={-1} class="ui-clamp-2">
            {o.title}
          </h2>
          <span class="ui-small ui-muted">
            {o.supplier.name ?? ''} · {sourceLabelById(o.source)}
          </span>
          <ExternalLink class="ui-small" href={o.url}>
            {t('shortlistOpenOffer', [sourceLabelById(o.source)])}
          </ExternalLink>
        </div>
      </div>
      <p class="sl-detail__facts">
        <span class="price" data-testid="detail-price">
          {row.priceNowMinor === null ? '—' : formatMoney({ minor: row.priceNowMinor, currency: o.currency })}
        </span>
        <span class="ui-small ui-muted">{t('shortlistAtQuantity', [String(quantity)])}</span>
        {change ? (
          <span
            class={`sl-change sl-change--${change.dir}`}
            data-testid="detail-change"
            data-dir={change.dir}
          >
            <span aria-hidden="true">{change.mark}</span>
            <span class="ui-visually-hidden">{change.words}</span>
          </span>
        ) : null}
        {row.margin ? (
          <span class={`sl-margin${row.margin.profitPerUnitMinor < 0 ? ' sl-margin--loss' : ''}`}>
            {t('shortlistMargin', [row.margin.marginPct === null ? '—' : String(row.margin.marginPct)])}
          </span>
        ) : null}
      </p>
      {row.product ? (
        <p class="ui-small ui-muted sl-detail__for">
          {t('shortlistKeptFor')} <ExternalLink href={row.product.url}>{row.product.title}</ExternalLink>
        </p>
      ) : null}
      <section class="sl-detail__section" aria-label={t('shortlistHistoryTitle')}>
        <h3 class="ui-section-title">{t('shortlistHistoryTitle')}</h3>
        {series && Chart && width > 0 ? (
          <Chart.C series={series} width={width} />
        ) : (
          <Skeleton height={190} width="100%" />
        )}
      </section>
      {failed ? (
        <Banner tone="error" urgent>
          <p>{t('keepFailed')}</p>
        </Banner>
      ) : null}
      <StatusSteps entry={row.entry} busy={busy === 'status'} onStatus={(s) => void setStatus(s)} />
      <section class="sl-detail__section" aria-label={t('shortlistTargetTitle')}>
        <NumberField
          label={t('shortlistTargetTitle')}
          hint={t('shortlistTargetHint', [String(quantity)])}
          value={target === null ? null : target / scale}
          min={0}
          step="any"
          allowEmpty
          unit={o.currency}
          width="md"
          data-testid="detail-target"
          onCommit={(v) => void setTarget(v)}
        />
      </section>
      <NoteTags entry={row.entry} busy={busy === 'note'} onSave={(c) => void saveNote(c)} />
      <section class="sl-detail__section" aria-label={t('tiersLabel')}>
        <h3 class="ui-section-title">{t('tiersLabel')}</h3>
        {tiers.length ? (
          <table class="ui-table sl-tiers" data-testid="detail-tiers">
            <tbody>
              {tiers.map((tier) => (
                <tr
                  key={tier.minQty}
                  class={tier.mine ? 'sl-tiers__mine' : undefined}
                  aria-current={tier.mine ? 'true' : undefined}
                >
                  <th scope="row">≥{tier.minQty}</th>
                  <td>{formatMoney({ minor: tier.priceMinor, currency: o.currency })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="ui-small ui-muted">{t('shortlistNoTiers')}</p>
        )}
        {details === null && o.variants ? (
          <div class="offer-details" data-testid="detail-variants-as-read">
            <VariantsTable
              skus={o.variants.skus}
              total={o.variants.total}
              skusKnown={o.variants.skusKnown}
              currency={o.currency}
              caption={t('shortlistVariantsAsRead', [
                String(o.variants.total),
                formatWhen(o.variants.readAt),
              ])}
            />
          </div>
        ) : null}
        {!isSourceId(source) ? null : details === null ? (
          <Button size="sm" data-testid="detail-read-offer" onClick={readDetails}>
            {o.variants ? t('shortlistReadAgain') : t('shortlistReadVariants')}
          </Button>
        ) : (
          <OfferDetails
            reply={details}
            sourceLabel={sourceLabelById(o.source)}
            onRetry={readDetails}
            onVerified={readDetails}
          />
        )}
      </section>
      {toast}
    </section>
  );
}
