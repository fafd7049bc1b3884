import { SOURCES, type Source, type SourceId } from '../../../core/sources/index';
import type { SourceProvider } from '../../../core/sources/provider';

/** A registered source as the background runs it: its definition and its one provider instance. */
export interface SourceRuntime {
  source: Source;
  provider: SourceProvider;
}

/**
 * One provider per source per service-worker life (providers keep their empty-answer counters), derived from the
 * registry: nothing here names a source.
 */
const runtimes = new Map<string, SourceRuntime>(
  SOURCES.map((source) => [source.id, { source, provider: source.create() }]),
);

export function sourceRuntime(id: SourceId): SourceRuntime {
  const runtime = runtimes.get(id);
  // The message schema only lets registered ids through; anything else is a programming error.
  if (!runtime) throw new Error(`no source "${id}"`);
  return runtime;
}

/** Every host a source's requests go to: one check passed on the source clears them all. */
export function sourceHosts(source: Source): string[] {
  return Object.values<string>(source.hosts);
}

/** The host an offer page of the source is read from (its own politeness slots), else its search host. */
export const offerPageHost = (source: Source): string =>
  'offerPages' in source.hosts ? source.hosts.offerPages : source.hosts.search;
