import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { ProductCard } from '../../components/ProductCard';
import { openSidePanel } from '../../components/panel';
import { loadShortlist } from '../../components/shortlist/data';
import { buildRows } from '../../components/shortlist/review';
import { ShortlistDetail } from '../../components/shortlist/ShortlistDetail';
import { exportShortlistCsv } from '../../components/shortlist-export';
import { Button, EmptyState, Icon, useToast } from '../../components/ui';
import { useLiveQuery } from '../../components/useLiveQuery';
import { useSettled } from '../../components/useSettled';
import { useStorageItem } from '../../components/useStorageItem';
import { sendMessage } from '../../messaging/client';
import { db } from '../../storage/db';
import { recentProducts } from '../../storage/products';
import { marginSettings } from '../../storage/settings/margin';
import { firstReads, RECENT_PRODUCTS } from './boot';
import { Shortlist } from './Shortlist';

/**
 * The toolbar popup: the shortlist to review first (list, or one kept offer in detail), then recently spotted
 * products. Reads straight from the database (liveQuery), writes through the background's messages.
 */
export function App() {
  // The first frame's reads were started as the page loaded (boot.ts); these hooks take them over.
  const boot = firstReads();
  // The newest few first (the list's first frame), then every kept offer (search, filters, orders need them all).
  const first = useSettled(boot.head);
  const head = first.state === 'done' ? first.value : undefined;
  const all = useLiveQuery(
    () => (head === undefined ? undefined : loadShortlist(db())),
    [head === undefined],
  );
  const data = all ?? head;
  // Opening the shortlist is seeing its price alerts: the toolbar button's count goes (README, Permissions). Sent
  // after the first screen's read, so waking the background does not compete with it.
  const headRead = head !== undefined;
  useEffect(() => {
    if (headRead) void sendMessage('alertsSeen', {}).catch(() => {});
  }, [headRead]);
  // The recently spotted products sit below the shortlist: drawn in the frame after the shortlist's first (an
  // effect runs after that paint), so their thirty cards do not hold back the list a person opened the popup
  // for. Their read began with the list's (boot.ts), so they are usually in hand by then.
  const [listSettled, setListSettled] = useState(false);
  const headSettled = first.state !== 'pending';
  useEffect(() => {
    if (headSettled) setListSettled(true);
  }, [headSettled]);
  const read = useLiveQuery(() => recentProducts(db(), RECENT_PRODUCTS), [], boot.products);
  const products = listSettled ? read : undefined;
  const settings = useStorageItem(marginSettings, undefined, boot.margin);
  const [open, setOpen] = useState<string | null>(null);
  // The row to focus again when the detail view closes (`n` tells one return from the next).
  const [back, setBack] = useState<{ key: string; n: number } | null>(null);
  const shortlistId = useId();
  const recentId = useId();

  // Known before the click, because the side panel API must be called straight from the user gesture.
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, []);
  const onOpenPanel = () => {
    openSidePanel(windowId)
      .then(() => window.close())
      .catch(() => {});
  };

  const { toast, show } = useToast();
  const [exporting, setExporting] = useState(false);
  const onExport = () => {
    setExporting(true);
    exportShortlistCsv()
      .then(() => show(t('shortlistExported')))
      .catch(() => show(t('shortlistExportFailed'), 'error'))
      .finally(() => setExporting(false));
  };

  const entry = open && data ? data.entries.find((e) => e.offerKey === open) : undefined;
  const openRow =
    entry && data && settings ? buildRows([entry], data.offers, data.products, settings)[0] : undefined;

  // The list stays mounted (hidden) under a detail view: its search, filters, order and scroll are there on return.
  return (
    <main class="popup">
      {openRow && settings ? (
        <ShortlistDetail
          key={openRow.offer.key}
          row={openRow}
          settings={settings}
          onBack={() => {
            setBack((b) => ({ key: openRow.offer.key, n: (b?.n ?? 0) + 1 }));
            setOpen(null);
          }}
        />
      ) : null}
      <div class="popup__home" hidden={!!openRow}>
        <header class="popup__header">
          <span class="popup__brand">
            <Icon name="search" size={18} />
            <h1>{t('extName')}</h1>
          </span>
          <span class="ui-spacer" />
          <Button size="sm" icon="panel" data-testid="open-panel" onClick={onOpenPanel}>
            {t('openSidePanel')}
          </Button>
        </header>
        <section class="popup__section" aria-labelledby={shortlistId}>
          <div class="popup__section-head">
            <h2 id={shortlistId} class="ui-section-title">
              {t('shortlist')}
              {data?.total ? <span class="ui-muted"> · {data.total}</span> : null}
            </h2>
            <span class="ui-spacer" />
            {data?.total ? (
              <Button
                size="sm"
                variant="ghost"
                busy={exporting}
                data-testid="shortlist-export"
                onClick={onExport}
              >
                {t('shortlistExport')}
              </Button>
            ) : null}
          </div>
          {!data || !settings ? null : data.total === 0 ? (
            <EmptyState
              compact
              icon="check"
              title={t('shortlistEmpty')}
              body={t('shortlistEmptyHow')}
              data-testid="shortlist-empty"
            />
          ) : (
            <Shortlist data={data} settings={settings} focusRequest={back} onOpen={setOpen} />
          )}
        </section>
        <section class="popup__section" aria-labelledby={recentId}>
          <h2 id={recentId} class="ui-section-title">
            {t('recentlySpotted')}
          </h2>
          <div class="ui-stack" data-testid="recent-products">
            {products === undefined ? null : products.length === 0 ? (
              <EmptyState compact icon="store" title={t('nothingSpotted')} />
            ) : (
              products.map((p) => <ProductCard key={p.key} product={p} compact />)
            )}
          </div>
        </section>
      </div>
      {toast}
    </main>
  );
}
