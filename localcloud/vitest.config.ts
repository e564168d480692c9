import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two workers even on a two-core machine: most tests wait on timers and I/O, not the CPU.
    maxWorkers: 2,
    maxConcurrency: 20,
  },
});
