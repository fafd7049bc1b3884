/**
 * Waiting in browser tests for something the test cannot be told about directly: ask again until the answer
 * is the one wanted, with a deadline, so a test fails with the last answer instead of hanging or sleeping.
 */
import { setTimeout as delay } from 'node:timers/promises';

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { what = 'the expected state', timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${JSON.stringify(value)}`);
    await delay(intervalMs);
  }
}
