import { t } from '../../components/i18n';
import { useStorageItem } from '../../components/useStorageItem';
import type { ExchangeRates } from '../../core/match/margin';
import { DEFAULT_RATES } from '../../core/match/margin';
import { type MarginSettings, marginSettings } from '../../storage/settings';

const clamp = (v: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Number.isFinite(v) ? v : min));

/** Costs and exchange rates the margins are computed with; the rates' date is shown and editable. */
export function MarginSettingsForm() {
  const value = useStorageItem(marginSettings);
  if (!value) return null;
  const save = (patch: Partial<MarginSettings>) => void marginSettings.setValue({ ...value, ...patch });
  const setRate = (code: string, rate: number) =>
    save({ rates: { ...value.rates, [code]: clamp(rate, 0, 1_000_000) } as ExchangeRates });
  const codes = Object.keys(value.rates).filter((k) => k !== 'date' && k !== 'CNY');
  return (
    <>
      <label class="setting">
        {t('settingShipping')}
        <input
          type="number"
          min={0}
          step="0.01"
          value={value.shippingPerUnitMinor / 100}
          data-testid="setting-shipping"
          onChange={(e) =>
            save({
              shippingPerUnitMinor: Math.round(
                clamp(Number((e.currentTarget as HTMLInputElement).value), 0, 100_000) * 100,
              ),
            })
          }
        />
      </label>
      <label class="setting">
        {t('settingFee')}
        <input
          type="number"
          min={0}
          max={100}
          step="0.1"
          value={value.platformFeePct}
          data-testid="setting-fee"
          onChange={(e) =>
            save({ platformFeePct: clamp(Number((e.currentTarget as HTMLInputElement).value), 0, 100) })
          }
        />
      </label>
      <p class="empty">{t('ratesNote', [String(value.rates.date)])}</p>
      <label class="setting">
        {t('ratesDate')}
        <input
          type="date"
          value={String(value.rates.date)}
          onChange={(e) =>
            save({ rates: { ...value.rates, date: (e.currentTarget as HTMLInputElement).value } })
          }
        />
        <button type="button" onClick={() => save({ rates: DEFAULT_RATES })}>
          {t('ratesReset')}
        </button>
      </label>
      <div class="rates">
        {codes.map((code) => (
          <label class="setting" key={code}>
            <span class="rates__code">{code}</span>
            <input
              type="number"
              min={0}
              step="any"
              value={Number(value.rates[code])}
              onChange={(e) => setRate(code, Number((e.currentTarget as HTMLInputElement).value))}
            />
          </label>
        ))}
      </div>
    </>
  );
}
