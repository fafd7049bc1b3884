import { useId } from 'preact/hooks';
import { Icon, type IconName } from './Icon';

export interface Segment<V extends string> {
  value: V;
  label: string;
  icon?: IconName;
  disabled?: boolean;
  /** Why it is disabled, or what it does. */
  title?: string;
}

/**
 * A choice between two to four modes shown side by side (words / picture). Native radio buttons underneath, so
 * arrow keys move between segments and the group is announced with its `label`.
 */
export function SegmentedControl<V extends string>(props: {
  label: string;
  value: V;
  options: readonly Segment<V>[];
  onChange: (value: V) => void;
  size?: 'sm' | 'md';
  class?: string;
  'data-testid'?: string;
}) {
  const name = useId();
  return (
    <div
      class={`ui-segmented ui-segmented--${props.size ?? 'md'}${props.class ? ` ${props.class}` : ''}`}
      role="radiogroup"
      aria-label={props.label}
      data-testid={props['data-testid']}
      data-value={props.value}
    >
      {props.options.map((o) => (
        <label
          key={o.value}
          class={`ui-segmented__item${o.disabled ? ' ui-segmented__item--disabled' : ''}`}
          title={o.title}
        >
          <input
            type="radio"
            class="ui-segmented__input"
            name={name}
            value={o.value}
            checked={props.value === o.value}
            disabled={o.disabled}
            onChange={() => props.onChange(o.value)}
          />
          <span class="ui-segmented__face">
            {o.icon ? <Icon name={o.icon} size={14} /> : null}
            {o.label}
          </span>
        </label>
      ))}
    </div>
  );
}
