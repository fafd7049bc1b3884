import './node-globals';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, createBackup, inspectBackup } from '../../../../storage/backup';
import type { SourceLensDb } from '../../../../storage/db';
import { freshDb, seed } from './helpers';

// The file reader and the checks are a parser of untrusted input: whatever a file holds, the answer is what it
// holds or a BackupError saying what is wrong — never another exception, never a hang.
describe('restore check against damaged files (property)', () => {
  let database: SourceLensDb;
  let text: string;
  beforeAll(async () => {
    database = await freshDb();
    await seed(database);
    text = await (await createBackup(database)).text();
  });
  afterAll(() => database.close());

  const outcome = async (file: string) => {
    try {
      await inspectBackup(new Blob([file]), database);
      return 'accepted';
    } catch (error) {
      expect(error, String(error)).toBeInstanceOf(BackupError);
      return (error as BackupError).code;
    }
  };

  it('a file cut anywhere is refused as truncated or damaged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (n) => {
        const cut = n % text.length;
        expect(['truncated', 'bad-json', 'not-backup', 'count-mismatch']).toContain(
          await outcome(text.slice(0, cut)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a file with characters replaced, inserted or removed is accepted only if still well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), drop: fc.nat({ max: 3 }), insert: fc.string({ maxLength: 4 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (edits) => {
          let file = text;
          for (const e of edits) {
            const at = e.at % file.length;
            file = file.slice(0, at) + e.insert + file.slice(at + e.drop);
          }
          const result = await outcome(file);
          // Accepted means the whole file still parses as our layout.
          if (result === 'accepted') expect(() => JSON.parse(file)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
