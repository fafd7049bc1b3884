import { afterEach, beforeEach } from 'vitest';
import { SourceLensDb } from '../../storage/db';

/**
 * A database of its own for each test of the file (a random name under `prefix`), deleted after it: registers the
 * hooks and returns the current test's database.
 */
export function freshDatabase(prefix: string): () => SourceLensDb {
  let database: SourceLensDb | null = null;
  beforeEach(() => {
    database = new SourceLensDb(`${prefix}-${Math.random()}`);
  });
  afterEach(async () => {
    await database?.delete();
    database = null;
  });
  return () => {
    if (!database) throw new Error('the database exists only inside a test');
    return database;
  };
}
