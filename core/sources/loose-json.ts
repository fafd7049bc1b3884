/**
 * A tolerant reader for JavaScript object literals as pages write them inline (`window.context=(…)(…, {…})`):
 * bare and numeric keys, single-quoted strings, trailing commas, comments, `undefined`. It never evaluates code.
 * Shared by the sources: 1688 offer pages and gateway answers, Alibaba.com result pages and API answers.
 */

export interface LooseParse {
  value: unknown;
  /** Index just past the literal. */
  end: number;
}

const MAX_DEPTH = 256;

class Reader {
  pos: number;
  constructor(
    readonly src: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(): never {
    throw new SyntaxError(`loose literal: unexpected input at ${this.pos}`);
  }

  skip(): void {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (
        c === 0x20 ||
        c === 0x0a ||
        c === 0x0d ||
        c === 0x09 ||
        c === 0xa0 ||
        c === 0xfeff ||
        c === 0x2028 ||
        c === 0x2029
      ) {
        this.pos++;
      } else if (c === 0x2f && s.charCodeAt(this.pos + 1) === 0x2f) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl + 1;
      } else if (c === 0x2f && s.charCodeAt(this.pos + 1) === 0x2a) {
        const close = s.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail();
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail();
    this.skip();
    const c = this.src[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'" || c === '`') return this.string();
    if (c === '-' || c === '+' || c === '.' || (c !== undefined && c >= '0' && c <= '9'))
      return this.number();
    const word = this.identifier();
    switch (word) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case 'undefined':
        return undefined;
      case 'NaN':
        return null;
      case 'Infinity':
        return null;
      case '!0':
        return true;
      case '!1':
        return false;
      default:
        return this.fail();
    }
  }

  identifier(): string {
    const m = /^(?:!?[01]|[A-Za-z_$][\w$]*)/.exec(this.src.slice(this.pos, this.pos + 128));
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  number(): number {
    const m = /^[+-]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(
      this.src.slice(this.pos, this.pos + 64),
    );
    if (!m) this.fail();
    this.pos += m[0].length;
    const n = Number(m[0]);
    return Number.isFinite(n) ? n : this.fail();
  }

  string(): string {
    const src = this.src;
    const quote = src[this.pos];
    this.pos++;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= src.length) this.fail();
      const c = src[this.pos];
      if (c === quote) {
        out += src.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === '\\') {
        out += src.slice(chunkStart, this.pos);
        const e = src[this.pos + 1];
        this.pos += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'v':
            out += '\v';
            break;
          case '0':
            out += '\0';
            break;
          case 'u': {
            if (src[this.pos] === '{') {
              const close = src.indexOf('}', this.pos);
              const cp = Number.parseInt(src.slice(this.pos + 1, close), 16);
              if (close < 0 || !Number.isFinite(cp) || cp > 0x10ffff) this.fail();
              out += String.fromCodePoint(cp);
              this.pos = close + 1;
            } else {
              const hex = src.slice(this.pos, this.pos + 4);
              if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
              out += String.fromCharCode(Number.parseInt(hex, 16));
              this.pos += 4;
            }
            break;
          }
          case 'x': {
            const hex = src.slice(this.pos, this.pos + 2);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail();
            out += String.fromCharCode(Number.parseInt(hex, 16));
            this.pos += 2;
            break;
          }
          case '\r':
            if (src[this.pos] === '\n') this.pos++;
            break;
          case '\n':
          case '\u2028':
          case '\u2029':
            break;
          case undefined:
            this.fail();
            break;
          default:
            out += e;
        }
        chunkStart = this.pos;
        continue;
      }
      if ((c === '\n' || c === '\r') && quote !== '`') this.fail();
      this.pos++;
    }
  }

  key(): string {
    this.skip();
    const c = this.src[this.pos];
    if (c === '"' || c === "'") return this.string();
    const m = /^(?:[A-Za-z_$\u00a0-\uffff][\w$\u00a0-\uffff]*|\d+(?:\.\d+)?)/.exec(
      this.src.slice(this.pos, this.pos + 256),
    );
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  object(depth: number): Record<string, unknown> {
    this.pos++;
    const obj: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.src[this.pos] === '}') {
        this.pos++;
        return obj;
      }
      const k = this.key();
      this.skip();
      if (this.src[this.pos] !== ':') this.fail();
      this.pos++;
      const v = this.value(depth + 1);
      Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
      this.skip();
      const sep = this.src[this.pos];
      if (sep === ',') this.pos++;
      else if (sep !== '}') this.fail();
    }
  }

  array(depth: number): unknown[] {
    this.pos++;
    const arr: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.src[this.pos] === ']') {
        this.pos++;
        return arr;
      }
      if (this.src[this.pos] === ',') {
        // Elision: `[1,,2]`.
        arr.push(undefined);
        this.pos++;
        continue;
      }
      arr.push(this.value(depth + 1));
      this.skip();
      const sep = this.src[this.pos];
      if (sep === ',') this.pos++;
      else if (sep !== ']') this.fail();
    }
  }
}

/** Parse the literal starting at `start` (whitespace allowed before it). Null when it is not one. */
export function parseLooseLiteral(src: string, start = 0): LooseParse | null {
  try {
    const r = new Reader(src, start);
    const value = r.value(0);
    return { value, end: r.pos };
  } catch {
    return null;
  }
}

/** Strict JSON first (fast, common), then the loose reader for the whole text. */
export function parseLooseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const r = parseLooseLiteral(text, 0);
    if (!r) return undefined;
    return text.slice(r.end).trim().replace(/;$/, '') === '' ? r.value : undefined;
  }
}
