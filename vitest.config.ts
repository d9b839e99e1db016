import { defineConfig } from 'vitest/config';

// On a PostgreSQL server, test files share one database: run them one after another.
const sharedServer = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: !sharedServer,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
