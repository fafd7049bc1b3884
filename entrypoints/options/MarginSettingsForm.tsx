import { t } from '../../components/i18n';
import { Button, NumberField, TextField } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import type { ExchangeRates } from '../../core/match/margin';
import { DEFAULT_RATES } from '../../core/match/margin';
import { type MarginSettings, marginSettings } from '../../storage/settings/margin';

/**
 * What margins are computed with: the quantity the buyer plans (the tier shown as theirs), shipping per unit, the
 * marketplace fee, and the exchange rates with the date they are from (shown and editable).
 */
export function MarginSettingsForm() {
  const value = useStorageItem(marginSettings);
  if (!value) return null;
  const save = (patch: Partial<MarginSettings>) => void marginSettings.setValue({ ...value, ...patch });
  const setRate = (code: string, rate: number) =>
    save({ rates: { ...value.rates, [code]: rate } as ExchangeRates });
  const codes = Object.keys(value.rates).filter((k) => k !== 'date' && k !== 'CNY');
  return (
    <div class="ui-stack ui-stack--loose">
      <div class="ui-stack">
        <NumberField
          inline
          class="options__row"
          label={t('settingQuantity')}
          min={1}
          max={1_000_000}
          integer
          value={value.quantity}
          data-testid="setting-quantity"
          onCommit={(n) => save({ quantity: n ?? 1 })}
        />
        <NumberField
          inline
          class="options__row"
          label={t('settingShipping')}
          min={0}
          max={100_000}
          step={0.01}
          value={value.shippingPerUnitMinor / 100}
          data-testid="setting-shipping"
          onCommit={(n) => save({ shippingPerUnitMinor: Math.round((n ?? 0) * 100) })}
        />
        <NumberField
          inline
          class="options__row"
          label={t('settingFee')}
          min={0}
          max={100}
          step={0.1}
          value={value.platformFeePct}
          data-testid="setting-fee"
          onCommit={(n) => save({ platformFeePct: n ?? 0 })}
        />
      </div>
      <div class="ui-stack">
        <h3>{t('ratesTitle')}</h3>
        <p class="ui-muted" data-testid="rates-note">
          {t('ratesNote', [String(value.rates.date)])}
        </p>
        <div class="ui-row">
          <TextField
            inline
            type="date"
            label={t('ratesDate')}
            value={String(value.rates.date)}
            data-testid="rates-date"
            onChange={(date) => save({ rates: { ...value.rates, date } })}
          />
          <Button size="sm" variant="ghost" icon="refresh" onClick={() => save({ rates: DEFAULT_RATES })}>
            {t('ratesReset')}
          </Button>
        </div>
        <div class="rates">
          {codes.map((code) => (
            <NumberField
              key={code}
              inline
              class="rates__item"
              label={code}
              min={0}
              max={1_000_000}
              step="any"
              width="sm"
              value={Number(value.rates[code])}
              onCommit={(n) => setRate(code, n ?? 0)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
