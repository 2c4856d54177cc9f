import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseTarget, type DatabaseTarget } from "./config";
import { applyMigrations } from "../../../scripts/migrations-core.mjs";
import { acquirePgliteLock, releasePgliteLock } from "../../../scripts/pglite-lock.mjs";

export interface OpenDatabase {
  prisma: PrismaClient;
  /** A pg pool on the same database, for the few raw statements Prisma cannot express. */
  pool: pg.Pool;
  target: DatabaseTarget;
  /** `postgresql://` URL other tools (psql, a second client) can use while this process runs. */
  connectionUrl: string;
  /** Run `hook` before the pool closes (a long-lived client, such as a LISTEN, must let go first). */
  onClose(hook: () => void | Promise<void>): void;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = process.env.TRANCHE_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations");

interface PgliteServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded default: PGlite (PostgreSQL in WebAssembly) inside this process, served on a loopback
 * TCP port so the app talks to it through the official adapter-pg exactly as to a PostgreSQL server.
 * A data directory is opened by one process at a time: a lock file refuses a second opener.
 */
async function startPglite(dataDir: string): Promise<PgliteServer> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const persistent = dataDir !== "memory://";
  if (persistent) {
    acquirePgliteLock(dataDir);
    // However the process ends (Next exits on SIGTERM without waiting for us), free the directory.
    process.once("exit", () => releasePgliteLock(dataDir));
  }
  try {
    const pglite = new PGlite(persistent ? dataDir : undefined);
    await pglite.waitReady;
    // ONE connection: pglite-socket's multiplexer interleaves the extended-protocol messages of
    // concurrent connections (electric-sql/pglite#1046), so a query could receive another's rows.
    // PGlite executes one statement at a time anyway; the pool below queues requests instead, and
    // holds one client. The server admits a second socket only so that a client the pool discards
    // after an error can be replaced while the old socket is still closing.
    const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 2 });
    await server.start();
    const conn = server.getServerConn(); // "127.0.0.1:<port>"
    return {
      url: `postgresql://postgres@${conn}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await pglite.close();
        if (persistent) releasePgliteLock(dataDir);
      },
    };
  } catch (error) {
    if (persistent) releasePgliteLock(dataDir);
    throw error;
  }
}

export async function openDatabase(target: DatabaseTarget = databaseTarget()): Promise<OpenDatabase> {
  const pglite = target.kind === "pglite" ? await startPglite(target.dataDir) : null;
  const connectionUrl = pglite ? pglite.url : target.url;
  const pool = new pg.Pool({
    connectionString: connectionUrl,
    // PGlite: a single connection (see startPglite). Whoever holds it must not wait for another:
    // inside prisma.$transaction use only `tx`, and never hold a pool client while calling Prisma.
    max: pglite ? 1 : Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  pool.on("error", (error) => console.error("[db] idle client error", error));
  try {
    const client = await pool.connect();
    try {
      await applyMigrations({
        query: (sql: string, params?: unknown[]) => client.query(sql, params),
        migrationsDir: MIGRATIONS_DIR,
        log: (line: string) => {
          if (process.env.TRANCHE_QUIET_MIGRATIONS !== "1") console.log(`[db] ${line}`);
        },
      });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    await pglite?.stop().catch(() => undefined);
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: false }) });
  let closed = false;
  const closeHooks: (() => void | Promise<void>)[] = [];
  return {
    prisma,
    pool,
    target,
    connectionUrl,
    onClose: (hook) => void closeHooks.push(hook),
    async close() {
      if (closed) return;
      closed = true;
      for (const hook of closeHooks)
        await Promise.resolve(hook()).catch((error) => console.error("[db] close hook failed", error));
      await prisma.$disconnect();
      await pool.end();
      await pglite?.stop();
    },
  };
}
