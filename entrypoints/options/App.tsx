import { useEffect, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/useLiveQuery';
import { sendMessage } from '../../messaging/client';
import { db } from '../../storage/db';
import { badgeEnabled, spotterEnabled } from '../../storage/settings';

type BoolItem = typeof spotterEnabled;

function Toggle(props: { item: BoolItem; label: string; testId: string }) {
  const [value, setValue] = useState<boolean | null>(null);
  useEffect(() => {
    void props.item.getValue().then(setValue);
    return props.item.watch((v) => setValue(v));
  }, [props.item]);
  return (
    <label class="setting">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={value ?? false}
        disabled={value === null}
        onChange={(e) => void props.item.setValue((e.currentTarget as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}

/** Settings and the user's own data. */
export function App() {
  const counts = useLiveQuery(
    async () => ({
      products: await db().products.count(),
      observations: await db().priceObservations.count(),
      shortlist: await db().shortlist.count(),
    }),
    [],
  );
  const onDeleteAll = async () => {
    if (!confirm(t('deleteAllConfirm'))) return;
    await sendMessage('deleteAllData', {});
  };
  return (
    <main class="app">
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('spotterSection')}</h2>
      <Toggle item={spotterEnabled} label={t('settingSpotterEnabled')} testId="setting-spotter" />
      <Toggle item={badgeEnabled} label={t('settingBadgeEnabled')} testId="setting-badge" />
      <h2>{t('dataSection')}</h2>
      <p data-testid="data-counts">
        {counts
          ? t('dataCounts', String(counts.products), String(counts.observations), String(counts.shortlist))
          : '…'}
      </p>
      <p class="empty">{t('privacyNote')}</p>
      <button type="button" data-testid="delete-all" onClick={() => void onDeleteAll()}>
        {t('deleteAll')}
      </button>
    </main>
  );
}
