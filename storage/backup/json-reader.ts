/**
 * Reads a backup file as a stream: the file is read in 1 MB slices and each table's rows are handed on in
 * batches, so a file with a million rows never sits in memory whole (dexie-export-import's own reader is not
 * exported, and its importer writes as it reads — a restore must check everything before it writes).
 *
 * Only the layout of format.ts is accepted, in that order: an unknown member, a value of the wrong kind, text
 * after the end or an end before it is a `BackupError`. Values outside the rows are small (bounded by
 * `maxMetaChars`) and read whole; each row's text is found by a scan that knows strings and nesting, bounded by
 * `maxRowChars` (or its table's own limit, `maxRowCharsOf`), and parsed with JSON.parse (which judges its syntax).
 * A batch ends at 2,000 rows or `maxBatchChars` of their text, so long rows do not pile up either.
 */
import { BackupError } from './errors';
import type { BackupLimits } from './format';

/** The members before the rows, as read (not yet checked: the caller validates them). */
export interface BackupMeta {
  sourcelens: unknown;
  formatName: unknown;
  formatVersion: unknown;
  databaseName: unknown;
  databaseVersion: unknown;
  tables: unknown;
}

export interface ReadHandlers {
  /** Called once, before any row; throw to stop reading (a foreign or too new file). */
  onMeta(meta: BackupMeta): void;
  /** A batch of one table's rows, in file order; awaited before reading on. */
  onRows(table: string, rows: unknown[], firstIndex: number): void | Promise<void>;
  /** Called at the end of each table's rows with how many there were. */
  onTableEnd?(table: string, rows: number): void;
  /** Bytes read so far of the file's size. */
  onBytes?(read: number, total: number): void;
  /**
   * Wraps each read of the file: a restore writing inside an IndexedDB transaction passes `Dexie.waitFor`, which
   * keeps the transaction open while the file is read.
   */
  wait?<T>(p: Promise<T>): Promise<T>;
}

/** The part of a Blob the reader uses (a File from the file picker is one). */
export type BackupSource = Pick<Blob, 'size' | 'slice'>;

const SLICE_BYTES = 1024 * 1024;
const BATCH_ROWS = 2000;

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

class Scanner {
  private text = '';
  private pos = 0;
  private offset = 0; // bytes of the file read
  private eof = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly file: BackupSource,
    private readonly h: ReadHandlers,
  ) {}

  /** Reads the next slice, keeping the text from `keep` on; returns the shift applied to positions. */
  private async more(keep: number): Promise<number> {
    if (this.eof) throw new BackupError('truncated');
    const end = Math.min(this.file.size, this.offset + SLICE_BYTES);
    const read = this.file.slice(this.offset, end).arrayBuffer();
    const bytes = new Uint8Array(await (this.h.wait ? this.h.wait(read) : read));
    this.offset = end;
    this.eof = end >= this.file.size;
    let decoded: string;
    try {
      decoded = this.decoder.decode(bytes, { stream: !this.eof });
    } catch {
      throw new BackupError('not-text');
    }
    this.text = this.text.slice(keep) + decoded;
    this.pos -= keep;
    this.h.onBytes?.(this.offset, this.file.size);
    return keep;
  }

  /** The next character that is not white space, without taking it; -1 at the end of the file. */
  async peek(): Promise<number> {
    for (;;) {
      while (this.pos < this.text.length && WS.has(this.text.charCodeAt(this.pos))) this.pos++;
      if (this.pos < this.text.length) return this.text.charCodeAt(this.pos);
      if (this.eof) return -1;
      await this.more(this.pos);
    }
  }

  async expect(char: string): Promise<void> {
    const c = await this.peek();
    if (c === -1) throw new BackupError('truncated');
    if (c !== char.charCodeAt(0)) throw new BackupError('not-backup', `expected “${char}”`);
    this.pos++;
  }

  /** Takes `,` (true: more follows) or `close` (false). */
  async next(close: string): Promise<boolean> {
    const c = await this.peek();
    if (c === -1) throw new BackupError('truncated');
    this.pos++;
    if (c === 0x2c) return true;
    if (c === close.charCodeAt(0)) return false;
    throw new BackupError('bad-json', `at byte ${this.offset}`);
  }

  /** One whole JSON value's text (string, number, literal, object or array), at most `max` characters. */
  async raw(max: number, tooLong: () => BackupError): Promise<string> {
    if ((await this.peek()) === -1) throw new BackupError('truncated');
    let start = this.pos;
    let depth = 0;
    let inString = false;
    for (;;) {
      const text = this.text;
      let i = this.pos;
      const n = text.length;
      let backslash = -1;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (inString) {
          if (c === 0x5c) {
            i += 2; // an escape: the next character cannot end the string
            continue;
          }
          if (c === 0x22) {
            inString = false;
            i++;
            if (depth === 0) return this.take(start, i, max, tooLong);
            continue;
          }
          // Skip to the next quote or backslash at once: most of a row is string content. The next backslash
          // is remembered (most text has none: searching again for each string would scan to the slice's end).
          if (backslash < i) {
            backslash = text.indexOf('\\', i);
            if (backslash === -1) backslash = n;
          }
          const q = text.indexOf('"', i);
          i = Math.min(q === -1 ? n : q, backslash);
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (depth === 0) return this.take(start, i, max, tooLong); // a scalar ended by its container's close
          depth--;
          if (depth === 0) return this.take(start, i + 1, max, tooLong);
        } else if (depth === 0 && (c === 0x2c || WS.has(c))) return this.take(start, i, max, tooLong);
        i++;
      }
      this.pos = i;
      if (i - start > max) throw tooLong();
      if (this.eof) {
        if (depth === 0 && !inString && i > start) return this.take(start, i, max, tooLong);
        throw new BackupError('truncated');
      }
      start -= await this.more(start);
    }
  }

  private take(start: number, end: number, max: number, tooLong: () => BackupError): string {
    if (end - start > max) throw tooLong();
    this.pos = end;
    return this.text.slice(start, end);
  }

  async value(max: number, what: string): Promise<unknown> {
    return (await this.sizedValue(max, what)).value;
  }

  /** A value and the length of its text. */
  async sizedValue(max: number, what: string): Promise<{ value: unknown; chars: number }> {
    const raw = await this.raw(max, () => new BackupError('too-large', what));
    try {
      return { value: JSON.parse(raw), chars: raw.length };
    } catch {
      throw new BackupError('bad-json', what);
    }
  }

  async key(): Promise<string> {
    const k = await this.value(200, 'a member name');
    if (typeof k !== 'string') throw new BackupError('not-backup', 'a member name is not text');
    await this.expect(':');
    return k;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length && this.eof;
  }
}

/** Members of one object, in order: each name is handed to `member`, which reads its value. */
async function members(s: Scanner, member: (key: string) => Promise<void>): Promise<void> {
  await s.expect('{');
  if ((await s.peek()) === 0x7d) {
    await s.expect('}');
    return;
  }
  do await member(await s.key());
  while (await s.next('}'));
}

/** Reads the whole file, calling the handlers; throws a BackupError saying what is wrong. */
export async function readBackupFile(
  file: BackupSource,
  limits: BackupLimits,
  h: ReadHandlers,
): Promise<void> {
  if (file.size > limits.maxFileBytes) throw new BackupError('file-too-large');
  if (file.size === 0) throw new BackupError('truncated');
  const s = new Scanner(file, h);
  const meta: Partial<BackupMeta> = {};
  const metaValue = (k: keyof BackupMeta) => s.value(limits.maxMetaChars, k);
  const unknown = (k: string) => new BackupError('not-backup', `unexpected member “${k.slice(0, 40)}”`);
  let metaSent = false;
  const sendMeta = () => {
    if (metaSent) return;
    for (const k of [
      'sourcelens',
      'formatName',
      'formatVersion',
      'databaseName',
      'databaseVersion',
      'tables',
    ])
      if (!(k in meta)) throw new BackupError('not-backup', `no “${k}” before the rows`);
    metaSent = true;
    h.onMeta(meta as BackupMeta);
  };

  const table = async () => {
    let name: string | null = null;
    let inbound: unknown;
    await members(s, async (k) => {
      if (k === 'tableName') {
        const n = await s.value(200, 'tableName');
        if (typeof n !== 'string') throw new BackupError('not-backup', 'a table name is not text');
        name = n;
      } else if (k === 'inbound') {
        inbound = await s.value(20, 'inbound');
        if (inbound !== true) throw new BackupError('not-backup', 'rows without their keys');
      } else if (k === 'rows') {
        if (name === null || inbound !== true)
          throw new BackupError('not-backup', 'rows before their table’s name');
        await rows(name);
      } else throw unknown(k);
    });
  };

  const rows = async (name: string) => {
    await s.expect('[');
    let batch: unknown[] = [];
    let batchChars = 0;
    let index = 0;
    const maxRow = Object.hasOwn(limits.maxRowCharsOf, name)
      ? (limits.maxRowCharsOf[name] as number)
      : limits.maxRowChars;
    const flush = async () => {
      if (batch.length === 0) return;
      const first = index - batch.length;
      const out = batch;
      batch = [];
      batchChars = 0;
      await h.onRows(name, out, first);
    };
    if ((await s.peek()) !== 0x5d) {
      do {
        const row = await s.sizedValue(maxRow, `${name} row ${index + 1}`);
        batch.push(row.value);
        batchChars += row.chars;
        index++;
        if (index > limits.maxRowsPerTable) throw new BackupError('too-many-rows', name);
        if (batch.length >= BATCH_ROWS || batchChars >= limits.maxBatchChars) await flush();
      } while (await s.next(']'));
    } else await s.expect(']');
    await flush();
    h.onTableEnd?.(name, index);
  };

  const data = async () => {
    await members(s, async (k) => {
      if (k === 'databaseName' || k === 'databaseVersion' || k === 'tables') meta[k] = await metaValue(k);
      else if (k === 'data') {
        sendMeta();
        await s.expect('[');
        if ((await s.peek()) === 0x5d) await s.expect(']');
        else
          do await table();
          while (await s.next(']'));
      } else throw unknown(k);
    });
  };

  const first = await s.peek();
  if (first !== 0x7b) throw new BackupError('not-backup', 'not a JSON object');
  await members(s, async (k) => {
    if (k === 'sourcelens' || k === 'formatName' || k === 'formatVersion') meta[k] = await metaValue(k);
    else if (k === 'data') await data();
    else throw unknown(k);
  });
  sendMeta();
  if ((await s.peek()) !== -1 || !s.atEnd()) throw new BackupError('bad-json', 'text after the end');
}
