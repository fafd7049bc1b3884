import { useEffect, useState } from 'preact/hooks';

/**
 * A short confirmation ("Copied", "Kept") in a polite live region at the bottom of the view: screen readers read
 * it without moving focus. The region is always in the page (a live region added together with its text is often
 * not announced); the message goes after `durationMs`.
 */
export function Toast(props: { message: string | null; tone?: 'neutral' | 'error' }) {
  return (
    <div class="ui-toast-region" role="status" aria-live="polite" data-testid="toast">
      {props.message ? (
        <div class={`ui-toast${props.tone === 'error' ? ' ui-toast--error' : ''}`}>{props.message}</div>
      ) : null}
    </div>
  );
}

/** A toast and the function that shows a message in it: render `toast` once, call `show(text)` from actions. */
export function useToast(durationMs = 3000) {
  const [message, setMessage] = useState<{ text: string; tone: 'neutral' | 'error'; at: number } | null>(
    null,
  );
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), durationMs);
    return () => clearTimeout(timer);
  }, [message, durationMs]);
  return {
    toast: <Toast message={message?.text ?? null} tone={message?.tone} />,
    show: (text: string, tone: 'neutral' | 'error' = 'neutral') => setMessage({ text, tone, at: Date.now() }),
  };
}
