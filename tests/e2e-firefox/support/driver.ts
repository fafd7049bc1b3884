import type { IncomingMessage, ServerResponse } from 'node:http';
import type { E2eCommand } from '../../../entrypoints/background/e2e-commands';

/** The reserved host the test build's background asks for commands (entrypoints/background/e2e-hook.ts). */
export const DRIVER_HOST = 'sourcelens-e2e.test';

/** How long a poll is held when there is nothing to do (the background asks again at once). */
const HOLD_MS = 5_000;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
/** A command as queued: its id is given on sending. */
type Outgoing = E2eCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/**
 * The test's end of the command channel into the test build of the extension. The background long-polls
 * `https://sourcelens-e2e.test/driver` (routed to the fixture server by the proxy): each poll carries the result
 * of the previous command and takes the next one. `send` queues a command and resolves with its result.
 */
export class Driver {
  private nextId = 1;
  private readonly queue: (Outgoing & { id: number })[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private held: { res: ServerResponse; timer: NodeJS.Timeout } | null = null;
  private connected: () => void = () => {};
  /** Resolves when the background first asks for a command. */
  readonly ready = new Promise<void>((resolve) => {
    this.connected = resolve;
  });
  /** How many times a background started asking afresh (1 unless the event page was restarted). */
  hellos = 0;

  /** The fixture server's handler for DRIVER_HOST. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors()).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      this.receive(body);
      this.hold(res);
    });
  };

  send<T = unknown>(command: Outgoing): Promise<T> {
    const id = this.nextId++;
    const promise = new Promise<T>((resolve, reject) => {
      this.inFlight.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.queue.push({ ...command, id } as Outgoing & { id: number });
    this.flush();
    return promise;
  }

  /** Answers the held poll so the background stops waiting (at the end of a test run). */
  close(): void {
    if (this.held) {
      clearTimeout(this.held.timer);
      this.held.res.writeHead(200, cors()).end(JSON.stringify({ id: 0, op: 'idle' }));
      this.held = null;
    }
    for (const pending of this.inFlight.values()) pending.reject(new Error('driver closed'));
    this.inFlight.clear();
  }

  private receive(body: string): void {
    let reply: { id?: number; ok?: boolean; value?: unknown; error?: string; hello?: string; idle?: boolean };
    try {
      reply = JSON.parse(body || '{}');
    } catch {
      return;
    }
    if (reply.hello) {
      this.hellos += 1;
      this.connected();
      // A fresh background: whatever it was running is lost; fail those commands rather than wait forever.
      for (const [id, pending] of this.inFlight) {
        if (!this.queue.some((c) => c.id === id)) {
          pending.reject(new Error('the background restarted while running this command'));
          this.inFlight.delete(id);
        }
      }
      return;
    }
    if (typeof reply.id !== 'number') return;
    const pending = this.inFlight.get(reply.id);
    if (!pending) return;
    this.inFlight.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.error ?? 'command failed'));
  }

  private hold(res: ServerResponse): void {
    // A newer poll replaces an older one (which is answered "idle").
    if (this.held) {
      clearTimeout(this.held.timer);
      this.held.res.writeHead(200, cors()).end(JSON.stringify({ id: 0, op: 'idle' }));
    }
    const timer = setTimeout(() => {
      if (this.held?.res !== res) return;
      this.held = null;
      res.writeHead(200, cors()).end(JSON.stringify({ id: 0, op: 'idle' }));
    }, HOLD_MS);
    this.held = { res, timer };
    this.flush();
  }

  private flush(): void {
    if (!this.held) return;
    const next = this.queue.shift();
    if (!next) return;
    const { res, timer } = this.held;
    this.held = null;
    clearTimeout(timer);
    res.writeHead(200, cors()).end(JSON.stringify(next));
  }
}

/** The background's origin is moz-extension://…: the answers must allow any origin. */
function cors(): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  };
}
