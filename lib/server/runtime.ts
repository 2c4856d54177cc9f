import "server-only";
import { database } from "./db";
import { startEngine } from "./engine/engine";
import { checkDeploymentConfig } from "./deployment";
import { startChainRuntime } from "./chain/runtime";

/**
 * What the Next.js server starts beside its request handling (from instrumentation.ts): the
 * database, the chain (the embedded Anvil, or TRANCHE_CHAIN_RPC_URL) with the RFQ contracts, then the engine (unless TRANCHE_ENGINE=off, for web instances beside separate workers).
 * A database that cannot open (a PGlite directory held by another process, an unreachable server)
 * stops the process with the reason, rather than leaving a server that fails every request.
 */
export async function startServerRuntime(): Promise<void> {
  try {
    checkDeploymentConfig();
    const { target } = await database();
    console.log(
      `[tranche] database ready (${target.kind === "pglite" ? `embedded PGlite at ${target.dataDir}` : "PostgreSQL"})`,
    );
  } catch (error) {
    console.error(`\n[tranche] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  await startChainRuntime();
  if (process.env.TRANCHE_ENGINE !== "off") {
    const engine = startEngine();
    console.log(`[tranche] engine ${engine.workerId} started`);
  }
}
