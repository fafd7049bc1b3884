import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'public', '_locales');
const read = (locale: string) =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('UI strings', () => {
  it('every locale has exactly the English keys', () => {
    const en = Object.keys(read('en')).sort();
    for (const locale of readdirSync(LOCALES)) expect(Object.keys(read(locale)).sort(), locale).toEqual(en);
  });

  it('every key used in the UI exists', () => {
    const en = read('en');
    const sources = ['components', 'entrypoints'].flatMap((dir) =>
      readdirSync(join(LOCALES, '..', '..', dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => readFileSync(join(LOCALES, '..', '..', dir, f), 'utf8')),
    );
    const used = new Set(
      sources.flatMap((s) => [...s.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1] as string)),
    );
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });
});
