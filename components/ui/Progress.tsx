import type { ComponentChildren } from 'preact';

/** A small spinning ring, decorative: the text beside it says what is happening. */
export function Spinner(props: { size?: 'sm' | 'md' }) {
  return <span class={`ui-spinner ui-spinner--${props.size ?? 'sm'}`} aria-hidden="true" />;
}

/**
 * A thin progress line with what is happening in words, announced politely as it changes. Indeterminate unless
 * `value` (0–1) is given. `children` go at the end of the line (a Cancel button).
 */
export function ProgressLine(props: {
  label: ComponentChildren;
  value?: number;
  children?: ComponentChildren;
  'data-testid'?: string;
  /** Extra attributes tests read (`data-step`). */
  dataAttrs?: Record<`data-${string}`, string>;
}) {
  const determinate = props.value !== undefined;
  const pct = determinate ? Math.round(Math.min(1, Math.max(0, props.value ?? 0)) * 100) : undefined;
  return (
    <div class="ui-progress" data-testid={props['data-testid']} {...props.dataAttrs}>
      <div
        class={`ui-progress__track${determinate ? '' : ' ui-progress__track--indeterminate'}`}
        aria-hidden="true"
      >
        <span class="ui-progress__bar" style={determinate ? { width: `${pct}%` } : undefined} />
      </div>
      <div class="ui-progress__row">
        <Spinner />
        <span class="ui-progress__label" role="status" aria-live="polite">
          {props.label}
        </span>
        {props.children ? <span class="ui-progress__actions">{props.children}</span> : null}
      </div>
    </div>
  );
}

/** A grey block holding the place of content on its way, so nothing shifts when it arrives. Decorative. */
export function Skeleton(props: { width?: string; height?: number; class?: string }) {
  return (
    <span
      class={`ui-skeleton${props.class ? ` ${props.class}` : ''}`}
      style={{ width: props.width ?? '100%', height: `${props.height ?? 12}px` }}
      aria-hidden="true"
    />
  );
}
