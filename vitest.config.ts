import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests start real servers (dynalite, loopback HTTP) and the infra test bundles
    // Lambdas with esbuild: generous per-test limits, no timing assertions anywhere.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
