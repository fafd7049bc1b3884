import { storage } from 'wxt/utils/storage';

/**
 * The language SourceLens speaks: the browser's (the default), or one of its own locales whatever the browser's
 * language — a seller in Shenzhen may run an English browser and still want 中文, and the other way round. Kept
 * per browser (local area), since each machine's browser may be set differently. The values are the folder names
 * under `_locales/` (locales/<name>.json), so the chosen one is found by name.
 */
export const LANGUAGE_CHOICES = ['browser', 'en', 'zh_CN'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const uiLanguage = storage.defineItem<LanguageChoice>('local:uiLanguage', {
  fallback: 'browser',
  version: 1,
});

/** A stored value as a choice; anything else (a value written by hand) is the browser's language. */
export function asLanguageChoice(value: unknown): LanguageChoice {
  return (LANGUAGE_CHOICES as readonly unknown[]).includes(value) ? (value as LanguageChoice) : 'browser';
}
