// `npm start`: build when the sources changed since the last build, then serve with `next start`.
// The embedded database (PGlite) runs inside the server process, so this needs nothing else.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = process.env.PORT || "3000";
const host = process.env.HOST || "127.0.0.1";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED ||= "1"; // no phoning home from a self-hosted desk

const SOURCES = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "solidity",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["generated", "node_modules"]);

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (SKIP.has(child) || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function needsBuild() {
  if (process.env.TRANCHE_SKIP_BUILD === "1") return false;
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > built);
}

if (needsBuild()) {
  console.log("[start] building (sources changed since the last build)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const next = spawn(
  process.execPath,
  [
    "--import",
    path.join(root, "scripts/peer-address.mjs"),
    path.join(root, "node_modules/next/dist/bin/next"),
    "start",
    "-p",
    port,
    "-H",
    host,
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  },
);
console.log(`[start] Tranche on http://localhost:${port} (bound to ${host})`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
