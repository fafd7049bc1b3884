import type { ComponentChildren, Ref } from 'preact';
import { useId } from 'preact/hooks';

interface FieldFrame {
  label: string;
  /** Visible only to assistive technology (a search box whose purpose its placeholder and button make plain). */
  hideLabel?: boolean;
  /** One line under the field: what the value means or its unit. */
  hint?: ComponentChildren;
  /** Label beside the field instead of above it (settings rows). */
  inline?: boolean;
  disabled?: boolean;
  class?: string;
  'data-testid'?: string;
}

function Frame(props: FieldFrame & { id: string; children: ComponentChildren }) {
  const hintId = `${props.id}-hint`;
  return (
    <div class={`ui-field${props.inline ? ' ui-field--inline' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label class={props.hideLabel ? 'ui-visually-hidden' : 'ui-field__label'} for={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.hint ? (
        <span class="ui-field__hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled text input (text, search, date). `onInput` gets every keystroke's value. */
export function TextField(
  props: FieldFrame & {
    value: string;
    onInput?: (value: string) => void;
    onChange?: (value: string) => void;
    type?: 'text' | 'search' | 'date';
    placeholder?: string;
    maxLength?: number;
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  const id = useId();
  return (
    <Frame {...props} id={id}>
      <input
        id={id}
        ref={props.inputRef}
        class="ui-input"
        // The input's typings tie each type to its allowed roles; none of these types takes a role here.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        data-testid={props['data-testid']}
        onInput={(e) => props.onInput?.((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => props.onChange?.((e.currentTarget as HTMLInputElement).value)}
      />
    </Frame>
  );
}

/**
 * A labelled number input. The value is committed on change (leaving the field or Enter), clamped to
 * [min, max]; an empty field commits null when `allowEmpty`, else `min`. `unit` is shown after the input.
 */
export function NumberField(
  props: FieldFrame & {
    value: number | null;
    onCommit: (value: number | null) => void;
    min?: number;
    max?: number;
    step?: number | 'any';
    allowEmpty?: boolean;
    /** Rounded to whole numbers (quantities, seconds). */
    integer?: boolean;
    unit?: string;
    placeholder?: string;
    width?: 'xs' | 'sm' | 'md';
    /** Extra attributes tests read (`data-filtered`). */
    dataAttrs?: Record<`data-${string}`, string>;
  },
) {
  const id = useId();
  const min = props.min ?? Number.NEGATIVE_INFINITY;
  const max = props.max ?? Number.POSITIVE_INFINITY;
  const commit = (raw: string) => {
    if (raw.trim() === '' && props.allowEmpty) return props.onCommit(null);
    let n = Number(raw);
    if (!Number.isFinite(n)) n = Number.isFinite(min) ? min : 0;
    if (props.integer) n = Math.round(n);
    props.onCommit(Math.min(max, Math.max(min, n)));
  };
  return (
    <Frame {...props} id={id}>
      <span class={`ui-number ui-number--${props.width ?? 'sm'}`}>
        <input
          id={id}
          class="ui-input"
          type="number"
          inputMode={props.integer ? 'numeric' : 'decimal'}
          min={props.min}
          max={props.max}
          step={props.step}
          placeholder={props.placeholder}
          value={props.value ?? ''}
          disabled={props.disabled}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          data-testid={props['data-testid']}
          {...props.dataAttrs}
          onChange={(e) => commit((e.currentTarget as HTMLInputElement).value)}
        />
        {props.unit ? (
          <span class="ui-number__unit" aria-hidden="true">
            {props.unit}
          </span>
        ) : null}
      </span>
    </Frame>
  );
}
