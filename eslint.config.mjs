import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layer boundaries from ARCHITECTURE.md, enforced here rather than by convention.
const SERVER_ONLY = [
  {
    group: ["@/lib/server/*", "@/lib/server/**", "**/lib/server/**", "server-only"],
    message: "UI code reaches the server over HTTP only.",
  },
  {
    group: ["@prisma/*", "pg", "@electric-sql/*", "@simplewebauthn/server", "ccxt"],
    message: "Server-only package: use it from lib/server.",
  },
  {
    regex: "^next-auth(/(next|jwt|providers/.*))?$",
    message: "next-auth's server side lives in lib/server/auth; UI code uses next-auth/react.",
  },
];

export default [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "lib/server/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/.results/**",
      "solidity/artifacts.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import/no-anonymous-default-export": "off",
    },
  },
  {
    // The domain core is pure: no framework, database, network, environment, clock or randomness.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!decimal\\.js$|\\.{1,2}/|@/lib/domain/).+",
              message: "lib/domain imports only itself and decimal.js.",
            },
            {
              group: ["../../server/**", "../../client/**", "../../contracts/**", "../../../**"],
              message: "lib/domain imports only itself.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "Pass configuration in as arguments." },
        { name: "fetch", message: "The domain does no I/O." },
        { name: "window", message: "The domain does no I/O." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Time comes in as an argument (explicit clock)." },
        { object: "Math", property: "random", message: "Randomness comes in as a seeded argument." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Time comes in as an argument (explicit clock).",
        },
      ],
    },
  },
  {
    // Domain tests may also import the test runner.
    files: ["lib/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!decimal\\.js$|vitest$|\\.{1,2}/|@/lib/domain/).+",
              message: "lib/domain tests import only the domain, decimal.js and vitest.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/contracts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...SERVER_ONLY,
            { group: ["@/lib/client/**", "@/components/**"], message: "Contracts are shared schemas." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "lib/client/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: SERVER_ONLY }],
    },
  },
  {
    // Route files declare schema + auth + one service call; they never touch the database.
    files: ["app/**/route.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/db", "@/lib/server/db/**", "@prisma/*", "pg"],
              message: "Route handlers call a service, never the database.",
            },
          ],
        },
      ],
    },
  },
];
