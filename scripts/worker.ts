// `npm run worker`: the execution engine alone, without the web server. Several workers (and web
// instances with TRANCHE_ENGINE=off) share one PostgreSQL; a PGlite directory allows one process.
import { closeDatabase, database } from "../lib/server/db";
import { startEngine, stopEngine } from "../lib/server/engine/engine";

async function main() {
  const { target } = await database();
  const engine = startEngine();
  console.log(
    `[worker] engine ${engine.workerId} running on ${target.kind === "pglite" ? `PGlite ${target.dataDir}` : "PostgreSQL"}`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: stopping`);
    await stopEngine();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(`[worker] cannot start: ${(error as Error).message}`);
  process.exit(1);
});
