// The extension's translator for code bundled outside WXT (the results bench page): the English messages from
// locales/en.json with `$1`…`$9` substituted, as chrome.i18n would give them. Aliased for `#i18n` in that build.
import messages from '../../locales/en.json';

const table = messages as Record<string, string>;

export const i18n = {
  t(key: string, subs: readonly string[] = []): string {
    const message = table[key] ?? key;
    return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  },
};
