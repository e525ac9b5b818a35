import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build.ts'],
    testTimeout: 60_000,
    // vitest's default is one worker per core less one: a single worker on the 2-core
    // machines here. Most of the suite's time is spent waiting on child campaigns, so
    // two files at a time finish sooner without making any test depend on timing.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
