import { defineConfig } from 'vitest/config';

const serverSuites = ['tests/server/**/*.test.ts', 'tests/sync/**/*.test.ts'];

// Unit and in-process suites. The server and sync suites run twice, once per storage engine:
// project `sqlite` (a file per test) and project `postgres` (a real cluster started by its
// globalSetup, a database per test). The browser suite (tests/e2e) runs separately, after a build.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', ...serverSuites, 'tests/faults/**/*.test.ts', 'tests/documents/**/*.test.ts'],
          provide: { postgres: null },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...serverSuites, 'tests/postgres/**/*.test.ts'],
          // The SQLite file's own settings (pragmas) have no PostgreSQL counterpart.
          // The protocol's property tests open SQLite files of their own, thousands of them: once is enough.
          exclude: ['tests/server/sqlite-store.test.ts', 'tests/sync/protocol.property.test.ts', 'tests/sync/form-edits.property.test.ts'],
          globalSetup: ['tests/support/postgres-setup.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
