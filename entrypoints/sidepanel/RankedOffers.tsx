import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '../../components/i18n';
import { OfferCard } from '../../components/offer/OfferCard';
import { OfferDetails } from '../../components/offer/OfferDetails';
import { sourceLabel } from '../../components/source-text';
import { useToast } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import { resolveTemplates } from '../../core/inquiry';
import {
  arrangeRows,
  keepOrder,
  MAX_COMPARE,
  passesResultFilters,
  type ResultFilters,
  type ResultRow,
  type ResultSort,
  type ShownRow,
  toggleCompare,
} from '../../core/match/result-view';
import type { SeenNote } from '../../core/match/seen-before';
import { sourceById } from '../../core/sources/index';
import { sendMessage } from '../../messaging/client';
import { inquiryTemplates } from '../../storage/settings/inquiry';
import { marginSettings } from '../../storage/settings/margin';
import type { StoredOffer, StoredProduct } from '../../storage/types';
import { AskDialog } from './results/AskDialog';
import { ClusterNote } from './results/ClusterNote';
import { CompareTray } from './results/CompareTray';
import { CompareView } from './results/CompareView';
import { KeepDialog } from './results/KeepDialog';
import { copySummary, openOffer } from './results/offer-actions';
import { type CardFocus, ResultsList } from './results/ResultsList';
import { ResultsToolbar } from './results/ResultsToolbar';
import './results/results.css';
import { bootMargin, bootTemplates } from './boot';
import { useOfferDetails } from './results/useOfferDetails';
import { useShortlistEntries } from './results/useShortlist';
import { useRanking } from './useRanking';
import { useSeenBefore } from './useSeenBefore';

type Row = ResultRow<StoredOffer>;
type Dialogs = { kind: 'keep' | 'ask'; row: Row } | { kind: 'compare' } | null;

/**
 * The offers show at once, in the ranking's order; the order then follows the ranking until it settles — the
 * pictures are hashed (same-photo signals in), this long has passed, or the person scrolls, clicks or types —
 * and from then on a card shown keeps its place (a next page, a late signal, a new quantity add below it).
 */
const SETTLE_MS = 1000;

/**
 * The offers of one search as the person works with them: best match first (or the order they pick), narrowed at
 * once by every active filter, same-photo clusters folded under their probable source, with the margin at the
 * buyer's quantity and why each ranks; and what they do with an offer — open it, keep it with a note and tags,
 * compare up to four, copy a summary, ask the supplier. Paid placements are marked and never silently first.
 */
export function RankedOffers(props: {
  offers: StoredOffer[];
  product: StoredProduct | null;
  titleForMatching: string;
  /** When the search was answered: offers met before it are "seen before"; a new one starts a new order. */
  searchedAt: number;
  /** The panel's filters (the search bar's row): applied to the shown offers at once. */
  filters: ResultFilters;
  busy: boolean;
}) {
  // Both read as the panel started (boot.ts), so the cards are drawn in the results' first render.
  const settings = useStorageItem(marginSettings, undefined, bootMargin()) ?? null;
  // Read up front, so the ask sheet opens with the person's own wording, not the defaults first.
  const templateEdits = useStorageItem(inquiryTemplates, undefined, bootTemplates());
  const templates = useMemo(() => resolveTemplates(templateEdits), [templateEdits]);
  const view = useRanking(props.offers, props.product, props.titleForMatching, settings);
  const seen = useSeenBefore(props.offers, props.searchedAt);
  const shortlist = useShortlistEntries();
  const { details, read, fold } = useOfferDetails();
  const [sort, setSort] = useState<ResultSort>('match');
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [compare, setCompare] = useState<Row[]>([]);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const { toast, show } = useToast();
  const productKey = props.product?.key ?? null;

  // A new answer: a new order, folded clusters, and a short time in which the ranking may still move.
  const [settledBy, setSettledBy] = useState<'time' | 'person' | null>(null);
  const shownOrder = useRef<{ answer: number; keys: string[] }>({ answer: props.searchedAt, keys: [] });
  if (shownOrder.current.answer !== props.searchedAt)
    shownOrder.current = { answer: props.searchedAt, keys: [] };
  useEffect(() => {
    setSettledBy(null);
    setExpanded(new Set());
    const timer = setTimeout(() => setSettledBy((s) => s ?? 'time'), SETTLE_MS);
    const touched = () => setSettledBy('person');
    const events = ['scroll', 'pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touched, { once: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touched);
    };
  }, [props.searchedAt]);
  const settled = !!view && (view.hashesReady || settledBy !== null);

  const rows = useMemo<Row[]>(
    () =>
      view
        ? view.ranked.map((r) => ({
            offer: r.offer,
            key: r.offer.key,
            margin: view.margins.get(r.offer.key) ?? null,
            clusterId: r.clusterId,
            isProbableSource: r.isProbableSource,
            chips: r.chips,
          }))
        : [],
    [view],
  );
  const clusters = useMemo(
    () =>
      (view?.clusters ?? [])
        .filter((c) => c.size > 1)
        .map((c) => ({ id: c.id, sourceKey: c.sourceKey, reasons: c.reasons })),
    [view],
  );
  const ctx = useMemo(
    () => (settings ? { quantity: settings.quantity, rates: settings.rates } : null),
    [settings],
  );
  // Once settled, cards already shown keep their places as later pages and late signals re-rank the answer.
  const ordered = settled ? keepOrder(shownOrder.current.keys, rows) : rows;
  if (settled) shownOrder.current.keys = ordered.map((r) => r.key);
  const passing = useMemo(
    () => (ctx ? rows.filter((r) => passesResultFilters(r, props.filters, ctx)).length : 0),
    [rows, props.filters, ctx],
  );
  const shown = useMemo(
    () => (ctx ? arrangeRows(ordered, clusters, { filters: props.filters, sort, expanded, ctx }) : []),
    [ordered.map((r) => r.key).join('\n'), rows, clusters, props.filters, sort, expanded, ctx],
  );

  if (!view || !settings || !ctx) return null;

  const toggleInCompare = (row: Row) => {
    const next = toggleCompare(
      compare.map((r) => r.key),
      row.key,
    );
    if (next.full) return show(t('compareFull'), 'error');
    const known = new Map([...compare, row].map((r) => [r.key, r]));
    setCompare(next.keys.map((k) => known.get(k) as Row));
    show(
      next.keys.includes(row.key)
        ? t('compareAdded', [String(next.keys.length), String(MAX_COMPARE)])
        : t('compareRemoved'),
    );
  };
  const copy = (row: Row) =>
    void copySummary(row.offer, ctx.quantity).then(
      () => show(t('summaryCopied')),
      () => show(t('copyFailed'), 'error'),
    );
  const compared = new Set(compare.map((r) => r.key));

  const renderCard = (item: ShownRow<Row>, focus: CardFocus) => {
    const r = item.row;
    const key = r.key;
    const detail = details.get(key);
    // Only offers of a source whose offer pages SourceLens reads have Details.
    const source = sourceById(r.offer.source);
    const readable = source?.supports.offerPages ? source : null;
    const readIt = readable ? () => read(key, readable.id, r.offer.offerId) : null;
    const entry = shortlist.get(key);
    const head = item.cluster;
    return (
      <OfferCard
        offer={r.offer}
        quantity={ctx.quantity}
        chips={r.chips}
        margin={r.margin}
        probableSource={r.isProbableSource}
        kept={entry !== undefined}
        status={entry?.status ?? null}
        onToggleKeep={() => setDialog({ kind: 'keep', row: r })}
        seen={seenLabel(seen.get(key))}
        onDetails={readIt ? () => (detail ? fold(key) : readIt()) : undefined}
        detailsOpen={detail !== undefined}
        onAsk={() => setDialog({ kind: 'ask', row: r })}
        onCopySummary={() => copy(r)}
        compare={{
          selected: compared.has(key),
          disabled: compare.length >= MAX_COMPARE,
          onToggle: () => toggleInCompare(r),
        }}
        member={item.member}
        banner={
          head ? (
            <ClusterNote
              info={head.info}
              shown={head.shown}
              sourceName={r.offer.supplier.name ?? r.offer.title}
              expanded={head.expanded}
              onToggle={() => {
                const next = new Set(expanded);
                if (!next.delete(head.info.id)) next.add(head.info.id);
                setExpanded(next);
              }}
            />
          ) : null
        }
        focus={focus}
      >
        {detail && readable && readIt ? (
          <OfferDetails
            reply={detail}
            sourceLabel={sourceLabel(readable)}
            onRetry={readIt}
            onVerified={() =>
              void sendMessage('sourceVerified', { source: readable.id })
                .then(readIt)
                .catch(() => {})
            }
          />
        ) : null}
      </OfferCard>
    );
  };

  return (
    <div class="ranked" data-testid="ranked-offers">
      <ResultsToolbar
        quantity={settings.quantity}
        onQuantity={(n) => void marginSettings.setValue({ ...settings, quantity: n })}
        sort={sort}
        onSort={(s) => {
          // Picking an order (even "best match" again) re-orders everything from the current ranking.
          shownOrder.current.keys = [];
          setSort(s);
        }}
        shown={passing}
        total={rows.length}
      />
      {shown.length ? (
        <ResultsList
          items={shown}
          itemKey={(item) => item.row.key}
          renderCard={renderCard}
          label={t('resultsLabel')}
          busy={props.busy}
          keys={{
            onOpen: (item) => openOffer(item.row.offer),
            onKeep: (item) => setDialog({ kind: 'keep', row: item.row }),
            onCompare: (item) => toggleInCompare(item.row),
          }}
        />
      ) : (
        <p class="ranked__none ui-muted" data-testid="results-none">
          {t('resultsNoneMatch')}
        </p>
      )}
      <CompareTray
        count={compare.length}
        onOpen={() => setDialog({ kind: 'compare' })}
        onClear={() => setCompare([])}
      />
      {dialog?.kind === 'keep' ? (
        <KeepDialog
          offer={dialog.row.offer}
          entry={shortlist.get(dialog.row.key) ?? null}
          productKey={productKey}
          onClose={() => setDialog(null)}
          onDone={show}
        />
      ) : null}
      {dialog?.kind === 'ask' && templateEdits !== undefined ? (
        <AskDialog
          offer={dialog.row.offer}
          productKey={productKey}
          quantity={ctx.quantity}
          details={details.get(dialog.row.key)}
          templates={templates}
          onClose={() => setDialog(null)}
          onDone={show}
        />
      ) : null}
      {dialog?.kind === 'compare' ? (
        <CompareView
          // Offers still in this answer with today's figures (the quantity may have changed since ticking).
          rows={compare.map((r) => rows.find((now) => now.key === r.key) ?? r)}
          ctx={ctx}
          onRemove={(key) => {
            const next = compare.filter((r) => r.key !== key);
            setCompare(next);
            if (next.length < 2) setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {toast}
    </div>
  );
}

/** The "seen before" chip: when, and for a re-listing which earlier listing. */
function seenLabel(note: SeenNote | undefined): { label: string; detail: string } | null {
  if (!note) return null;
  const date = new Date(note.since).toLocaleDateString(uiLocale());
  if (note.by === 'same-offer')
    return { label: t('seenSince', [date]), detail: t('seenSinceDetail', [date]) };
  return { label: t('seenRelisted', [date]), detail: t('seenRelistedDetail', [note.earlierTitle, date]) };
}
