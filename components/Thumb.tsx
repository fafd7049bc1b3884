import { useState } from 'preact/hooks';
import { safeHttpUrl } from '../core/url';
import './offers.css';
import { Icon } from './ui';

/**
 * A product or offer picture (only http(s), no referrer), or a neutral placeholder of the same size when there is
 * none or it does not load — never the browser's broken-image mark. Decorative: the title beside it names it.
 */
export function Thumb(props: { url: string | null | undefined; class: string; lazy?: boolean }) {
  const url = safeHttpUrl(props.url);
  const [failed, setFailed] = useState<string | null>(null);
  if (!url || failed === url)
    return (
      <span class={`${props.class} thumb--none`} aria-hidden="true">
        <Icon name="image" size={20} />
      </span>
    );
  return (
    <img
      class={props.class}
      src={url}
      alt=""
      loading={props.lazy ? 'lazy' : undefined}
      referrerpolicy="no-referrer"
      onError={() => setFailed(url)}
    />
  );
}
