import { browser } from 'wxt/browser';
import { t, uiLocale } from '../../../components/i18n';
import { languageReady } from '../../../components/language';
import { formatMoney } from '../../../core/money';
import { safeHttpUrl } from '../../../core/url';
import { db } from '../../../storage/db';
import { NOTIFY_PERMISSION, unseenAlerts } from '../../../storage/settings/alerts';
import { showAlertCount } from '../badge';
import type { PriceAlert } from './runner';

/** Notification ids of price alerts: this prefix and the offer key (one notification per offer at a time). */
const ALERT_PREFIX = 'refresh:alert:';

/**
 * Whether desktop notifications may be shown: the optional permission was given (Options → alerts on). Without
 * it the API is not there at all in Chrome, so ask before touching it.
 */
async function mayNotify(): Promise<boolean> {
  try {
    return (await browser.permissions.contains(NOTIFY_PERMISSION)) && Boolean(browser.notifications);
  } catch {
    return false;
  }
}

/** One alert: counted on the toolbar button, and shown as a notification when the person allowed them. */
export async function raiseAlert(alert: PriceAlert): Promise<void> {
  const unseen = await unseenAlerts.getValue();
  const next = unseen.includes(alert.offerKey) ? unseen : [...unseen, alert.offerKey];
  await unseenAlerts.setValue(next);
  await showAlertCount(next.length);
  if (!(await mayNotify())) return;
  await languageReady();
  const money = (minor: number) => formatMoney({ minor, currency: alert.currency }, uiLocale());
  // A notification the browser refuses (notifications switched off system-wide) leaves the count, and the run.
  await browser.notifications
    .create(`${ALERT_PREFIX}${alert.offerKey}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: alert.reason === 'target' ? t('alertTitleTarget') : t('alertTitleDrop'),
      // The offer's title first: Firefox has no contextMessage line for it.
      message: `${alert.title.slice(0, 120)}\n${t('alertMessage', [
        money(alert.fromMinor),
        money(alert.priceMinor),
        String(alert.quantity),
      ])}`,
    })
    .catch(() => '');
}

/** The person saw the alerts (the popup opened, or a notification was clicked): the count goes. */
export async function alertsSeen(offerKey?: string): Promise<void> {
  const unseen = await unseenAlerts.getValue();
  const next = offerKey === undefined ? [] : unseen.filter((k) => k !== offerKey);
  await unseenAlerts.setValue(next);
  await showAlertCount(next.length);
}

/**
 * A click on an alert opens the offer's own page (the popup cannot be opened from here in every browser); only
 * an http(s) address from the stored offer row is ever opened.
 */
async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(ALERT_PREFIX)) return;
  const offerKey = id.slice(ALERT_PREFIX.length);
  const url = safeHttpUrl((await db().offers.get(offerKey))?.url);
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(id).catch(() => false);
  await alertsSeen(offerKey);
}

let listening = false;

/** Listens for clicks on alerts, once the notifications API is there (at start, or when the person allows it). */
export function watchAlertClicks(): void {
  const listen = () => {
    if (listening || !browser.notifications?.onClicked) return;
    listening = true;
    browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  };
  listen();
  browser.permissions.onAdded?.addListener(listen);
}

/** The toolbar count as stored (the browser forgets badge text when it restarts). */
export async function restoreAlertCount(): Promise<void> {
  await showAlertCount((await unseenAlerts.getValue()).length);
}
