import { t } from './i18n';

/** A ranking chip ("same-photo", "moq:2", "yrs:8") in the reader's language. */
function chipText(chip: string): string {
  const [name = '', value = ''] = chip.split(':');
  const key = `chip_${name.replace(/-/g, '_')}`;
  const text = t(key, value);
  return text === key ? chip : text;
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
