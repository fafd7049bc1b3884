import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceLensDb } from '../../../storage/db';
import { RELEASED_SCHEMAS } from '../storage/migrations/released';

// Schema versions are append-only and every one must be upgradeable: a version declared in storage/db.ts needs
// its schema strings in tests/unit/storage/migrations/released.ts and a test that builds a database at it and
// upgrades to the current version (migrations/from-v<N>.test.ts).
const ROOT = join(import.meta.dirname, '..', '..', '..');
const DB_SOURCE = readFileSync(join(ROOT, 'storage', 'db.ts'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
const MIGRATIONS = join(ROOT, 'tests', 'unit', 'storage', 'migrations');

/** `this.version(N)` declarations with the text of their `.stores({...})` argument. */
function declaredVersions(): { version: number; stores: string }[] {
  const found: { version: number; stores: string }[] = [];
  const re = /this\.version\((\d+)\)\s*\.stores\(\{([^}]*)\}\)/g;
  for (let m = re.exec(DB_SOURCE); m; m = re.exec(DB_SOURCE))
    found.push({ version: Number(m[1]), stores: m[2] ?? '' });
  return found;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('schema versions and their migration tests', () => {
  const declared = declaredVersions();

  it('finds every version storage/db.ts declares (the parser sees what Dexie sees)', () => {
    expect(declared.length).toBeGreaterThan(0);
    expect(Math.max(...declared.map((d) => d.version))).toBe(new SourceLensDb('convention-probe').verno);
    expect(declared.map((d) => d.version)).toEqual(declared.map((_, i) => i + 1));
  });

  it.each(declared.map((d) => [d.version, d.stores] as const))(
    'version %i has a migration test from it and its released schema unchanged',
    (version, stores) => {
      expect(
        existsSync(join(MIGRATIONS, `from-v${version}.test.ts`)),
        `migrations/from-v${version}.test.ts`,
      ).toBe(true);
      const released = RELEASED_SCHEMAS[version];
      expect(released, `RELEASED_SCHEMAS[${version}] in migrations/released.ts`).toBeDefined();
      const declaredTables = [...stores.matchAll(/(\w+):\s*'([^']*)'/g)].map((m) => [
        m[1],
        squash(m[2] ?? ''),
      ]);
      expect(Object.fromEntries(declaredTables)).toEqual(
        Object.fromEntries(Object.entries(released ?? {}).map(([t, s]) => [t, squash(s)])),
      );
    },
  );
});
