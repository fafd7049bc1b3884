import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../../core/sources/index';

// A missing key fails the type check (components/i18n.ts types `t` from locales/en.json); these tests catch what
// types cannot: a locale out of step with English, a key built at run time, a message no code shows any more.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = join(ROOT, 'locales');
const read = (file: string) =>
  JSON.parse(readFileSync(join(LOCALES, file), 'utf8')) as Record<string, unknown>;

/** The UI's source with comments taken out, so a key named in a comment is not counted as shown. */
const uiSource = ['components', 'entrypoints']
  .flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(ROOT, dir, f), 'utf8')),
  )
  .join('\n')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/(^|\s)\/\/.*$/gm, '$1');
/** The manifest takes its name and description as `__MSG_key__`. */
const manifestSource = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');

/**
 * Keys passed to `t` as a literal (`t('key'` or `t(\n  'key'`), and the keys each source declares for its name
 * and routes (core/sources/<id>/source.ts), which the UI shows through `t(source.labelKey)`.
 */
const declaredBySources = SOURCES.flatMap((s) => [s.labelKey, ...s.routes.map((r) => r.labelKey)]);
const usedKeys = new Set([
  ...[...uiSource.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1] as string),
  ...declaredBySources,
]);

describe('UI strings', () => {
  it('every locale has exactly the English keys', () => {
    const en = Object.keys(read('en.json')).sort();
    const files = readdirSync(LOCALES);
    expect(files).toContain('zh_CN.json');
    for (const file of files) expect(Object.keys(read(file)).sort(), file).toEqual(en);
  });

  it('every message is one plain text (no nested groups, no plural forms)', () => {
    for (const file of readdirSync(LOCALES))
      for (const [key, message] of Object.entries(read(file)))
        expect(typeof message, `${file} ${key}`).toBe('string');
  });

  it('every key used in the UI exists', () => {
    const en = read('en.json');
    expect(usedKeys.size).toBeGreaterThan(10);
    for (const key of usedKeys) expect(en, key).toHaveProperty(key);
  });

  it('every key is passed to t() as a literal (a computed key escapes both the type check and this test)', () => {
    // Map a runtime value to a message with a typed table of calls instead (SORT_TEXT in SearchPanel.tsx). The
    // one other form allowed is a source definition's key (`t(source.labelKey)`): its type is the union of the
    // literal keys the definitions declare, which the type check holds against locales/en.json.
    const computed = [...uiSource.matchAll(/\bt\(\s*(?!['\s])(.{0,40})/g)]
      .map((m) => m[1])
      .filter((call) => !/^[A-Za-z_$][\w$]*\.labelKey\)/.test(call ?? ''));
    expect(computed).toEqual([]);
  });

  it('every English message is shown somewhere', () => {
    const unused = Object.keys(read('en.json')).filter(
      (key) => !usedKeys.has(key) && !manifestSource.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
