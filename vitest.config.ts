import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests run real processes and measure them: two at once on a 2-core machine is the most that stays honest.
    maxWorkers: 2,
  },
});
