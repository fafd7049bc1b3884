import { SOURCES, type Source, type SourceId } from '../../../core/sources/index';
import type { SourceProvider } from '../../../core/sources/provider';

/** A registered source as the background runs it: its definition and its one provider instance. */
export interface SourceRuntime {
  source: Source;
  provider: SourceProvider;
}

/**
 * One provider per source per service-worker life (providers keep their empty-answer counters), created on first
 * use and derived from the registry: nothing here names a source.
 */
const runtimes = new Map<string, Promise<SourceRuntime>>();

export function sourceRuntime(id: SourceId): Promise<SourceRuntime> {
  let runtime = runtimes.get(id);
  if (!runtime) {
    const source = SOURCES.find((s) => s.id === id);
    // The message schema only lets registered ids through; anything else is a programming error.
    if (!source) return Promise.reject(new Error(`no source "${id}"`));
    runtime = source.create().then((provider) => ({ source, provider }));
    runtimes.set(id, runtime);
  }
  return runtime;
}

/** Every host a source's requests go to: one check passed on the source clears them all. */
export function sourceHosts(source: Source): string[] {
  return Object.values<string>(source.hosts);
}

/** The host an offer page of the source is read from (its own politeness slots), else its search host. */
export const offerPageHost = (source: Source): string =>
  'offerPages' in source.hosts ? source.hosts.offerPages : source.hosts.search;
