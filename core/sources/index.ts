/**
 * The registry of wholesale sources: the one list everything else derives from (the background's runtimes and
 * politeness hosts, the manifest's host permissions, the message schema's source ids, the side panel's source
 * picker and feature switches). Adding a source: its folder with a `source.ts` definition, one line here, its
 * mock host under tests/mock-sources/ and its tests. Order is the order offered (1688 first: factory prices).
 */
import { source1688 } from './1688/source';
import { sourceAlibaba } from './alibaba/source';
import type { SourceDefinition } from './definition';
import type { SortOrder } from './provider';

export const SOURCES = [source1688, sourceAlibaba] as const satisfies readonly SourceDefinition[];

export type Source = (typeof SOURCES)[number];
export type SourceId = Source['id'];
/** How an answer travelled: one of the sources' routes, or the local cache. */
export type RouteId = Source['routes'][number]['id'];

/** The source ids, in registry order (non-empty: a picklist can be built from it). */
export const SOURCE_IDS = SOURCES.map((s) => s.id) as [SourceId, ...SourceId[]];

/** The source that is asked when a message names none. */
export const DEFAULT_SOURCE: SourceId = SOURCES[0].id;

export function isSourceId(id: unknown): id is SourceId {
  return typeof id === 'string' && (SOURCE_IDS as string[]).includes(id);
}

/** The definition of a registered source, or null for an unknown id. */
export function sourceById(id: string): Source | null {
  return SOURCES.find((s) => s.id === id) ?? null;
}

/** A source's route by id (how an answer travelled), or null. */
export function routeById(id: string): Source['routes'][number] | null {
  for (const s of SOURCES) for (const r of s.routes) if (r.id === id) return r;
  return null;
}

/** Whether the source can sort its answers this way. */
export function sortsBy(source: Source, sort: SortOrder): boolean {
  return (source.supports.sorts as readonly SortOrder[]).includes(sort);
}

/** The match patterns of every source's sites: the manifest's host permissions. */
export const SOURCE_SITES: string[] = [...new Set(SOURCES.flatMap((s) => [...s.sites]))];

export type * from './definition';
export type * from './provider';
export type * from './types';
