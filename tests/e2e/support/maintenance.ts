/**
 * Runs the background's daily maintenance now, through its own alarm (entrypoints/background/maintenance.ts):
 * retention folds loose price points into blocks, collapses old days and purges caches. An unpacked extension's
 * alarms are not held to 30 s. The alarm keeps its daily period. Resolves with the run's report once it is stored.
 */
import type { ExtensionBrowser } from './browser';
import { poll } from './wait';

interface MaintenanceReport {
  at: number;
  collapsedPoints: number;
  dailyPoints: number;
}

const report = (browser: ExtensionBrowser) =>
  browser.worker.evaluate(async () => {
    const { lastMaintenance } = await chrome.storage.local.get('lastMaintenance');
    return (lastMaintenance ?? null) as MaintenanceReport | null;
  });

export async function runMaintenanceNow(
  browser: ExtensionBrowser,
  timeoutMs = 120_000,
): Promise<MaintenanceReport> {
  const before = await report(browser);
  await browser.worker.evaluate(() =>
    chrome.alarms.create('maintenance:daily', { when: Date.now(), periodInMinutes: 24 * 60 }),
  );
  return (await poll(
    () => report(browser),
    (r) => r !== null && r.at !== before?.at,
    { what: 'the maintenance run to finish', timeoutMs },
  )) as MaintenanceReport;
}
