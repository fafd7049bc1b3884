/** The explicit registry of wholesale source providers. Add a provider here; nothing registers itself. */
import { create1688Provider, type Provider1688Options } from './1688/index';
import type { SourceProvider } from './provider';

export type ProviderId = '1688';

export interface ProviderEntry {
  id: ProviderId;
  label: string;
  create: () => SourceProvider;
}

export const PROVIDERS: readonly ProviderEntry[] = [
  { id: '1688', label: '1688', create: () => create1688Provider() },
];

export function providerIds(): ProviderId[] {
  return PROVIDERS.map((p) => p.id);
}

/** A new provider instance (providers keep small per-instance state such as the empty-answer counter). */
export function createProvider(id: string, opts?: Provider1688Options): SourceProvider | null {
  if (id === '1688') return create1688Provider(opts);
  return null;
}

export type * from './provider';
export type * from './types';
export { create1688Provider };
