import { defineConfig } from 'vitest/config';

// Three suites: 'unit' (pure functions, no database), 'db' (services and HTTP on
// a real database: PGlite, or PostgreSQL when SENIM_TEST_DATABASE_URL is set),
// 'e2e' (whole journeys in headless Chromium; needs `npm run build:web`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          globalSetup: ['src/server/testing/global-setup.ts'],
          include: ['src/**/*.db.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['src/server/testing/global-setup.ts'],
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
