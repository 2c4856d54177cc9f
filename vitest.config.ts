import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

// `*.test.ts` beside the code. Pure tests need nothing; `*.api.test.ts` call the real route handlers
// against a real database: PGlite in memory by default, or a fresh database on the PostgreSQL server
// named by TEST_DATABASE_URL (scripts/test.mjs runs them on both).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
      // `server-only` throws outside React Server Components; tests run server code directly.
      { find: /^server-only$/, replacement: `${root}/lib/server/testing/server-only-stub.ts` },
    ],
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "solidity/**/*.test.ts"],
          exclude: ["**/*.api.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["app/**/*.api.test.ts", "lib/**/*.api.test.ts"],
          setupFiles: ["lib/server/testing/api-setup.ts"],
        },
      },
    ],
  },
});
