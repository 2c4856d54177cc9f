// `npm test`: the whole suite, the same on a laptop and in CI. It installs the system packages it
// needs (Chromium, PostgreSQL) when missing, then runs, stopping at the first failing stage:
// lint, typecheck, schema-vs-migrations check, unit + API tests on PGlite, API tests on a throwaway
// PostgreSQL server, a production build, and the Playwright specs in Debian's Chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startPostgres } from "./pg-test-server.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const only = process.argv.slice(2);
const timings = [];

function run(title, command, args, env = {}) {
  if (only.length > 0 && !only.includes(title)) return;
  console.log(`\n━━ ${title}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  timings.push([title, ((Date.now() - started) / 1000).toFixed(1)]);
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
run("deps", "bash", ["scripts/ensure-system-deps.sh"]);
run("lint", "npx", ["eslint", "--max-warnings=0", "."]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
run("migrations", "node", ["scripts/prisma-migrate.mjs", "diff"], { DATABASE_URL: "pglite:memory://" });
run("unit+api:pglite", "npx", ["vitest", "run"], { TEST_DATABASE_URL: "" });

if (only.length === 0 || only.includes("api:postgres")) {
  const pg = await startPostgres();
  try {
    run("api:postgres", "npx", ["vitest", "run", "--project", "api"], { TEST_DATABASE_URL: pg.url });
  } finally {
    await pg.stop();
  }
}

run("build", "npm", ["run", "build"]);
run("e2e", "npx", ["playwright", "test"], { TRANCHE_SKIP_BUILD: "1" });

console.log("\n✓ all stages passed");
for (const [title, seconds] of timings) console.log(`  ${title.padEnd(18)} ${seconds} s`);
