// bench:engine — N concurrent TWAP orders worked by the engine on the embedded database (PGlite over
// its loopback socket, the default deployment), in real time. For each N it prints the engine's tick
// lag p50/p99, tick duration, placements/s and fills/s written and CPU used, beside the raw write rate
// of the same database driver measured in the same run (multi-row inserts: the ceiling), as a ratio.
//
// With --postgres the same runs go to a throwaway PostgreSQL server on 127.0.0.1 (the scale path:
// the database works in its own processes, beside the engine's Node thread), a fresh database per size.
//
// With --postgres --workers K, K separate worker processes (`npm run worker`) share the orders, and
// what they do is read from the database: how long since each order was last ticked (staleness,
// sampled every second), rows written, each worker's share and CPU.
//
//   npm run bench:engine -- [--sizes 100,1000,5000] [--seconds 20] [--postgres [--workers K]] [--json]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ChildProcess } from "node:child_process";
import type { Pool } from "pg";
import type { PrismaClient } from "../../lib/server/db";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SIZES = flag("sizes", "100,1000,5000").split(",").map(Number);
const SECONDS = Number(flag("seconds", "20"));
const JSON_OUT = args.includes("--json");
const POSTGRES = args.includes("--postgres");
/** With --postgres: work the orders with this many `npm run worker` processes instead of in-process. */
const WORKERS = Number(flag("workers", "0"));
if (WORKERS > 0 && !POSTGRES) {
  console.error("[bench:engine] --workers needs --postgres (a PGlite directory serves one process)");
  process.exit(2);
}
const TICK_MS = 1000;

process.env.TRANCHE_QUIET_MIGRATIONS = "1";
process.env.TRANCHE_ADMIN_PASSWORD = "bench-password-123";
process.env.TRANCHE_PAPER_BALANCES = JSON.stringify({
  USDT: "1000000000",
  BTC: "100000",
  ETH: "1000000",
  SOL: "100000000",
});

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

interface Row {
  orders: number;
  ticks: number;
  lag_p50_ms: number;
  lag_p99_ms: number;
  tick_p50_ms: number;
  tick_p99_ms: number;
  placements_per_s: number;
  fills_per_s: number;
  rows_per_s: number;
  cpu_pct: number;
  raw_rows_per_s: number;
  ratio_to_raw: number;
  /** Orders one tick can work per second of tick time (orders / tick p50). */
  orders_per_tick_second: number;
}

async function rawWriteRate(pool: Pool): Promise<number> {
  // The ceiling: what the same driver writes per second into a fill-shaped table, batched like the engine.
  await pool.query(
    `CREATE TEMP TABLE IF NOT EXISTS bench_raw (id uuid, order_id uuid, price numeric, size numeric, fee numeric, t timestamp)`,
  );
  const client = await pool.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS bench_raw (id uuid, order_id uuid, price numeric, size numeric, fee numeric, t timestamp)`,
    );
    const batch = 1000;
    const rounds = 20;
    const ids = Array.from({ length: batch }, () => crypto.randomUUID());
    const started = performance.now();
    for (let r = 0; r < rounds; r++) {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO bench_raw SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::numeric[], $5::numeric[], $6::timestamp[])`,
        [
          ids,
          ids,
          ids.map(() => "90000.12"),
          ids.map(() => "0.00123"),
          ids.map(() => "0.0554"),
          ids.map(() => new Date().toISOString()),
        ],
      );
      await client.query("COMMIT");
    }
    return (batch * rounds) / ((performance.now() - started) / 1000);
  } finally {
    client.release();
  }
}

/** Where one size runs: a fresh PGlite directory, or a fresh database on the PostgreSQL server. */
async function freshDatabase(serverUrl: string | null): Promise<{ url: string; drop(): Promise<void> }> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tranche-bench-engine-"));
    return {
      url: `pglite:${path.join(dir, "db")}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { default: pg } = await import("pg");
  const name = `bench_engine_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** `orders` active TWAPs over 10 minutes on the first admin's paper account, three pairs, both sides. */
async function seedOrders(prisma: PrismaClient, orders: number): Promise<void> {
  const { venue } = await import("../../lib/server/venues");
  const admin = await prisma.user.findFirstOrThrow({ include: { accounts: true } });
  const account = admin.accounts[0]!;
  const now = Date.now();
  const pairs = [
    ["BTC-USDT", "BTC", "0.004"],
    ["ETH-USDT", "ETH", "0.1"],
    ["SOL-USDT", "SOL", "2"],
  ] as const;
  const rows = Array.from({ length: orders }, (_, i) => {
    const [pair, base, qty] = pairs[i % 3]!;
    const mid = venue("sim").book(pair, now).mid.toFixed();
    return {
      userId: admin.id,
      accountIds: [account.id],
      venue: "sim",
      pair,
      baseAsset: base,
      quoteAsset: "USDT",
      side: i % 2 ? ("sell" as const) : ("buy" as const),
      strategy: "TWAP",
      qtyField: "base_asset_qty",
      qtyValue: qty,
      targetQty: qty,
      targetUnit: "base",
      duration: 600,
      timeStart: new Date(now),
      timeEnd: new Date(now + 600_000),
      origTimeEnd: new Date(now + 600_000),
      arrivalPrice: mid,
      enginePassiveness: "0.02",
      scheduleDiscretion: "0.06",
      alphaTilt: "0",
      status: "active" as const,
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await prisma.order.createMany({ data: rows.slice(i, i + 1000) });
}

async function runSize(orders: number, serverUrl: string | null): Promise<Row> {
  const target = await freshDatabase(serverUrl);
  process.env.DATABASE_URL = target.url;
  const { database, closeDatabase } = await import("../../lib/server/db");
  const { Engine } = await import("../../lib/server/engine/engine");
  const { prisma, pool } = await database();
  try {
    await seedOrders(prisma, orders);
    const raw = await rawWriteRate(pool);

    const ticks: { lagMs: number; durationMs: number; placements: number; fills: number }[] = [];
    const engine = new Engine({ workerId: "bench", tickMs: TICK_MS, onTick: (s) => ticks.push(s) });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    engine.start();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    await engine.stop();
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const placements = ticks.reduce((s, t) => s + t.placements, 0);
    const fills = ticks.reduce((s, t) => s + t.fills, 0);
    const rowsPerSecond = (placements + fills) / elapsed;
    return {
      orders,
      ticks: ticks.length,
      lag_p50_ms: Math.round(
        percentile(
          ticks.map((t) => t.lagMs),
          50,
        ),
      ),
      lag_p99_ms: Math.round(
        percentile(
          ticks.map((t) => t.lagMs),
          99,
        ),
      ),
      tick_p50_ms: Math.round(
        percentile(
          ticks.map((t) => t.durationMs),
          50,
        ),
      ),
      tick_p99_ms: Math.round(
        percentile(
          ticks.map((t) => t.durationMs),
          99,
        ),
      ),
      placements_per_s: Math.round(placements / elapsed),
      fills_per_s: Math.round(fills / elapsed),
      rows_per_s: Math.round(rowsPerSecond),
      cpu_pct: Math.round(((cpu.user + cpu.system) / 1e6 / elapsed) * 100),
      raw_rows_per_s: Math.round(raw),
      ratio_to_raw: Number((rowsPerSecond / raw).toFixed(4)),
      orders_per_tick_second: Math.round(
        orders /
          Math.max(
            0.001,
            percentile(
              ticks.map((t) => t.durationMs),
              50,
            ) / 1000,
          ),
      ),
    };
  } finally {
    await closeDatabase();
    await target.drop();
  }
}

interface WorkersRow {
  orders: number;
  workers: number;
  samples: number;
  staleness_p50_ms: number;
  staleness_p99_ms: number;
  placements_per_s: number;
  fills_per_s: number;
  shares: number[];
  cpu_pct_per_worker: number[];
}

/** CPU seconds a process has used so far (Linux /proc), or null when it has exited. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

async function runSizeWithWorkers(orders: number, serverUrl: string): Promise<WorkersRow> {
  const { spawn } = await import("node:child_process");
  const target = await freshDatabase(serverUrl);
  process.env.DATABASE_URL = target.url;
  const { database, closeDatabase } = await import("../../lib/server/db");
  const { prisma, pool } = await database();
  const children: ChildProcess[] = [];
  try {
    await seedOrders(prisma, orders);
    for (let i = 0; i < WORKERS; i++) {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
        {
          env: {
            ...process.env,
            DATABASE_URL: target.url,
            TRANCHE_ENGINE_TICK_MS: String(TICK_MS),
            TRANCHE_QUIET_MIGRATIONS: "1",
          },
          stdio: ["ignore", "ignore", "inherit"],
        },
      );
      children.push(child);
    }
    // Warm up until every order has been ticked once, then measure.
    const warmUntil = Date.now() + 60_000;
    while (Date.now() < warmUntil) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM "Order" WHERE status = 'active' AND "lastTickAt" IS NULL`,
      );
      if (Number(rows[0]!.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const cpu0 = children.map((child) => cpuSeconds(child.pid!) ?? 0);
    const start = new Date();
    const staleness: number[] = [];
    for (let s = 0; s < SECONDS; s++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const { rows } = await pool.query<{ ms: string }>(
        `SELECT (extract(epoch FROM (now() AT TIME ZONE 'UTC') - "lastTickAt") * 1000)::bigint AS ms
         FROM "Order" WHERE status = 'active'`,
      );
      for (const row of rows) staleness.push(Number(row.ms));
    }
    const elapsed = (Date.now() - start.getTime()) / 1000;
    const cpu = children.map((child, i) =>
      Math.round((((cpuSeconds(child.pid!) ?? cpu0[i]!) - cpu0[i]!) / elapsed) * 100),
    );
    const since = [start.toISOString()];
    const placed = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Placement" WHERE "createdAt" >= ($1::timestamptz AT TIME ZONE 'UTC')`,
      since,
    );
    const filled = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Fill" WHERE "createdAt" >= ($1::timestamptz AT TIME ZONE 'UTC')`,
      since,
    );
    const shares = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Order" WHERE status = 'active' AND "leaseOwner" IS NOT NULL
       GROUP BY "leaseOwner" ORDER BY 1 DESC`,
    );
    return {
      orders,
      workers: WORKERS,
      samples: staleness.length,
      staleness_p50_ms: percentile(staleness, 50),
      staleness_p99_ms: percentile(staleness, 99),
      placements_per_s: Math.round(Number(placed.rows[0]!.n) / elapsed),
      fills_per_s: Math.round(Number(filled.rows[0]!.n) / elapsed),
      shares: shares.rows.map((row) => Number(row.n)),
      cpu_pct_per_worker: cpu,
    };
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null || child.signalCode !== null
              ? resolve()
              : child.once("exit", () => resolve()),
          ),
      ),
    );
    await closeDatabase();
    await target.drop();
  }
}

async function main() {
  const results: Row[] = [];
  let server: { url: string; stop(): Promise<void> } | null = null;
  if (POSTGRES) {
    const { startPostgres } = await import("../../scripts/pg-test-server.mjs");
    if (!JSON_OUT) console.error("[bench:engine] starting a throwaway PostgreSQL on 127.0.0.1");
    server = await startPostgres();
  }
  const workerResults: WorkersRow[] = [];
  try {
    for (const size of SIZES) {
      if (!JSON_OUT)
        console.error(
          `[bench:engine] ${size} orders, ${SECONDS} s${WORKERS > 0 ? `, ${WORKERS} worker processes` : ""}…`,
        );
      if (WORKERS > 0) workerResults.push(await runSizeWithWorkers(size, server!.url));
      else results.push(await runSize(size, server?.url ?? null));
    }
  } finally {
    await server?.stop();
  }
  if (WORKERS > 0) {
    printWorkers(workerResults);
    process.exit(0);
  }
  const setup = {
    database: POSTGRES
      ? "PostgreSQL (throwaway server on 127.0.0.1, adapter-pg; cpu% is this process only)"
      : "PGlite (embedded, loopback socket, adapter-pg)",
    tick_ms: TICK_MS,
    seconds: SECONDS,
    strategy: "TWAP 10 min, 3 pairs",
    cpus: os.cpus().length,
    node: process.version,
  };
  if (JSON_OUT) {
    console.log(JSON.stringify({ benchmark: "engine", setup, results }, null, 2));
  } else {
    console.log(
      `\nbench:engine — ${setup.database}; tick ${TICK_MS} ms; ${SECONDS} s per size; ${setup.strategy}; ${setup.cpus} cpus, node ${setup.node}`,
    );
    console.log(
      "orders  ticks  lag p50/p99 ms  tick p50/p99 ms  orders/tick-s  placements/s  fills/s  rows/s  cpu%   raw rows/s  rows/raw",
    );
    for (const r of results) {
      console.log(
        `${String(r.orders).padStart(6)}  ${String(r.ticks).padStart(5)}  ${`${r.lag_p50_ms}/${r.lag_p99_ms}`.padStart(14)}  ${`${r.tick_p50_ms}/${r.tick_p99_ms}`.padStart(15)}  ${String(r.orders_per_tick_second).padStart(13)}  ${String(r.placements_per_s).padStart(12)}  ${String(r.fills_per_s).padStart(7)}  ${String(r.rows_per_s).padStart(6)}  ${String(r.cpu_pct).padStart(4)}  ${String(r.raw_rows_per_s).padStart(11)}  ${r.ratio_to_raw.toFixed(4).padStart(8)}`,
      );
    }
    console.log(
      "\nrows/raw: engine rows written per second (placements + fills) over the driver's batched raw insert rate.",
    );
  }
  process.exit(0);
}

function printWorkers(rows: WorkersRow[]) {
  const setup = {
    database: "PostgreSQL (throwaway server on 127.0.0.1)",
    workers: WORKERS,
    tick_ms: TICK_MS,
    seconds: SECONDS,
    strategy: "TWAP 10 min, 3 pairs",
    cpus: os.cpus().length,
    node: process.version,
  };
  if (JSON_OUT) {
    console.log(JSON.stringify({ benchmark: "engine-workers", setup, results: rows }, null, 2));
    return;
  }
  console.log(
    `\nbench:engine — ${WORKERS} worker processes on ${setup.database}; tick ${TICK_MS} ms; ${SECONDS} s per size; ${setup.strategy}; ${setup.cpus} cpus, node ${setup.node}`,
  );
  console.log("orders  staleness p50/p99 ms  placements/s  fills/s  orders per worker   cpu% per worker");
  for (const r of rows) {
    console.log(
      `${String(r.orders).padStart(6)}  ${`${r.staleness_p50_ms}/${r.staleness_p99_ms}`.padStart(20)}  ${String(r.placements_per_s).padStart(12)}  ${String(r.fills_per_s).padStart(7)}  ${r.shares.join("/").padStart(17)}  ${r.cpu_pct_per_worker.join("/").padStart(16)}`,
    );
  }
  console.log(
    "\nstaleness: time since each active order was last ticked, sampled every second (a tick every 1,000 ms keeps it under ~1,000 ms plus the tick's own duration).",
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
