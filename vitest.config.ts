import { defineConfig } from 'vitest/config';

// Unit and in-process suites. The browser suite (tests/e2e) runs separately, after a build.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/server/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
