import { useEffect, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { ProductCard } from '../../components/ProductCard';
import { sendMessage } from '../../messaging/client';
import type { ProtocolReplies } from '../../messaging/protocol';
import { watchTabProduct } from '../../storage/tab-state';
import { PriceHistory } from './PriceHistory';
import { SearchPanel } from './SearchPanel';
import { useActiveTab } from './useActiveTab';

type TabProduct = ProtocolReplies['getTabProduct'];

/** The side panel: follows the active tab and shows what SourceLens spotted there. */
export function App() {
  const tabId = useActiveTab();
  const [state, setState] = useState<TabProduct | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    const load = () =>
      void sendMessage('getTabProduct', { tabId })
        .then(setState)
        .catch(() => setState(null));
    load();
    return watchTabProduct(tabId, load);
  }, [tabId]);

  const stored = state?.stored ?? null;
  return (
    <main class="app">
      <h1>{t('extName')}</h1>
      {stored ? (
        <section data-testid="tab-product">
          <h2>{stored.kind === 'social-candidate' ? t('spottedSocial') : t('spottedProduct')}</h2>
          <ProductCard product={stored} />
          <PriceHistory subjectKey={stored.key} />
        </section>
      ) : (
        <p class="empty" data-testid="no-product">
          {t('noProductOnTab')}
        </p>
      )}
      <SearchPanel product={stored} />
    </main>
  );
}
