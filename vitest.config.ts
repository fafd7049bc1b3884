import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Two cores: keep workers low so a run stays predictable beside a build.
    maxWorkers: 2,
    // A hang guard, not a speed check: property tests and 50,000-node pages take seconds on a busy 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
