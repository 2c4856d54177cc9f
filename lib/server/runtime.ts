import "server-only";
import { database } from "./db";

/** What the Next.js server starts beside its request handling (from instrumentation.ts). */
export async function startServerRuntime(): Promise<void> {
  const { target } = await database();
  console.log(
    `[tranche] database ready (${target.kind === "pglite" ? `embedded PGlite at ${target.dataDir}` : "PostgreSQL"})`,
  );
}
