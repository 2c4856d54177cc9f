import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dec } from "@/lib/domain/shared/decimal";
import { startPostgres } from "../../../scripts/pg-test-server.mjs";

// Real engine processes (`scripts/worker.ts`) on a real PostgreSQL: the one from TEST_DATABASE_URL,
// or a throwaway server started here. A PGlite directory allows one process, so it cannot host this.
const root = path.resolve(__dirname, "../../..");
let server: { url: string; stop(): Promise<void> } | null = null;
let adminUrl = "";
let databaseUrl = "";
let database = "";
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) adminUrl = process.env.TEST_DATABASE_URL;
  else {
    server = await startPostgres();
    adminUrl = server.url;
  }
  database = `tranche_proc_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  // This file's own services use the same database as the workers.
  const { closeDatabase } = await import("../db");
  await closeDatabase();
  process.env.DATABASE_URL = databaseUrl;
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  const { closeDatabase } = await import("../db");
  await closeDatabase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await server?.stop();
}, 60_000);

function startWorker(extraEnv: Record<string, string> = {}): ChildProcess {
  // node itself (tsx as a loader, not its CLI wrapper), so a signal reaches the engine process.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        TRANCHE_ENGINE_TICK_MS: "250",
        TRANCHE_ENGINE_LEASE_MS: "1500",
        TRANCHE_QUIET_MIGRATIONS: "1",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stderr?.on("data", (chunk) => process.stderr.write(`[worker ${child.pid}] ${chunk}`));
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function orderFacts(orderId: string) {
  const { db } = await import("../db");
  const prisma = await db();
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const fills = await prisma.fill.findMany({ where: { orderId } });
  const placements = await prisma.placement.findMany({ where: { orderId } });
  const filled = fills.reduce((sum, f) => sum.add(f.size.toString()), new Dec(0));
  return { order, fills, placements, filled };
}

describe("[ENGINE] crash safety with real worker processes on PostgreSQL", () => {
  it("a worker killed mid-order (SIGKILL) is replaced and the order completes with every fill recorded once", async () => {
    const { createTestUser } = await import("../testing/api-client");
    const { submitOrder } = await import("../services/orders/submit-order");
    const { db } = await import("../db");
    const { user, account } = await createTestUser();
    const prisma = await db();
    const btcBefore = new Dec(
      (
        await prisma.balance.findUniqueOrThrow({
          where: { accountId_asset: { accountId: account.id, asset: "BTC" } },
        })
      ).amount.toString(),
    );
    const order = await submitOrder({
      userId: user.id,
      input: {
        pair: "BTC-USDT",
        side: "buy",
        strategy: "TWAP",
        // Long enough that a loaded machine cannot finish it between the second fill and the kill.
        duration: 40,
        base_asset_qty: "0.3",
        accounts: ["paper"],
      },
    });

    const first = startWorker();
    await waitFor(
      async () => (await prisma.fill.count({ where: { orderId: order.id } })) >= 2,
      30_000,
      "the first fills",
    );
    first.kill("SIGKILL");
    await exited(first);
    const atKill = await orderFacts(order.id);
    expect(atKill.order.status).not.toBe("complete");

    const second = startWorker();
    const done = await waitFor(
      async () => {
        const facts = await orderFacts(order.id);
        return ["complete", "failed", "canceled"].includes(facts.order.status) ? facts : null;
      },
      60_000,
      "the order to finish",
    );
    second.kill("SIGTERM");
    await exited(second);

    expect(done.order.status).toBe("complete");
    expect(done.filled.toFixed()).toBe(new Dec(done.order.executedBase.toString()).toFixed());
    expect(done.filled.sub("0.3").abs().lte("0.00001")).toBe(true);
    expect(new Set(done.fills.map((f) => f.externalId)).size).toBe(done.fills.length);
    expect(done.fills.length).toBeGreaterThan(atKill.fills.length);
    // Both workers sent children: the second took over once the first's lease lapsed.
    expect(new Set(done.placements.map((p) => p.workerId)).size).toBe(2);
    expect(done.placements.filter((p) => p.status === "open")).toEqual([]);
    const btcAfter = new Dec(
      (
        await prisma.balance.findUniqueOrThrow({
          where: { accountId_asset: { accountId: account.id, asset: "BTC" } },
        })
      ).amount.toString(),
    );
    expect(btcAfter.sub(btcBefore).toFixed()).toBe(done.filled.toFixed());
  }, 120_000);

  it("two workers share the orders: none is worked by both, and every order completes", async () => {
    const { createTestUser } = await import("../testing/api-client");
    const { submitOrder } = await import("../services/orders/submit-order");
    const { user } = await createTestUser();
    const pairs = [
      ["BTC-USDT", "0.05"],
      ["ETH-USDT", "1"],
      ["SOL-USDT", "20"],
    ] as const;
    // Both workers up and registered before any order exists: on a loaded machine one worker can
    // start seconds before the other and would otherwise take every order itself.
    const workers = [startWorker({ TRANCHE_ENGINE_BATCH: "6" }), startWorker({ TRANCHE_ENGINE_BATCH: "6" })];
    const { db } = await import("../db");
    await waitFor(
      async () => {
        const seen = await (await db()).engineWorker.findMany({ select: { id: true } });
        return workers.every((w) => seen.some((row) => row.id.split(":").includes(String(w.pid))));
      },
      60_000,
      "both workers to register",
    );
    const orders: { id: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const [pair, qty] = pairs[i % 3]!;
      orders.push(
        await submitOrder({
          userId: user.id,
          input: {
            pair,
            side: i % 2 ? "sell" : "buy",
            strategy: "TWAP",
            duration: 8,
            base_asset_qty: qty,
            accounts: ["paper"],
          },
        }),
      );
    }
    const facts = await waitFor(
      async () => {
        const all = await Promise.all(orders.map((o) => orderFacts(o.id)));
        return all.every((f) => ["complete", "failed", "canceled"].includes(f.order.status)) ? all : null;
      },
      60_000,
      "all orders to finish",
    );
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(workers.map(exited));

    const workersSeen = new Set<string>();
    for (const f of facts) {
      expect(f.order.status).toBe("complete");
      const ids = new Set(f.placements.map((p) => p.workerId));
      expect(ids.size, `order ${f.order.id} was worked by ${[...ids].join(" and ")}`).toBe(1);
      ids.forEach((id) => workersSeen.add(id!));
      expect(f.filled.toFixed()).toBe(new Dec(f.order.executedBase.toString()).toFixed());
      expect(new Set(f.fills.map((x) => x.externalId)).size).toBe(f.fills.length);
    }
    expect(workersSeen.size).toBe(2);
  }, 120_000);
});
