import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

/**
 * A view with nothing to show yet, designed: one short sentence saying what is (or isn't) here, what to do next,
 * and the button for it when there is one. `children` holds anything more (a list of suggestions, a hint).
 */
export function EmptyState(props: {
  title: ComponentChildren;
  /** What to do next, in a sentence. */
  body?: ComponentChildren;
  icon?: IconName;
  /** The next step's button(s). */
  action?: ComponentChildren;
  children?: ComponentChildren;
  /** Less padding, for a state inside a card or a narrow column. */
  compact?: boolean;
  'data-testid'?: string;
}) {
  return (
    <div class={`ui-empty${props.compact ? ' ui-empty--compact' : ''}`} data-testid={props['data-testid']}>
      {props.icon ? (
        <span class="ui-empty__icon">
          <Icon name={props.icon} size={20} />
        </span>
      ) : null}
      <p class="ui-empty__title">{props.title}</p>
      {props.body ? <p class="ui-empty__body">{props.body}</p> : null}
      {props.children}
      {props.action ? <div class="ui-empty__actions">{props.action}</div> : null}
    </div>
  );
}
