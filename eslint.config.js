// The linter keeps the boundaries of DESIGN.md §3.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noDomainIo = {
  paths: ['dexie', 'idb-keyval', 'preact', 'hono', 'kysely', 'better-sqlite3'].map((name) => ({
    name,
    message: 'src/domain is pure: no I/O, DOM or Node.',
  })),
  patterns: [{ group: ['node:*', '../app/*', '../data/*', '../sync/*', '**/server/**'], message: 'src/domain imports only itself.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'tests/.tmp-server-build-*/**', 'node_modules/**', 'data/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // STYLE.md: split a file before it passes about 400 lines.
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    // The rules of hooks hold for Preact's (preact/hooks): the plugin knows hooks by their names
    // (useState, useEffect, use…), not by the package they come from.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLive$' }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'service-worker/**/*.ts'],
    // Tests (.ts and .tsx) may run the real server in-process.
    ignores: ['src/data/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Dexie stays inside src/data.' }],
          patterns: [{ group: ['**/server/**', 'hono', 'kysely', 'better-sqlite3'], message: 'The app never imports the server.' }],
        },
      ],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/app/**'], message: 'src/data knows the domain, not the UI or the server.' }] },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noDomainIo] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/app/**', '**/src/data/**', '**/src/sync/**', 'dexie', 'preact'], message: 'The server shares only src/domain with the app.' },
          ],
        },
      ],
    },
  },
);
