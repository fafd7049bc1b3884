import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/client';

/** Wait this long after the last keystroke: suggestions share the source's politeness slots with searches. */
const DEBOUNCE_MS = 600;

/**
 * 1688's suggestions for the query box, asked only for text the person typed (not for the query built from
 * the product, which would cost a request on every page they open), debounced, newest prefix only.
 */
export function useSuggestions(query: string, typed: boolean): string[] {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  useEffect(() => {
    const prefix = query.trim();
    if (!typed || !prefix) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void sendMessage('suggestQueries', { prefix: prefix.slice(0, 50) })
        .then((reply) => {
          if (live && reply.state === 'ok') setSuggestions(reply.suggestions.slice(0, 10));
        })
        .catch(() => {});
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, typed]);
  return suggestions;
}
