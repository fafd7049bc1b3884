import { createBackup, restoreBackup } from '../../storage/backup';
import { db } from '../../storage/db';
import { settleInbox } from '../../storage/price-inbox';
import type { E2eBackupRoundTrip } from '../background/e2e-commands';

/**
 * TEST BUILDS ONLY (`--mode e2e`; main.tsx drops the call from shipped builds): what the Back up, Delete everything
 * and Restore buttons of this page do, minus the file dialogs, for the Firefox browser tests, which reach extension
 * pages only through the background's command hook (background/e2e-commands.ts) and cannot hand a file to a file
 * input. Every table's rows, then a backup file of them, the database emptied, the file restored into it in
 * `mode`, then every table's rows again.
 */
export function exposeBackupRoundTrip(): void {
  const roundTrip: E2eBackupRoundTrip = async (mode) => {
    const database = db();
    const rows = async () =>
      Object.fromEntries(
        await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()] as const)),
      );
    // A backup settles waiting prices into the history first: settled here too, so `before` is what it copies.
    await settleInbox(database);
    const before = await rows();
    const file = await createBackup(database);
    await database.transaction('rw', database.tables, () =>
      Promise.all(database.tables.map((t) => t.clear())),
    );
    await restoreBackup(file, database, mode);
    return { bytes: file.size, before, after: await rows() };
  };
  (window as Window & { __sourcelensBackupRoundTrip?: E2eBackupRoundTrip }).__sourcelensBackupRoundTrip =
    roundTrip;
}
