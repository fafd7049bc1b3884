import { spotterEnabled } from '../../storage/settings';
import { startSpotter } from './spotter';

// Every http(s) page: Shopify stores and other shops live on any domain. The spotter exits at once on pages
// without a product signal, so the cost elsewhere is one cheap check per page (see README, Permissions).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
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
