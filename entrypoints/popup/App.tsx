import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { ProductCard } from '../../components/ProductCard';
import { openSidePanel } from '../../components/panel';
import { Button, EmptyState, Icon } from '../../components/ui';
import { useLiveQuery } from '../../components/useLiveQuery';
import { db } from '../../storage/db';
import { recentProducts } from '../../storage/products';
import { Shortlist } from './Shortlist';

/** The toolbar popup: what the user collected — the shortlist first, then recently spotted products. */
export function App() {
  const products = useLiveQuery(() => recentProducts(db(), 30), []);
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

  return (
    <main class="popup">
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
        <h2 id={shortlistId} class="ui-section-title">
          {t('shortlist')}
        </h2>
        <Shortlist />
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
    </main>
  );
}
