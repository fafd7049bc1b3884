import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Why each permission is needed is written in README.md ("Permissions"). Keep the two in step.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'sourcelens@sourcelens.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
