import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '../core/url';

/** A link that opens only http(s) addresses, in a new tab, without giving the page a handle on ours. */
export function ExternalLink(props: { href: string; children: ComponentChildren; class?: string }) {
  const href = safeHttpUrl(props.href);
  if (!href) return <span class={props.class}>{props.children}</span>;
  return (
    <a class={props.class} href={href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}
