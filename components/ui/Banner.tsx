import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

export type BannerTone = 'info' | 'warn' | 'error' | 'success';

const ICON: Record<BannerTone, IconName> = { info: 'info', warn: 'warn', error: 'error', success: 'check' };

/**
 * A message about the view as a whole (a source's wall, a failed search, a setting refused) with the actions that
 * resolve it. Announced politely when it appears (`role="status"`); errors interrupt (`role="alert"`) only when
 * `urgent` is set, since most follow the person's own click and are read out anyway.
 */
export function Banner(props: {
  tone?: BannerTone;
  title?: ComponentChildren;
  children?: ComponentChildren;
  /** Buttons / links, in order of importance (the first is the way forward). */
  actions?: ComponentChildren;
  icon?: IconName | null;
  urgent?: boolean;
  class?: string;
  'data-testid'?: string;
  /** Extra attributes tests read (`data-call`). */
  dataAttrs?: Record<`data-${string}`, string>;
}) {
  const tone = props.tone ?? 'info';
  const icon = props.icon === undefined ? ICON[tone] : props.icon;
  return (
    <div
      class={`ui-banner ui-banner--${tone}${props.class ? ` ${props.class}` : ''}`}
      role={props.urgent ? 'alert' : 'status'}
      data-testid={props['data-testid']}
      {...props.dataAttrs}
    >
      {icon ? (
        <span class="ui-banner__icon">
          <Icon name={icon} />
        </span>
      ) : null}
      <div class="ui-banner__body">
        {props.title ? <p class="ui-banner__title">{props.title}</p> : null}
        {props.children}
        {props.actions ? <div class="ui-banner__actions">{props.actions}</div> : null}
      </div>
    </div>
  );
}
