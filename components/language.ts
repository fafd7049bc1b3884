import { setDisplayLocale } from '../core/money';
import { asLanguageChoice, type LanguageChoice, uiLanguage } from '../storage/settings/language';
import { loadLanguage, uiLocale } from './i18n';

/** Speaks `choice` (its messages read), prices formatted in it too; the browser's language when it cannot. */
async function speak(choice: LanguageChoice): Promise<LanguageChoice> {
  const spoken = await loadLanguage(choice).then(
    () => choice,
    () => loadLanguage('browser').then(() => 'browser' as const),
  );
  setDisplayLocale(spoken === 'browser' ? undefined : uiLocale());
  return spoken;
}

/**
 * The language choice as the extension's pages last saw it, in their shared localStorage: read synchronously, so
 * a page in a chosen language draws its first frame in it (the setting itself is an asynchronous read), while a
 * page in the browser's language — everyone who never chose — waits for nothing.
 */
const HINT_KEY = 'sourcelens:uiLanguage';

function readHint(): LanguageChoice {
  try {
    return asLanguageChoice(localStorage.getItem(HINT_KEY));
  } catch {
    return 'browser';
  }
}

function writeHint(choice: LanguageChoice): void {
  try {
    if (choice === 'browser') localStorage.removeItem(HINT_KEY);
    else localStorage.setItem(HINT_KEY, choice);
  } catch {
    // no localStorage: the page reloads once more when it opens, nothing else
  }
}

/**
 * An extension page's language, before its first render: the chosen language's messages when one was chosen.
 * Then the setting is read and watched: when it differs from what the page speaks (chosen in the options just now,
 * or while the page was closed), the page reloads in it — every string, number and date at once — as soon as no
 * sheet is open in it.
 */
export async function startPageLanguage(): Promise<void> {
  const speaking = readHint();
  // Messages that cannot be read (never, short of a broken build) leave the browser's language for this page.
  if (speaking !== 'browser') await speak(speaking);
  document.documentElement.lang = uiLocale();
  const follow = (value: unknown) => {
    const choice = asLanguageChoice(value);
    if (choice === speaking) return;
    writeHint(choice);
    // Only when the page will open in it: without a working localStorage it would reload again and again.
    if (readHint() === choice) reloadWhenNoSheetOpen();
  };
  void uiLanguage.getValue().then(follow, () => {});
  uiLanguage.watch(follow);
}

/** How often a page waiting to change language looks again whether its sheets are closed. */
const SHEET_CHECK_MS = 300;

/**
 * Reloads the page, but not from under an open sheet (a `<dialog>`: a keep note, a message to a supplier being
 * written): what the person is writing is not thrown away; the page changes language once no sheet is open.
 */
function reloadWhenNoSheetOpen(): void {
  const sheetOpen = () => document.querySelector('dialog[open]') !== null;
  if (!sheetOpen()) {
    location.reload();
    return;
  }
  const timer = setInterval(() => {
    if (sheetOpen()) return;
    clearInterval(timer);
    location.reload();
  }, SHEET_CHECK_MS);
}

/** Chooses the language (the options page): every open page follows (`startPageLanguage`), and the background. */
export async function chooseLanguage(choice: LanguageChoice): Promise<void> {
  writeHint(choice);
  await uiLanguage.setValue(choice);
}

let backgroundReady: Promise<void> | null = null;

/**
 * The background's language: the setting read once at start and followed; `onChange` runs after each change is
 * applied (the context-menu titles). Returns when the first read is applied.
 */
export function startBackgroundLanguage(onChange: () => void): Promise<void> {
  const apply = (value: unknown) => speak(asLanguageChoice(value)).then(() => {});
  backgroundReady = uiLanguage.getValue().then(apply, () => {});
  uiLanguage.watch((value) => void apply(value).then(onChange));
  return backgroundReady;
}

/** Resolves once the background speaks the chosen language (at once where it was never started: pages, tests). */
export function languageReady(): Promise<void> {
  return backgroundReady ?? Promise.resolve();
}
