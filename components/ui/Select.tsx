import { useId } from 'preact/hooks';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

/**
 * A native select (keyboard and screen readers for free) in the design system's look, with its label: shown
 * above it, or only to assistive technology with `hideLabel` where the options speak for themselves.
 */
export function Select<V extends string>(props: {
  label: string;
  hideLabel?: boolean;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  size?: 'sm' | 'md';
  title?: string;
  class?: string;
  'data-testid'?: string;
}) {
  const id = useId();
  return (
    <div class={`ui-field ui-field--select${props.class ? ` ${props.class}` : ''}`}>
      <label class={props.hideLabel ? 'ui-visually-hidden' : 'ui-field__label'} for={id}>
        {props.label}
      </label>
      <span class={`ui-select ui-select--${props.size ?? 'md'}`}>
        <select
          id={id}
          value={props.value}
          disabled={props.disabled}
          title={props.title}
          data-testid={props['data-testid']}
          onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as V)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
