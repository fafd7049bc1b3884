import { t, uiLocale } from '../../components/i18n';
import { chooseLanguage } from '../../components/language';
import { Select } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import { asLanguageChoice, type LanguageChoice, uiLanguage } from '../../storage/settings/language';

/** The browser's own language by name, in the language shown now ("English", "中文（中国）"); its tag if unnamed. */
function browserLanguageName(): string {
  try {
    return (
      new Intl.DisplayNames([uiLocale()], { type: 'language' }).of(navigator.language) ?? navigator.language
    );
  } catch {
    return navigator.language;
  }
}

/**
 * Which language SourceLens speaks: the browser's, or English or Simplified Chinese whatever the browser's is.
 * Each language is named in itself, so a person who cannot read the one shown still finds their own. Every open
 * SourceLens page redraws in the new language at once, and the background's menus and notifications follow.
 */
export function LanguagePicker() {
  const choice = useStorageItem(uiLanguage, asLanguageChoice) ?? 'browser';
  const options: { value: LanguageChoice; label: string }[] = [
    { value: 'browser', label: t('languageBrowser', [browserLanguageName()]) },
    { value: 'en', label: 'English' },
    { value: 'zh_CN', label: '简体中文' },
  ];
  return (
    <div class="options__language" data-testid="language-picker">
      <Select
        size="sm"
        label={t('languageLabel')}
        value={choice}
        options={options}
        data-testid="language"
        onChange={(next) => void chooseLanguage(next)}
      />
      <p class="ui-small ui-muted">{t('languageHelp')}</p>
    </div>
  );
}
