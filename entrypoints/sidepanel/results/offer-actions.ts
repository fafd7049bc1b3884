import { browser } from 'wxt/browser';
import { copyText } from '../../../components/diagnostics';
import { uiLanguageCode, uiLocale } from '../../../components/i18n';
import { type InquiryLanguage, sourcingSummary } from '../../../core/inquiry';
import { safeHttpUrl } from '../../../core/url';
import type { StoredOffer } from '../../../storage/types';

/** The person's language for texts they paste elsewhere: the extension's UI language, Chinese or English. */
export function uiLanguage(): InquiryLanguage {
  return uiLanguageCode();
}

/**
 * Opens a page of a source in a new tab (http(s) only). Through the extension's tabs API rather than
 * `window.open`: a tab the extension opens is never taken for a pop-up, even after the clipboard write before it
 * (an awaited step) — and the page gets no handle on ours.
 */
export async function openInNewTab(url: string): Promise<void> {
  const safe = safeHttpUrl(url);
  if (!safe) return;
  try {
    await browser.tabs.create({ url: safe, active: true });
  } catch {
    window.open(safe, '_blank', 'noopener,noreferrer');
  }
}

/** Opens an offer on its source (Enter on a card). */
export function openOffer(offer: StoredOffer): void {
  void openInNewTab(offer.url);
}

/** Copies the offer's sourcing summary (title, link, price at the quantity, MOQ, supplier) in the UI language. */
export function copySummary(offer: StoredOffer, quantity: number): Promise<void> {
  return copyText(sourcingSummary(offer, { language: uiLanguage(), quantity, locale: uiLocale() }));
}
