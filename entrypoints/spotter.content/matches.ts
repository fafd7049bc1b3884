/**
 * Where the spotter runs: every http(s) page, because Shopify stores and other shops live on any domain. Its
 * own module so the convention test can check that every site adapter's patterns are covered without loading
 * the content script.
 */
export const SPOTTER_MATCHES = ['http://*/*', 'https://*/*'];
