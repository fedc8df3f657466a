// Browser tests: run by scripts/test-e2e.mjs against a built, running server (BASE_URL), one file at a time.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    // expect.poll waits 1 s by default; a page's data can take longer on the shared two-core machines.
    expect: { poll: { timeout: 30_000 } },
    hookTimeout: 180_000,
    // One browser at a time: the machines we run on have two cores, and the tests share one server.
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    reporters: ['default'],
  },
});
