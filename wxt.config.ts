import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SOURCE_SITES } from './core/sources/index';
import { FIREFOX_SIDEBAR_COMMAND, OPEN_PANEL_COMMAND } from './entrypoints/background/command-names';

// Why each permission is needed is written in README.md ("Permissions"). Keep the two in step.
export default defineConfig({
  // @wxt-dev/i18n turns locales/<lang>.json into _locales/ and types the message keys (#i18n).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    // Code the extension's pages share goes in one chunk, not a dozen: each chunk is a request and a module to set
    // up before the page can draw, and an empty popup drew about 25 ms sooner this way on this machine
    // (scripts/bench/popup.mjs; README, Speed).
    build: {
      rollupOptions: { output: { advancedChunks: { groups: [{ name: 'shared', minShareCount: 2 }] } } },
    },
    // Our content-script context in place of WXT's, which dispatches events carrying the runtime id into the
    // page (content/quiet-context.ts; README, Security).
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./content/quiet-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  // The sources archive the Firefox add-on store asks for (`npm run zip:firefox`): everything the build reads,
  // without tests, fixtures, tools and screenshots. scripts/check-firefox-sources.mjs rebuilds the add-on from it.
  zip: {
    excludeSources: ['tests/**', 'test-results/**', 'scripts/**', 'docs/**', 'vitest.config.ts'],
  },
  manifest: ({ browser }) => ({
    icons: {
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      96: 'icon/96.png',
      128: 'icon/128.png',
    },
    name: '__MSG_extName__',
    // Chrome honours `use_dynamic_url` (the detector's session-random URL, below) from 130 on; before it the
    // resource's fixed URL would tell pages SourceLens is installed.
    minimum_chrome_version: browser === 'firefox' ? undefined : '130',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'scripting',
      // The scheduled refresh of kept offers (README, Permissions).
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Only when the person turns on direct requests (Options): reading 1688's signing token from the cookie jar.
    // Only when the person turns price alerts on (Options): desktop notifications of a price drop.
    optional_permissions: ['cookies', 'notifications'],
    // Searches run inside the user's own session, from a page of the source's own site (see README,
    // Permissions): each registered source's sites (any 1688 host, Alibaba.com's www host only).
    host_permissions: SOURCE_SITES,
    action: { default_title: '__MSG_extName__' },
    // A keyboard shortcut for the side panel (the toolbar button keeps opening the popup). Firefox has a built-in
    // command for its sidebar; Chrome has none, so the background opens the panel on its own command.
    commands:
      browser === 'firefox'
        ? {
            [FIREFOX_SIDEBAR_COMMAND]: {
              suggested_key: { default: 'Alt+Shift+S', mac: 'MacCtrl+Shift+S' },
              description: '__MSG_commandOpenPanel__',
            },
          }
        : {
            [OPEN_PANEL_COMMAND]: {
              suggested_key: { default: 'Alt+Shift+S', mac: 'MacCtrl+Shift+S' },
              description: '__MSG_commandOpenPanel__',
            },
          },
    // The detection engine, imported by the spotter only on pages with a product signal. A dynamic URL (new
    // each session) keeps pages from using it to detect that SourceLens is installed.
    web_accessible_resources:
      browser === 'firefox'
        ? undefined
        : [{ resources: ['detector.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'sourcelens@sourcelens.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // The data_collection_permissions key exists from Firefox 140 (desktop) and 142 (Android).
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
});
