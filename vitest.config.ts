import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports": Node (and so graphql-yoga) loads its CommonJS build, while Vite
    // would pick the ESM one. Two copies break `instanceof GraphQLError`; use Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Virtuoso and Redis for the tests of the shared store and the job queue (see the file).
    globalSetup: ['test/globalServices.ts'],
    // End-to-end tests spawn the real CLI and server; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One fork per core, not Vitest's default of one less: most files spend their time waiting on
    // the processes they spawn (CLI, server, browser), so a 2-core machine runs two files at once.
    // The whole suite: 839 s with one fork, 557 s with two, all green (7 December 2026).
    maxWorkers: availableParallelism(),
  },
});
