import { browser } from 'wxt/browser';

/** A UI string from public/_locales in the browser's language; the key itself if a message is missing. */
export function t(key: string, ...substitutions: string[]): string {
  try {
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key;
  }
}
