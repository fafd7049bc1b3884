import type { SourceId } from '../../../core/sources/index';
import type { SuggestReply } from '../../../messaging/search';
import { readSourceSettings } from '../../../storage/settings/sources';
import { sleep } from './abortable';
import { routeChain } from './chain';
import { busy, exclusive, polite, politeTransport } from './polite';
import { sourceRuntime } from './runtimes';
import { turnedOff } from './turned-off';
import { unrecognisedReply } from './wall-reply';

/** Suggestions are worth a short wait for the host's next slot, not a place in a queue of searches. */
const MAX_WAIT_MS = 4000;
const CACHE_TTL_MS = 30 * 60 * 1000;
const CACHE_MAX = 200;

const cache = new Map<string, { suggestions: string[]; at: number }>();
/** Only the newest prefix is worth asking for: older ones still waiting for a slot are dropped. */
let newest = 0;

function remember(key: string, suggestions: string[]): void {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { suggestions, at: Date.now() });
}

/**
 * The source's own suggestions for what the person is typing, through the same routes and politeness slots
 * as searches. Cached for half an hour; skipped (not queued) while the host is busy or backing off.
 */
export async function suggestQueries(sourceId: SourceId, prefix: string): Promise<SuggestReply> {
  const off = await turnedOff(sourceId);
  if (off) return off;
  const { source, provider } = await sourceRuntime(sourceId);
  if (!source.supports.suggestions) return { state: 'skipped', reason: 'unsupported' };
  const key = `${source.id}:${prefix.trim().toLowerCase()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return { state: 'ok', suggestions: hit.suggestions };
  const host = source.hosts.search;
  const mine = ++newest;
  const p = await polite();
  if (p.blocked(host)) return { state: 'skipped', reason: 'blocked' };
  const delay = p.delayFor(host);
  if (delay > MAX_WAIT_MS || busy(host)) return { state: 'skipped', reason: 'busy' };
  if (delay > 0) await sleep(delay);
  if (mine !== newest) return { state: 'skipped', reason: 'superseded' };
  if (busy(host)) return { state: 'skipped', reason: 'busy' };
  const chain = routeChain(source);
  const { deadlineMs } = await readSourceSettings();
  const transport = politeTransport(p, host, chain.transport, deadlineMs);
  const result = await exclusive(host, () => provider.suggest(prefix, { transport, tokens: chain.tokens }));
  p.report(host, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);
  if (result.state === 'ok') {
    remember(key, result.suggestions);
    return { state: 'ok', suggestions: result.suggestions };
  }
  // A wall met while typing is shown by the next search; suggestions just stop. A changed answer is logged.
  if (result.state === 'unrecognised') {
    await unrecognisedReply(source.id, result, source.pages.home);
    return { state: 'skipped', reason: 'unrecognised' };
  }
  if (result.state === 'error') return { state: 'error', message: result.message };
  return { state: 'skipped', reason: 'blocked' };
}
