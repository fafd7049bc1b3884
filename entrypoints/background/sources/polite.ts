import { Politeness } from '../../../core/sources/politeness';
import type { Transport } from '../../../core/sources/provider';
import { sourceSettings } from '../../../storage/settings';

/**
 * The one politeness policy of the background: every request any feature sends to a source host (searches,
 * suggestions, offer pages) takes its slot here, so they space out together.
 */
let politeness: Politeness | null = null;

/** Called from the background's main(): new limits from the options page take effect on the next request. */
export function watchSourceSettings(): void {
  sourceSettings.watch(() => {
    politeness = null;
  });
}

export async function polite(): Promise<Politeness> {
  const s = await sourceSettings.getValue();
  politeness ??= new Politeness({ minIntervalMs: s.minIntervalMs, jitterMs: s.jitterMs });
  return politeness;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `transport` with every request waiting for its slot on `host` first (token retries included). */
export function spacedTransport(p: Politeness, host: string, transport: Transport): Transport {
  return {
    async request(request, signal) {
      const start = p.reserve(host);
      if (start > Date.now()) await sleep(start - Date.now());
      return transport.request(request, signal);
    },
  };
}
