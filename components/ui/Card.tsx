import type { ComponentChildren } from 'preact';

/**
 * A bordered surface for one thing (a product, an offer, a settings group). `as` picks the element: `article`
 * for a self-contained item, `section` for a titled group (give it a heading), `div` otherwise.
 */
export function Card(props: {
  children: ComponentChildren;
  as?: 'article' | 'section' | 'div';
  /** Tighter padding for list items. */
  compact?: boolean;
  /** Subtle background without a border (a group inside another card). */
  sunken?: boolean;
  class?: string;
  'aria-labelledby'?: string;
  'data-testid'?: string;
  /** Extra attributes tests read (`data-offer-id`). */
  dataAttrs?: Record<`data-${string}`, string>;
}) {
  const Tag = props.as ?? 'div';
  const cls = `ui-card${props.compact ? ' ui-card--compact' : ''}${props.sunken ? ' ui-card--sunken' : ''}${
    props.class ? ` ${props.class}` : ''
  }`;
  return (
    <Tag
      class={cls}
      aria-labelledby={props['aria-labelledby']}
      data-testid={props['data-testid']}
      {...props.dataAttrs}
    >
      {props.children}
    </Tag>
  );
}
