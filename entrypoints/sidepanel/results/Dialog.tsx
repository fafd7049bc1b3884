import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../../components/i18n';
import { Button } from '../../../components/ui';

/**
 * A modal sheet over the side panel (keep, ask, compare): the browser's own `<dialog>` opened with `showModal`,
 * so focus moves into it and stays there, the rest of the panel is inert, Escape closes it, and focus goes back
 * to the control that opened it. Mounted only while open.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** The actions at its foot, most important last (right). */
  footer?: ComponentChildren;
  /** Wider than a form: the compare table. */
  wide?: boolean;
  'data-testid'?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const closed = () => onClose.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`sheet${props.wide ? ' sheet--wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={props['data-testid']}
    >
      <header class="sheet__head">
        <h2 class="sheet__title" id={titleId}>
          {props.title}
        </h2>
        <Button
          variant="ghost"
          size="sm"
          icon="close"
          label={t('sheetClose')}
          onClick={() => ref.current?.close()}
        />
      </header>
      <div class="sheet__body">{props.children}</div>
      {props.footer ? <footer class="sheet__foot">{props.footer}</footer> : null}
    </dialog>
  );
}
