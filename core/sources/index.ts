/** The explicit registry of wholesale source providers. Add a provider here; nothing registers itself. */
import { create1688Provider, type Provider1688Options } from './1688/index';
import { createAlibabaProvider, type ProviderAlibabaOptions } from './alibaba/index';
import type { SourceProvider } from './provider';

export type ProviderId = '1688' | 'alibaba';

/** Options of every provider; each reads its own (`emptyRunThreshold` means the same to both). */
export type ProviderOptions = Provider1688Options & ProviderAlibabaOptions;

export interface ProviderEntry {
  id: ProviderId;
  label: string;
  create: () => SourceProvider;
}

export const PROVIDERS: readonly ProviderEntry[] = [
  { id: '1688', label: '1688', create: () => create1688Provider() },
  { id: 'alibaba', label: 'Alibaba.com', create: () => createAlibabaProvider() },
];

export function providerIds(): ProviderId[] {
  return PROVIDERS.map((p) => p.id);
}

/** A new provider instance (providers keep small per-instance state such as the empty-answer counter). */
export function createProvider(id: string, opts?: ProviderOptions): SourceProvider | null {
  if (id === '1688') return create1688Provider(opts);
  if (id === 'alibaba') return createAlibabaProvider(opts);
  return null;
}

export type * from './provider';
export type * from './types';
export type { Provider1688Options, ProviderAlibabaOptions };
export { create1688Provider, createAlibabaProvider };
