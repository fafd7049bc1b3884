/**
 * Which of several word patterns occur in a string, all of them in one pass: an Aho-Corasick automaton over
 * the words the patterns spell out. For class names and ids, where testing each pattern on each distinct
 * string would scan it once per pattern.
 *
 * Patterns are plain alternations of words (`related|up-?sell|stat(?:t|o)`, flag i): characters, `?` after a
 * character or a `(?:…)` group, and groups. `test(s)` of such a pattern is "one of its words is a substring of
 * s"; the i flag (without u) makes ASCII letters match either case and other characters only their own
 * upper/lower pair within Latin-1, which the automaton folds the same way.
 */

/** Every string a pattern matches exactly (it has no wildcards, so the set is finite). */
export function wordsOf(source: string): string[] {
  let i = 0;
  const fail = (): never => {
    throw new Error(`unsupported pattern at ${i}: ${source}`);
  };
  const alt = (): string[] => {
    const out = seq();
    while (source[i] === '|') {
      i++;
      out.push(...seq());
    }
    return out;
  };
  const seq = (): string[] => {
    let out = [''];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let atom: string[] = [];
      const c = source[i] as string;
      if (c === '(') {
        if (source.slice(i, i + 3) !== '(?:') fail();
        i += 3;
        atom = alt();
        if (source[i] !== ')') fail();
        i++;
      } else if (c === '\\') {
        const e = source[i + 1] ?? '';
        if (/\w/.test(e)) fail(); // \b, \d, \s…: not a literal
        atom = [e];
        i += 2;
      } else if ('.[]^$*+{}'.includes(c)) {
        fail();
      } else {
        atom = [c];
        i++;
      }
      if (source[i] === '?') {
        i++;
        atom = [...atom, ''];
      }
      out = out.flatMap((a) => atom.map((b) => a + b));
    }
    return out;
  };
  const words = alt();
  if (i !== source.length) fail();
  return [...new Set(words)];
}

/** A character as the i flag compares it: its upper case when that is one character (not ASCII from non-ASCII). */
function canon(code: number): number {
  const u = String.fromCharCode(code).toUpperCase();
  if (u.length !== 1) return code;
  const cu = u.charCodeAt(0);
  return code >= 128 && cu < 128 ? code : cu;
}

export class WordSets {
  /** Character code (Latin-1) → alphabet class; 0 for characters no word has. */
  private readonly classOf = new Uint8Array(256);
  private readonly k: number;
  private readonly next: Int32Array;
  private readonly out: Int32Array;

  /** `patterns[i]` sets bit `1 << i`. */
  constructor(patterns: RegExp[]) {
    const lists = patterns.map((p) => {
      if (p.flags.replace('i', '') !== '' || !p.flags.includes('i')) throw new Error(`flags of ${p}`);
      return wordsOf(p.source);
    });
    // Alphabet: one class per canonical character the words use; every Latin-1 character with that canonical
    // form joins it. Characters beyond Latin-1 never match (checked: no word character folds beyond it).
    const classes = new Map<number, number>();
    for (const list of lists)
      for (const w of list)
        for (let j = 0; j < w.length; j++) {
          const code = w.charCodeAt(j);
          const cc = canon(code);
          if (code > 255 || cc > 255) throw new Error(`character beyond Latin-1 in ${w}`);
          if (!classes.has(cc)) classes.set(cc, classes.size + 1);
        }
    for (let c = 0; c < 256; c++) this.classOf[c] = classes.get(canon(c)) ?? 0;
    const k = classes.size + 1;
    this.k = k;
    // Trie.
    const goto: Int32Array[] = [new Int32Array(k).fill(-1)];
    const outs: number[] = [0];
    lists.forEach((list, bit) => {
      for (const w of list) {
        let st = 0;
        for (let j = 0; j < w.length; j++) {
          const cl = this.classOf[w.charCodeAt(j)] as number;
          let to = (goto[st] as Int32Array)[cl] as number;
          if (to < 0) {
            to = goto.length;
            goto.push(new Int32Array(k).fill(-1));
            outs.push(0);
            (goto[st] as Int32Array)[cl] = to;
          }
          st = to;
        }
        outs[st] = (outs[st] as number) | (1 << bit);
      }
    });
    // Failure links, breadth first; missing transitions follow them (a complete automaton).
    const n = goto.length;
    const next = new Int32Array(n * k);
    const out = new Int32Array(n);
    const failOf = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < k; c++) {
      const to = (goto[0] as Int32Array)[c] as number;
      next[c] = Math.max(to, 0);
      if (to > 0) queue.push(to);
    }
    out[0] = outs[0] as number;
    for (let q = 0; q < queue.length; q++) {
      const st = queue[q] as number;
      out[st] = (outs[st] as number) | (out[failOf[st] as number] as number);
      for (let c = 0; c < k; c++) {
        const to = (goto[st] as Int32Array)[c] as number;
        if (to < 0) next[st * k + c] = next[(failOf[st] as number) * k + c] as number;
        else {
          next[st * k + c] = to;
          failOf[to] = next[(failOf[st] as number) * k + c] as number;
          queue.push(to);
        }
      }
    }
    this.next = next;
    this.out = out;
  }

  /** Bits of the patterns that match somewhere in `s`. */
  bits(s: string): number {
    const { classOf, next, out, k } = this;
    let st = 0;
    let bits = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      st = next[st * k + (c < 256 ? (classOf[c] as number) : 0)] as number;
      bits |= out[st] as number;
    }
    return bits;
  }
}
