import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the built connector and a simulator; two cores, so keep the fan-out small.
    maxWorkers: 2,
  },
});
