import { spotterEnabled } from '../../storage/settings';
import { SPOTTER_MATCHES } from './matches';
import { startSpotter } from './spotter';

// The spotter exits at once on pages without a product signal, so the cost on every other page is one cheap
// check (see README, Permissions).
export default defineContentScript({
  matches: SPOTTER_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    try {
      if (!(await spotterEnabled.getValue())) return;
    } catch {
      return; // extension context already gone
    }
    startSpotter(ctx);
  },
});
