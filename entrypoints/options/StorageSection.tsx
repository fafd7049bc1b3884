import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '../../components/i18n';
import { Banner, Button, NumberField } from '../../components/ui';
import { useLiveQuery } from '../../components/useLiveQuery';
import { useStorageItem } from '../../components/useStorageItem';
import { db } from '../../storage/db';
import { countPricePoints } from '../../storage/price-blocks';
import {
  DETAIL_DAYS_RANGE,
  historySettings,
  lastMaintenance,
  quotaEvent,
  withHistoryDefaults,
} from '../../storage/settings/history';

const bytes = (n: number) =>
  new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: n >= 1e9 ? 'gigabyte' : n >= 1e6 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(n / (n >= 1e9 ? 1e9 : n >= 1e6 ? 1e6 : 1e3));
const count = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);
const when = (at: number) =>
  new Date(at).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });

/** What the browser says this extension's storage uses (IndexedDB and extension storage together). */
function useEstimate(rows: number | undefined) {
  const [estimate, setEstimate] = useState<StorageEstimate | null | undefined>(undefined);
  // Asked again when the rows change: the figure follows what was written or tidied.
  useEffect(() => {
    if (!navigator.storage?.estimate) return setEstimate(null);
    void navigator.storage.estimate().then(setEstimate, () => setEstimate(null));
  }, [rows]);
  return estimate;
}

/**
 * Storage used, the rows that use it, how long prices keep full detail, what the last tidy-up did, and — when a
 * write found the disk full — that it happened and whether the newest data was kept (entrypoints/background/
 * maintenance.ts records it). Part of the options' "Your data" section.
 */
export function StorageSection() {
  const rows = useLiveQuery(async () => {
    const d = db();
    const [products, observations, shortlist, offers, lookups, pictures] = await Promise.all([
      d.products.count(),
      countPricePoints(d),
      d.shortlist.count(),
      d.offers.count(),
      d.lookups.count(),
      d.imageHashes.count(),
    ]);
    return { products, observations, shortlist, offers, lookups, pictures };
  }, []);
  const total = rows ? Object.values(rows).reduce((a, b) => a + b, 0) : undefined;
  const estimate = useEstimate(total);
  const settings = useStorageItem(historySettings, withHistoryDefaults);
  const tidy = useStorageItem(lastMaintenance);
  const full = useStorageItem(quotaEvent);

  return (
    <div class="ui-stack" data-testid="storage-section">
      <h3 class="ui-section-title">{t('storageTitle')}</h3>
      {full ? (
        <Banner tone={full.recovered ? 'warn' : 'error'} data-testid="storage-quota">
          <p>
            {full.recovered
              ? t('storageQuotaRecovered', [when(full.at), String(full.count)])
              : t('storageQuotaLost', [when(full.at), String(full.count)])}
          </p>
          <div>
            <Button
              size="sm"
              data-testid="storage-quota-dismiss"
              onClick={() => void quotaEvent.setValue(null)}
            >
              {t('storageQuotaDismiss')}
            </Button>
          </div>
        </Banner>
      ) : null}
      <p data-testid="storage-used">
        {estimate === undefined
          ? '…'
          : estimate?.usage !== undefined && estimate.quota !== undefined
            ? t('storageUsed', [bytes(estimate.usage), bytes(estimate.quota)])
            : t('storageUnknown')}
      </p>
      <p data-testid="data-counts">
        {rows
          ? t('dataCounts', [String(rows.products), String(rows.observations), String(rows.shortlist)])
          : '…'}
      </p>
      {rows ? (
        <table class="ui-table" data-testid="storage-rows">
          <tbody>
            <tr>
              <th scope="row">{t('storageRowOffers')}</th>
              <td>{count(rows.offers)}</td>
            </tr>
            <tr>
              <th scope="row">{t('storageRowLookups')}</th>
              <td>{count(rows.lookups)}</td>
            </tr>
            <tr>
              <th scope="row">{t('storageRowPictures')}</th>
              <td>{count(rows.pictures)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {settings ? (
        <NumberField
          inline
          class="options__row"
          label={t('storageDetailDays')}
          min={DETAIL_DAYS_RANGE[0]}
          max={DETAIL_DAYS_RANGE[1]}
          value={settings.detailDays}
          data-testid="setting-detail-days"
          onCommit={(n) =>
            void historySettings.setValue({ ...settings, detailDays: n ?? settings.detailDays })
          }
        />
      ) : null}
      {tidy ? (
        <p class="ui-muted ui-small" data-testid="storage-last-tidy">
          {t('storageLastTidy', [
            when(tidy.at),
            count(tidy.collapsedPoints),
            count(tidy.lookups),
            count(tidy.pictures),
          ])}
        </p>
      ) : null}
    </div>
  );
}
