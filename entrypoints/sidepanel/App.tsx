import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import type { ProtocolReplies } from '../../messaging/protocol';
import { watchTabProduct } from '../../storage/tab-state';
import { tabProduct } from './boot';
import { ProductHeader, ProductHeaderSkeleton } from './ProductHeader';
import { SearchPanel } from './SearchPanel';
import { useActiveTab } from './useActiveTab';

type TabProduct = ProtocolReplies['getTabProduct'];

/**
 * The side panel: follows the active tab (tab switches and in-page navigation), shows the product spotted there
 * in a header and searches the wholesale sources for it.
 */
export function App() {
  const tabId = useActiveTab();
  // undefined: still asking; null: nothing known for the tab.
  const [state, setState] = useState<TabProduct | null | undefined>(undefined);
  // A picture picked among a social post's, by product.
  const [picked, setPicked] = useState<{ key: string; url: string } | null>(null);

  // Asked as the panel is laid out rather than after its first frame (Preact's effects wait for one): the answer,
  // usually read already (boot.ts), then shows in the same frame.
  useLayoutEffect(() => {
    if (tabId === null) return;
    let live = true;
    const load = () =>
      void tabProduct(tabId)
        .then((s) => live && setState(s))
        .catch(() => live && setState(null));
    load();
    const unwatch = watchTabProduct(tabId, load);
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);

  const stored = state?.stored ?? null;
  const pickedUrl = stored && picked?.key === stored.key ? picked.url : null;
  return (
    <main class="panel">
      <h1 class="ui-visually-hidden">{t('extName')}</h1>
      {state === undefined ? (
        <ProductHeaderSkeleton />
      ) : stored ? (
        <ProductHeader
          product={stored}
          picture={pickedUrl}
          onPickPicture={(url) => setPicked({ key: stored.key, url })}
        />
      ) : null}
      <SearchPanel product={stored} productLoaded={state !== undefined} picked={pickedUrl} />
    </main>
  );
}
