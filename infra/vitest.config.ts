import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Importing aws-cdk-lib, bundling the functions and synthesizing take seconds on a shared machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
