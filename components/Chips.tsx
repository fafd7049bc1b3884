import { t } from './i18n';

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
        <span
          key={c}
          class={`chip${c === 'ad' ? ' chip--ad' : c === 'price-implausible' ? ' chip--warn' : ''}`}
          data-chip={c}
        >
          {chipText(c)}
        </span>
      ))}
    </span>
  );
}
