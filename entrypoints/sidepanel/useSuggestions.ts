import { useEffect, useState } from 'preact/hooks';
import type { SourceId } from '../../core/sources/index';
import { sendMessage } from '../../messaging/client';

/** Wait this long after the last keystroke: suggestions share the source's politeness slots with searches. */
const DEBOUNCE_MS = 600;

/**
 * A source's suggestions for the query box, asked only for text the person typed (not for the query built from
 * the product, which would cost a request on every page they open), debounced, newest prefix only. `source` is
 * null while nothing should be asked (the query is not typed, or the source has no suggestions).
 */
export function useSuggestions(query: string, source: SourceId | null): string[] {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  useEffect(() => {
    const prefix = query.trim();
    if (!source || !prefix) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void sendMessage('suggestQueries', { source, prefix: prefix.slice(0, 50) })
        .then((reply) => {
          if (live && reply.state === 'ok') setSuggestions(reply.suggestions.slice(0, 10));
        })
        .catch(() => {});
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, source]);
  return suggestions;
}
