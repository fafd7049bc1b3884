import { t } from '../../components/i18n';
import type { DetectedProduct } from '../../core/detect/types';
import { sendMessage } from '../../messaging/client';
import { uiLanguage } from '../../storage/settings/language';
import { inPageButton, inPageButtonShows, spotterEnabled } from '../../storage/settings/spotter';
import { createFindButton, type FindButton } from './find-button';
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
    // The in-page button exists only once a product is seen, and follows the person's setting for this site.
    let button: FindButton | null = null;
    const onDetected = (product: DetectedProduct | null) => {
      if (!product && !button) return;
      if (!button) {
        button = createFindButton(ctx, {
          label: t('inPageButton'),
          hint: t('inPageButtonHint'),
          // Sent from the click itself: the background opens the side panel inside this user gesture. Where the
          // browser would not open it (Firefox, from a page), the reply says how to, beside the button.
          onFind: (url) =>
            void sendMessage('findSourceFromPage', { mode: 'image', query: url })
              .then((reply) => {
                if (!reply.opened && reply.notice) button?.showNotice(reply.notice);
              })
              .catch(() => {}),
        });
        const created = button;
        const apply = (value: Parameters<typeof inPageButtonShows>[0]) =>
          created.setEnabled(inPageButtonShows(value, location.hostname));
        void inPageButton.getValue().then(apply, () => {});
        // Its words in the language chosen in the options, when one was: only the background can read that
        // language's messages for a content script (the locale files are not open to pages). Asked here, once a
        // product is seen, so pages without one pay nothing for it.
        void uiLanguage
          .getValue()
          .then((choice) => (choice === 'browser' ? null : sendMessage('inPageButtonText', {})))
          .then((chosen) => {
            if (chosen) created.setText(chosen);
          })
          .catch(() => {});
        ctx.onInvalidated(inPageButton.watch(apply));
      }
      button.setProduct(product);
    };
    startSpotter(ctx, onDetected);
  },
});
