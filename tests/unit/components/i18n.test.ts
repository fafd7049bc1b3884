import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  fillMessage,
  type LocaleMessages,
  setLanguageMessages,
  t,
  uiLanguageCode,
  uiLocale,
} from '../../../components/i18n';
import { formatMoney, setDisplayLocale } from '../../../core/money';

/** A locale's messages as the build writes them to `_locales/<name>/messages.json` (@wxt-dev/i18n). */
function builtMessages(file: string): LocaleMessages {
  const flat = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'locales', file), 'utf8'),
  ) as Record<string, string>;
  return Object.fromEntries(Object.entries(flat).map(([key, message]) => [key, { message }]));
}

beforeEach(() => {
  // The browser's own language: its messages are the keys, so a test tells them from the chosen file's.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    ((key: string) => `browser:${key}`) as typeof fakeBrowser.i18n.getMessage,
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  setLanguageMessages('zh_CN', null);
  setDisplayLocale(undefined);
  fakeBrowser.reset();
});

describe('fillMessage (getMessage’s substitutions)', () => {
  it('puts each $n in place, in any order, and $$ as a dollar sign', () => {
    expect(fillMessage('$2 of $1 offers', ['60', '12'])).toBe('12 of 60 offers');
    expect(fillMessage('US$$ $1', ['3'])).toBe('US$ 3');
  });
  it('leaves a missing substitution empty and text without marks alone', () => {
    expect(fillMessage('a $1 b $3', ['x'])).toBe('a x b ');
    expect(fillMessage('plain ¥ text')).toBe('plain ¥ text');
  });
});

describe('t in a language chosen in the options', () => {
  it('speaks the chosen locale’s messages, with substitutions, whatever the browser speaks', () => {
    setLanguageMessages('zh_CN', builtMessages('zh_CN.json'));
    expect(t('inPageButton')).toBe('找同款');
    expect(t('resultsFiltered', ['12', '60'])).toBe(
      fillMessage(builtMessages('zh_CN.json').resultsFiltered?.message ?? '', ['12', '60']),
    );
    expect(t('resultsFiltered', ['12', '60'])).toContain('12');
    expect(uiLocale()).toBe('zh-CN');
    expect(uiLanguageCode()).toBe('zh');
  });

  it('English chosen: English words and an English locale for numbers and dates', () => {
    setLanguageMessages('en', builtMessages('en.json'));
    expect(t('inPageButton')).toBe('Find source');
    expect(uiLocale()).toBe('en');
    expect(uiLanguageCode()).toBe('en');
  });

  it('a key the chosen file lacks falls back to the browser’s message', () => {
    setLanguageMessages('zh_CN', { inPageButton: { message: '找同款' } });
    expect(t('inPageButton')).toBe('找同款');
    expect(t('inPageButtonHint')).toBe('browser:inPageButtonHint');
  });

  it('the browser’s language again once the choice is cleared', () => {
    setLanguageMessages('zh_CN', builtMessages('zh_CN.json'));
    setLanguageMessages('zh_CN', null);
    expect(t('inPageButton')).toBe('browser:inPageButton');
    expect(uiLocale()).toBe(navigator.language);
  });
});

describe('prices in the chosen language', () => {
  it('formatMoney without a locale follows the display locale the UI sets', () => {
    const money = { minor: 123456, currency: 'CNY' };
    setDisplayLocale('zh-CN');
    const zh = formatMoney(money);
    setDisplayLocale('en');
    const en = formatMoney(money);
    expect(zh).toBe(new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(1234.56));
    expect(en).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(1234.56));
    expect(zh).not.toBe(en);
    // A locale named by the caller still wins.
    expect(formatMoney(money, 'en')).toBe(en);
  });
});
