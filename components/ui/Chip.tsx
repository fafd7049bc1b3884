import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

export type ChipTone = 'neutral' | 'accent' | 'info' | 'success' | 'warn' | 'danger';

/**
 * A short mark (a fact about an offer, a reason it ranks) or, with `onClick`, a small action (a proposed query
 * to search, a filter to toggle: `pressed` makes it a toggle button).
 */
export function Chip(props: {
  children: ComponentChildren;
  tone?: ChipTone;
  icon?: IconName;
  onClick?: () => void;
  pressed?: boolean;
  title?: string;
  class?: string;
  'data-testid'?: string;
  /** Extra attributes tests read (`data-chip`). */
  dataAttrs?: Record<`data-${string}`, string>;
}) {
  const cls = `ui-chip ui-chip--${props.tone ?? 'neutral'}${props.class ? ` ${props.class}` : ''}`;
  const inner = (
    <>
      {props.icon ? <Icon name={props.icon} size={12} /> : null}
      {props.children}
    </>
  );
  if (props.onClick)
    return (
      <button
        type="button"
        class={`${cls} ui-chip--action`}
        aria-pressed={props.pressed}
        title={props.title}
        data-testid={props['data-testid']}
        {...props.dataAttrs}
        onClick={props.onClick}
      >
        {inner}
      </button>
    );
  return (
    <span class={cls} title={props.title} data-testid={props['data-testid']} {...props.dataAttrs}>
      {inner}
    </span>
  );
}
