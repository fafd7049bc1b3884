import { browser } from 'wxt/browser';

/** What a person pastes into a report when a source answered in a shape SourceLens does not recognise. */
export interface Diagnostics {
  source: string;
  call: string;
  reason: string;
  /** Keys and value types of the answer, never its values (core/sources/drift.ts). */
  shape: string;
  at: number;
}

/**
 * The report text: SourceLens's version, the source and call, what was missing, and the answer's shape. It holds
 * no value from the answer, no query, no cookie or token — nothing that identifies the person.
 */
export function diagnosticsText(d: Diagnostics): string {
  let version = '?';
  try {
    version = browser.runtime.getManifest().version;
  } catch {
    // outside the extension (tests): the version is unknown
  }
  return [
    `SourceLens ${version} — an answer it did not recognise`,
    `source: ${d.source}`,
    `call: ${d.call}`,
    `when: ${new Date(d.at).toISOString()}`,
    `reason: ${d.reason}`,
    `shape: ${d.shape}`,
  ].join('\n');
}

/** Copies text from a click (the clipboard is open to extension pages during a user gesture). */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
