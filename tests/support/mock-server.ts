/**
 * The source mock for a unit test file: listening on a free port before the file's tests, reset before each
 * test, closed after the file. The mock object exists at once, so tests use it as a plain constant.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createMockSources, type Listening, listen, type MockSources } from '../mock-sources/server';

export type ServedMockSources = MockSources & Pick<Listening, 'port' | 'url'>;

export function useMockSources(): ServedMockSources {
  const mock: ServedMockSources = Object.assign(createMockSources(), { port: 0, url: '' });
  let running: Listening | undefined;
  beforeAll(async () => {
    running = await listen(mock.handle);
    mock.port = running.port;
    mock.url = running.url;
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(() => {
    mock.reset();
  });
  return mock;
}
