import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '../../components/i18n';
import { sourceLabelById } from '../../components/source-text';
import { Banner, Button, Card, LinkButton, Select, Toggle } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import { isSourceId, sourceById } from '../../core/sources/index';
import { sendMessage } from '../../messaging/client';
import {
  type AlertSettings,
  alertSettings,
  NOTIFY_PERMISSION,
  type RefreshPause,
  type RefreshRun,
  refreshState,
  withAlertDefaults,
} from '../../storage/settings/alerts';
import { CONTINUE_ALARM } from '../background/refresh/alarm-names';

/** Each interval the options offer, with its words (a typed table: message keys stay literal). */
const INTERVALS: { hours: number; label: () => string }[] = [
  { hours: 6, label: () => t('refreshEvery6') },
  { hours: 12, label: () => t('refreshEvery12') },
  { hours: 24, label: () => t('refreshDaily') },
  { hours: 168, label: () => t('refreshWeekly') },
  { hours: 0, label: () => t('refreshOff') },
];

const when = (at: number) =>
  new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);

function outcomeText(run: RefreshRun): string {
  switch (run.outcome) {
    case 'done':
      return t('refreshOutcomeDone', [String(run.checked), String(run.failed), String(run.alerts)]);
    case 'more':
      return t('refreshOutcomeMore', [String(run.checked), String(run.alerts)]);
    case 'paused':
      return t('refreshOutcomePaused', [String(run.checked)]);
    case 'nothing':
      return t('refreshOutcomeNothing');
    case 'error':
      return t('refreshOutcomeError');
  }
}

/**
 * The person passed the check on the source: its back-off is lifted (as the side panel does after a check) and
 * the pass goes on at once instead of at the next scheduled run. Alarms are the extension's own, so the page sets
 * the background's alarm itself (a packed extension's alarm fires 30 s later at the soonest).
 */
async function goOn(source: string): Promise<void> {
  if (isSourceId(source)) await sendMessage('sourceVerified', { source });
  await browser.alarms.create(CONTINUE_ALARM, { when: Date.now() + 1000 });
}

/** The wall a run stopped at, and the source's own page where the person clears it. */
function PausedBanner({ pause }: { pause: RefreshPause }) {
  const [going, setGoing] = useState(false);
  const name = sourceLabelById(pause.source);
  const source = sourceById(pause.source);
  const title =
    pause.state === 'needs-verification'
      ? t('refreshPausedVerify', [name])
      : pause.state === 'needs-login'
        ? t('refreshPausedLogin', [name])
        : t('refreshPausedThrottled', [name]);
  // Verify and login pages come from the source's definition, which only trusts the wall's URL on its own hosts.
  const href =
    pause.state === 'needs-verification'
      ? source?.pages.verify(pause.url)
      : pause.state === 'needs-login'
        ? source?.pages.login(pause.url)
        : null;
  return (
    <Banner
      tone="warn"
      title={title}
      data-testid="refresh-paused"
      actions={
        href ? (
          <>
            <LinkButton href={href} icon="external" data-testid="refresh-paused-open">
              {t('refreshOpenSource', [name])}
            </LinkButton>
            <Button
              icon="refresh"
              busy={going}
              disabled={going}
              data-testid="refresh-paused-resume"
              onClick={() => {
                setGoing(true);
                void goOn(pause.source).catch(() => setGoing(false));
              }}
            >
              {t('refreshResume')}
            </Button>
          </>
        ) : null
      }
    >
      <p>{going ? t('refreshResuming') : t('refreshPausedHelp')}</p>
    </Banner>
  );
}

/**
 * Price alerts and the scheduled refresh behind them. Turning alerts on asks for the optional `notifications`
 * permission in the same click (browsers only ask from a user gesture); refused, alerts still count on the
 * toolbar button. Turning them off gives the permission back.
 */
export function AlertsSettings() {
  const headingId = useId();
  const settings = useStorageItem(alertSettings, withAlertDefaults);
  const state = useStorageItem(refreshState);
  const [notify, setNotify] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.permissions.contains(NOTIFY_PERMISSION).then(setNotify, () => setNotify(false));
  }, []);
  const save = (patch: Partial<AlertSettings>) =>
    settings && void alertSettings.setValue({ ...settings, ...patch });

  const onAlerts = (on: boolean) => {
    if (!on) {
      save({ alertsOn: false });
      void browser.permissions.remove(NOTIFY_PERMISSION).then(
        () => setNotify(false),
        () => {},
      );
      return;
    }
    save({ alertsOn: true });
    // No await before the request: it must run inside the click.
    void browser.permissions.request(NOTIFY_PERMISSION).then(setNotify, () => setNotify(false));
  };

  const run = state?.lastRun ?? null;
  return (
    <Card as="section" class="options__section" aria-labelledby={headingId} data-testid="alerts-section">
      <h2 id={headingId}>{t('alertsSection')}</h2>
      <p class="ui-muted options__intro">{t('alertsIntro')}</p>
      <div class="ui-stack ui-stack--loose">
        <Toggle
          label={t('alertsOn')}
          hint={t('alertsOnHelp')}
          checked={settings?.alertsOn ?? false}
          disabled={settings === undefined}
          data-testid="setting-alerts"
          onChange={onAlerts}
        />
        {settings?.alertsOn && notify !== null ? (
          <p class="ui-small ui-muted" data-testid="alerts-notify" data-allowed={String(notify)}>
            {notify ? t('alertsNotifyAllowed') : t('alertsNotifyRefused')}
          </p>
        ) : null}
        <Select
          label={t('refreshEvery')}
          value={String(settings?.refreshHours ?? 24)}
          disabled={settings === undefined}
          options={INTERVALS.map((i) => ({ value: String(i.hours), label: i.label() }))}
          data-testid="setting-refresh-hours"
          onChange={(v) => save({ refreshHours: Number(v) })}
        />
        {state?.paused ? <PausedBanner key={state.paused.at} pause={state.paused} /> : null}
        <p class="ui-small" data-testid="refresh-last-run" data-outcome={run?.outcome ?? 'none'}>
          {run ? t('refreshLastRun', [when(run.at), outcomeText(run)]) : t('refreshNotRun')}
        </p>
      </div>
    </Card>
  );
}
