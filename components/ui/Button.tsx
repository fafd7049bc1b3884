import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { safeHttpUrl } from '../../core/url';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

type NativeButton = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'icon' | 'label' | 'size'>;

/** The look shared by buttons and links that act as buttons. */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', extra?: string) {
  return `ui-button ui-button--${variant} ui-button--${size}${extra ? ` ${extra}` : ''}`;
}

/**
 * A button. `variant`: primary (the one main action of a view), secondary (default), ghost (quiet, in rows of
 * actions), danger (destroys data). With `icon` and no children it is icon-only: `label` is then its accessible
 * name (and tooltip), which the type requires.
 */
export function Button(
  props: NativeButton & {
    variant?: ButtonVariant;
    size?: ButtonSize;
    icon?: IconName;
    class?: string;
    busy?: boolean;
  } & (
      | { children: ComponentChildren; label?: string }
      | { children?: undefined; label: string; icon: IconName }
    ),
) {
  const { variant, size, icon, label, busy, children, type, ...rest } = props;
  const iconOnly = children === undefined || children === null;
  return (
    <button
      type={type ?? 'button'}
      {...rest}
      class={buttonClass(variant, size, `${iconOnly ? 'ui-button--icon' : ''} ${props.class ?? ''}`.trim())}
      aria-label={iconOnly ? label : rest['aria-label']}
      title={iconOnly ? label : rest.title}
      aria-busy={busy || undefined}
    >
      {busy ? <span class="ui-spinner ui-spinner--inline" aria-hidden="true" /> : null}
      {!busy && icon ? <Icon name={icon} /> : null}
      {iconOnly ? null : <span class="ui-button__text">{children}</span>}
    </button>
  );
}

/**
 * A link that looks like a button, for actions that open a page on a source ("Verify on 1688"): only http(s)
 * addresses, in a new tab, without giving the page a handle on ours. Anything else renders as a disabled button.
 */
export function LinkButton(props: {
  href: string;
  children: ComponentChildren;
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: IconName;
  onClick?: () => void;
  'data-testid'?: string;
  /** Test id of the text inside the link (tests read the link's `href` from its parent). */
  textTestId?: string;
}) {
  const href = safeHttpUrl(props.href);
  const cls = buttonClass(props.variant ?? 'primary', props.size);
  const inner = (
    <>
      {props.icon ? <Icon name={props.icon} /> : null}
      <span class="ui-button__text" data-testid={props.textTestId}>
        {props.children}
      </span>
    </>
  );
  if (!href)
    return (
      <button type="button" class={cls} disabled data-testid={props['data-testid']}>
        {inner}
      </button>
    );
  return (
    <a
      class={cls}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={props.onClick}
      data-testid={props['data-testid']}
    >
      {inner}
    </a>
  );
}
