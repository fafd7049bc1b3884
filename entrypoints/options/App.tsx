import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { Banner, Button, Card, NumberField, Toggle } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import { sendMessage } from '../../messaging/client';
import { lastSearches } from '../../storage/last-search';
import {
  DIRECT_PERMISSION,
  directRequests,
  type SourceSettings,
  sourceSettings,
  withSourceDefaults,
} from '../../storage/settings/sources';
import { badgeEnabled, spotterEnabled } from '../../storage/settings/spotter';
import { AlertsSettings } from './AlertsSettings';
import { DataActions } from './DataSection';
import { DriftLog } from './DriftLog';
import { InPageButtonSettings } from './InPageButtonSettings';
import { InquiryTemplates } from './InquiryTemplates';
import { LanguagePicker } from './LanguagePicker';
import { MarginSettingsForm } from './MarginSettingsForm';
import { SourceSwitches } from './SourceSwitches';
import { StorageSection } from './StorageSection';

type BoolItem = typeof spotterEnabled;

/** One group of settings: a card with its heading, an optional line saying what the group is for, its rows. */
function Section(props: {
  title: string;
  intro?: string;
  children: ComponentChildren;
  'data-testid'?: string;
}) {
  const id = useId();
  return (
    <Card as="section" class="options__section" aria-labelledby={id} data-testid={props['data-testid']}>
      <h2 id={id}>{props.title}</h2>
      {props.intro ? <p class="ui-muted options__intro">{props.intro}</p> : null}
      <div class="ui-stack ui-stack--loose">{props.children}</div>
    </Card>
  );
}

function SettingToggle(props: { item: BoolItem; label: string; testId: string }) {
  const value = useStorageItem(props.item);
  return (
    <Toggle
      label={props.label}
      checked={value ?? false}
      disabled={value === undefined}
      data-testid={props.testId}
      onChange={(on) => void props.item.setValue(on)}
    />
  );
}

/** Politeness and caching limits for the wholesale sources (seconds, minutes and hours, as people think of them). */
function SourceLimits() {
  const value = useStorageItem(sourceSettings, withSourceDefaults);
  if (!value) return null;
  const save = (patch: Partial<SourceSettings>) => void sourceSettings.setValue({ ...value, ...patch });
  const [backoffLo, backoffHi] = value.throttleBackoffMs;
  const field = (
    label: string,
    testId: string,
    v: number,
    min: number,
    max: number,
    on: (n: number) => void,
  ) => (
    <NumberField
      inline
      class="options__row"
      label={label}
      min={min}
      max={max}
      value={v}
      data-testid={testId}
      onCommit={(n) => on(n ?? min)}
    />
  );
  return (
    <div class="ui-stack">
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
    </div>
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
      <Toggle
        label={t('settingDirect')}
        hint={t('settingDirectHelp')}
        checked={value ?? false}
        disabled={value === undefined}
        data-testid="setting-direct"
        onChange={onChange}
      />
      {refused ? (
        <Banner tone="warn">
          <p>{t('settingDirectRefused')}</p>
        </Banner>
      ) : null}
    </>
  );
}

/** What is stored, where it stays, and the one way to erase it all. */
function DataSection() {
  const onDeleteAll = async () => {
    if (!confirm(t('deleteAllConfirm'))) return;
    await sendMessage('deleteAllData', {});
    // The side panel's remembered searches (session storage) name queries too; their cached answers are gone.
    await lastSearches.setValue({});
  };
  return (
    <Section title={t('dataSection')} intro={t('privacyNote')} data-testid="data-section">
      <StorageSection />
      <DataActions />
      <div>
        <Button variant="danger" icon="close" data-testid="delete-all" onClick={() => void onDeleteAll()}>
          {t('deleteAll')}
        </Button>
      </div>
    </Section>
  );
}

/** Settings and the person's own data, in groups. */
export function App() {
  return (
    <main class="options">
      <header class="options__header">
        <h1>{t('optionsTitle')}</h1>
        <LanguagePicker />
      </header>
      <Section title={t('spotterSection')}>
        <SettingToggle item={spotterEnabled} label={t('settingSpotterEnabled')} testId="setting-spotter" />
        <SettingToggle item={badgeEnabled} label={t('settingBadgeEnabled')} testId="setting-badge" />
      </Section>
      <Card class="options__section">
        <InPageButtonSettings />
      </Card>
      <Section title={t('sourcesSection')} intro={t('sourcesIntro')}>
        <SourceSwitches />
        <SourceLimits />
        <DirectRequests />
      </Section>
      <Section title={t('marginSection')} intro={t('marginIntro')}>
        <MarginSettingsForm />
      </Section>
      <InquiryTemplates />
      <AlertsSettings />
      <Card class="options__section">
        <DriftLog />
      </Card>
      <DataSection />
    </main>
  );
}
