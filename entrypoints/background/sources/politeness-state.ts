import { storage } from 'wxt/utils/storage';
import type { PolitenessSnapshot } from '../../../core/sources/politeness';

/**
 * The politeness policy's per-host state (next free slot, back-off and its reason) in session storage: it
 * outlives a service-worker restart within the browser session, and is gone with the session, as a pause should.
 * Read back through `Politeness.restore`, which skips anything malformed.
 */
export const politenessState = storage.defineItem<PolitenessSnapshot>('session:politeness', { fallback: {} });
