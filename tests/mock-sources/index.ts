/**
 * The mock registry: for every source in the source registry (core/sources/index.ts), its local mock and the
 * hosts a browser maps onto it. A source without a mock here fails the type check (and the convention test);
 * the browser tests' and the trial's host maps are derived from this list, so a new source's mock is added
 * here and nowhere else.
 */
import type { SourceId } from '../../core/sources/index';
import { createMock1688, HOSTS_1688 } from './1688/mock';
import { createMockAlibaba, HOSTS_ALIBABA } from './alibaba/mock';
import type { SourceMock, SourceMockOptions } from './types';

export interface SourceMockEntry {
  /** Hosts a browser maps onto the mock (--host-resolver-rules): the source's own hosts, its pages' hosts. */
  readonly hosts: readonly string[];
  create(opts: SourceMockOptions): SourceMock;
}

export const SOURCE_MOCKS = {
  '1688': { hosts: HOSTS_1688, create: createMock1688 },
  alibaba: { hosts: HOSTS_ALIBABA, create: createMockAlibaba },
} as const satisfies { readonly [K in SourceId]: SourceMockEntry };

export type MockedSourceId = keyof typeof SOURCE_MOCKS;

/** Each source's mock, typed as its own (1688's catalogue and tokens, Alibaba.com's uploads). */
export type SourceMocks = { [K in MockedSourceId]: ReturnType<(typeof SOURCE_MOCKS)[K]['create']> };

/** Every host of every mock: what the browser tests and the trial map onto the mock server. */
export const MOCK_HOSTS: readonly string[] = Object.values(SOURCE_MOCKS).flatMap((m) => [...m.hosts]);
