import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/useLiveQuery';
import { useStorageItem } from '../../components/useStorageItem';
import { sendMessage } from '../../messaging/client';
import { db } from '../../storage/db';
import {
  badgeEnabled,
  DIRECT_PERMISSION,
  directRequests,
  type SourceSettings,
  sourceSettings,
  spotterEnabled,
  withSourceDefaults,
} from '../../storage/settings';
import { DriftLog } from './DriftLog';
import { MarginSettingsForm } from './MarginSettingsForm';

type BoolItem = typeof spotterEnabled;

function Toggle(props: { item: BoolItem; label: string; testId: string }) {
  const value = useStorageItem(props.item);
  return (
    <label class="setting">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={value ?? false}
        disabled={value === undefined}
        onChange={(e) => void props.item.setValue((e.currentTarget as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}

/** Politeness and caching limits for the wholesale sources (seconds, minutes and hours, as people think of them). */
function SourceLimits() {
  const value = useStorageItem(sourceSettings, withSourceDefaults);
  if (!value) return null;
  const save = (patch: Partial<SourceSettings>) => void sourceSettings.setValue({ ...value, ...patch });
  const num = (e: Event, min: number, max: number) =>
    Math.min(max, Math.max(min, Number((e.currentTarget as HTMLInputElement).value) || min));
  const [backoffLo, backoffHi] = value.throttleBackoffMs;
  const field = (
    label: string,
    testId: string,
    v: number,
    min: number,
    max: number,
    on: (n: number) => void,
  ) => (
    <label class="setting">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        data-testid={testId}
        value={v}
        onChange={(e) => on(num(e, min, max))}
      />
    </label>
  );
  return (
    <>
      {field(t('settingInterval'), 'setting-interval', value.minIntervalMs / 1000, 3, 60, (n) =>
        save({ minIntervalMs: n * 1000 }),
      )}
      {field(t('settingJitter'), 'setting-jitter', value.jitterMs / 1000, 0, 60, (n) =>
        save({ jitterMs: n * 1000 }),
      )}
      {field(t('settingBackoffMin'), 'setting-backoff-min', backoffLo / 1000, 30, 3600, (n) =>
        save({ throttleBackoffMs: [n * 1000, Math.max(n * 1000, backoffHi)] }),
      )}
      {field(t('settingBackoffMax'), 'setting-backoff-max', backoffHi / 1000, 30, 3600, (n) =>
        save({ throttleBackoffMs: [Math.min(backoffLo, n * 1000), n * 1000] }),
      )}
      {field(t('settingWallPause'), 'setting-wall-pause', value.wallPauseMs / 60_000, 1, 240, (n) =>
        save({ wallPauseMs: n * 60_000 }),
      )}
      {field(t('settingCacheHours'), 'setting-cache-hours', value.cacheHours, 1, 720, (n) =>
        save({ cacheHours: n }),
      )}
      {field(t('settingDeadline'), 'setting-deadline', value.deadlineMs / 1000, 5, 120, (n) =>
        save({ deadlineMs: n * 1000 }),
      )}
    </>
  );
}

/**
 * Direct requests from the extension (off by default). Turning them on asks for the `cookies` permission in the
 * same click (browsers only ask from a user gesture); turning them off gives the permission back.
 */
function DirectRequests() {
  const value = useStorageItem(directRequests);
  const [refused, setRefused] = useState(false);
  const onChange = (on: boolean) => {
    setRefused(false);
    if (!on) {
      void directRequests.setValue(false);
      void browser.permissions.remove(DIRECT_PERMISSION).catch(() => {});
      return;
    }
    // No await before the request: it must run inside the click.
    void browser.permissions
      .request(DIRECT_PERMISSION)
      .then((granted) => (granted ? directRequests.setValue(true) : setRefused(true)))
      .catch(() => setRefused(true));
  };
  return (
    <>
      <label class="setting">
        <input
          type="checkbox"
          data-testid="setting-direct"
          checked={value ?? false}
          disabled={value === undefined}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('settingDirect')}
      </label>
      <p class="search__meta">{t('settingDirectHelp')}</p>
      {refused ? <p class="banner">{t('settingDirectRefused')}</p> : null}
    </>
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
      <h2>{t('sourcesSection')}</h2>
      <SourceLimits />
      <DirectRequests />
      <DriftLog />
      <h2>{t('marginSection')}</h2>
      <MarginSettingsForm />
      <h2>{t('dataSection')}</h2>
      <p data-testid="data-counts">
        {counts
          ? t('dataCounts', [String(counts.products), String(counts.observations), String(counts.shortlist)])
          : '…'}
      </p>
      <p class="empty">{t('privacyNote')}</p>
      <button type="button" data-testid="delete-all" onClick={() => void onDeleteAll()}>
        {t('deleteAll')}
      </button>
    </main>
  );
}
