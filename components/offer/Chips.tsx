import { t } from '../i18n';
import { Chip, type ChipTone } from '../ui';

/** The chips core/match/offer-score.ts gives, by name (the part before `:`), with the value after it if any. */
const CHIP_TEXT = new Map<string, (value: string) => string>([
  ['same-photo', () => t('chip_same_photo')],
  ['similar-title', () => t('chip_similar_title')],
  ['factory', () => t('chip_factory')],
  ['yrs', (value) => t('chip_yrs', [value])],
  ['repurchase', (value) => t('chip_repurchase', [value])],
  ['dropship', () => t('chip_dropship')],
  ['moq', (value) => t('chip_moq', [value])],
  ['price-implausible', () => t('chip_price_implausible')],
  ['ad', () => t('chip_ad')],
]);

/** How each chip stands out: a strong match reason in the accent, ads and implausible prices as warnings. */
const CHIP_TONE: Record<string, ChipTone> = {
  'same-photo': 'accent',
  'similar-title': 'accent',
  factory: 'success',
  ad: 'warn',
  // The minimum order is above the buyer's quantity.
  moq: 'warn',
  'price-implausible': 'danger',
};

/** A ranking chip ("same-photo", "moq:2", "yrs:8") in the reader's language; an unknown one as it came. */
function chipText(chip: string): string {
  const [name = '', value = ''] = chip.split(':');
  return CHIP_TEXT.get(name)?.(value) ?? chip;
}

/** Why an offer ranks where it does, as short chips. Ads and implausible prices stand out. */
export function Chips(props: { chips: string[] }) {
  return (
    <span class="chips" data-testid="offer-chips">
      {props.chips.map((c) => (
        <Chip key={c} tone={CHIP_TONE[c.split(':')[0] ?? ''] ?? 'neutral'} dataAttrs={{ 'data-chip': c }}>
          {chipText(c)}
        </Chip>
      ))}
    </span>
  );
}
