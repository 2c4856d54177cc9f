import "server-only";
import type { PrismaClient } from "./generated/client";
import { openDatabase, type OpenDatabase } from "./open";
import { seedDatabase } from "./seed";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

/** Transaction client handed to `prisma.$transaction(async (tx) => …)`. Inside it, use only `tx`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One database per process, shared by route handlers, instrumentation and the engine. Next bundles
// those separately, so the handle lives on globalThis rather than in a module variable.
const state = globalThis as unknown as { __trancheDb?: Promise<OpenDatabase> };

function boot(): Promise<OpenDatabase> {
  const opening = openDatabase().then(async (database) => {
    await seedDatabase(database.prisma);
    registerShutdown(database);
    return database;
  });
  // A failed open must not be cached: the next call retries (and reports the error again).
  opening.catch(() => {
    if (state.__trancheDb === opening) state.__trancheDb = undefined;
  });
  return opening;
}

/** The open database: migrated and seeded on first use. */
export function database(): Promise<OpenDatabase> {
  return (state.__trancheDb ??= boot());
}

/** The Prisma client of the open database. */
export async function db(): Promise<PrismaClient> {
  return (await database()).prisma;
}

/** Close the database (tests, worker shutdown). The next `db()` opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = state.__trancheDb;
  state.__trancheDb = undefined;
  if (opening) await (await opening).close();
}

function registerShutdown(database: OpenDatabase): void {
  if (database.target.kind !== "pglite") return;
  const stop = (signal: NodeJS.Signals) => {
    database
      .close()
      .catch((error) => console.error("[db] close failed", error))
      .finally(() => process.kill(process.pid, signal));
  };
  // Flush PGlite and release its lock before the process goes; the signal is then re-raised.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
