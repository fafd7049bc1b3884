import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface CheckProps {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** A line under the label: what turning it on does. */
  hint?: ComponentChildren;
  title?: string;
  class?: string;
  'data-testid'?: string;
}

function Check(props: CheckProps & { kind: 'checkbox' | 'toggle' }) {
  const id = useId();
  return (
    <div
      class={`ui-check ui-check--${props.kind}${props.class ? ` ${props.class}` : ''}`}
      title={props.title}
    >
      <input
        id={id}
        type="checkbox"
        role={props.kind === 'toggle' ? 'switch' : undefined}
        class={props.kind === 'toggle' ? 'ui-toggle' : 'ui-checkbox'}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        data-testid={props['data-testid']}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="ui-check__text">
        <label for={id} class="ui-check__label">
          {props.label}
        </label>
        {props.hint ? (
          <span class="ui-field__hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </span>
    </div>
  );
}

/** A checkbox with its label: for a choice that takes effect with the next action (a search filter). */
export function Checkbox(props: CheckProps) {
  return <Check {...props} kind="checkbox" />;
}

/** An on/off switch with its label: for a setting that takes effect at once. */
export function Toggle(props: CheckProps) {
  return <Check {...props} kind="toggle" />;
}
