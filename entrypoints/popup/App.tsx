import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { ProductCard } from '../../components/ProductCard';
import { openSidePanel } from '../../components/panel';
import { useLiveQuery } from '../../components/useLiveQuery';
import { db } from '../../storage/db';
import { recentProducts } from '../../storage/products';
import { Shortlist } from './Shortlist';

/** The toolbar popup: what the user collected — the shortlist first, then recently spotted products. */
export function App() {
  const products = useLiveQuery(() => recentProducts(db(), 30), []);

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
    <main class="app popup">
      <header style="display:flex;justify-content:space-between;align-items:center">
        <h1>{t('extName')}</h1>
        <button type="button" data-testid="open-panel" onClick={onOpenPanel}>
          {t('openSidePanel')}
        </button>
      </header>
      <h2>{t('shortlist')}</h2>
      <Shortlist />
      <h2>{t('recentlySpotted')}</h2>
      <section data-testid="recent-products">
        {products === undefined ? null : products.length === 0 ? (
          <p class="empty">{t('nothingSpotted')}</p>
        ) : (
          products.map((p) => <ProductCard key={p.key} product={p} compact />)
        )}
      </section>
    </main>
  );
}
