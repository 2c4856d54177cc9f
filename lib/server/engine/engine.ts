import { randomBytes } from "node:crypto";
import os from "node:os";
import { Dec } from "@/lib/domain/shared/decimal";
import type { Pool } from "pg";
import type { Side } from "@/lib/domain/shared/side";
import { database, type PrismaClient } from "../db";
import { venue as venueByName } from "../venues";
import { BalanceLedger } from "./ledger";
import { OrderTick } from "./process-order";
import type { OrderOutcome } from "./outcome";
import { writeOutcomes } from "./writer";
import { groupDirectives } from "./groups";
import { sweepGatewayOrders } from "../services/gateway/sweep-gateway-orders";
import { sweepRfqDesk } from "../services/rfq/sweep-rfq-desk";
import { chainInThisProcess } from "../chain";

export interface EngineOptions {
  workerId?: string;
  /** Time between ticks (TRANCHE_ENGINE_TICK_MS, default 1000). */
  tickMs?: number;
  /** How long a claim lasts without renewal; another worker takes over after that. */
  leaseMs?: number;
  /** Most orders one worker holds at a time. */
  batchSize?: number;
  /** The engine's clock; tests drive ticks with their own. */
  clock?: () => number;
  /** Called after every tick (benchmarks, tests). */
  onTick?: (stats: TickStats) => void;
  /**
   * Work beside the orders' ticks, run between ticks at most every `housekeepingMs` (default 10 s):
   * startEngine gives it the Gateway's sweep (expired unsigned orders, stuck DeFi settlements).
   */
  housekeeping?: (now: number) => Promise<unknown>;
  housekeepingMs?: number;
}

export interface TickStats {
  now: number;
  /** How late the tick started against its schedule (ms). */
  lagMs: number;
  durationMs: number;
  claimed: number;
  written: number;
  dropped: number;
  placements: number;
  fills: number;
}

export const WORKING_STATUSES = ["scheduled", "active", "paused", "finishing", "cancel_pending"] as const;

const UTC = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;

/** How far back our fills still move the simulated market (the impact decays within minutes). */
const IMPACT_HORIZON_MS = 10 * 60_000;
/** Fills of other workers are looked for this far before the last look (their ticks may lag). */
const IMPACT_OVERLAP_MS = 30_000;

const processState = globalThis as unknown as { __trancheLocalWorkers?: Set<string> };
/** The engines of this process: their fills reach the venue directly, never through syncImpact. */
const localWorkers = () => (processState.__trancheLocalWorkers ??= new Set());

/**
 * The engine: on each tick it claims the orders it may work (an expiring lease per order, so
 * several workers on one PostgreSQL never work the same order and a dead worker's orders are taken
 * over when its leases lapse), runs one OrderTick per order, and writes the whole tick in one
 * transaction. Runs inside the Next.js server by default and alone with `npm run worker`.
 */
export class Engine {
  readonly workerId: string;
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly clock: () => number;
  private readonly onTick?: (stats: TickStats) => void;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private nextAt = 0;
  /** Other workers' fills already replayed into the venue (id → fill time), and up to when. */
  private readonly impactSeen = new Map<string, number>();
  private impactSyncedTo: number | null = null;
  private readonly housekeeping?: (now: number) => Promise<unknown>;
  private readonly housekeepingMs: number;
  private housekeptAt = 0;

  constructor(options: EngineOptions = {}) {
    this.workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.tickMs = options.tickMs ?? Number(process.env.TRANCHE_ENGINE_TICK_MS ?? 1000);
    this.leaseMs =
      options.leaseMs ?? Math.max(5 * this.tickMs, Number(process.env.TRANCHE_ENGINE_LEASE_MS ?? 15_000));
    this.batchSize = options.batchSize ?? Number(process.env.TRANCHE_ENGINE_BATCH ?? 10_000);
    this.clock = options.clock ?? (() => Date.now());
    localWorkers().add(this.workerId);
    this.onTick = options.onTick;
    this.housekeeping = options.housekeeping;
    this.housekeepingMs = options.housekeepingMs ?? 10_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.nextAt = this.clock();
    this.schedule();
  }

  /** Stop ticking, wait for the tick in flight, and hand the leases back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    try {
      const { pool } = await database();
      await pool.query(
        `UPDATE "Order" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE "leaseOwner" = $1`,
        [this.workerId],
      );
      await pool.query(`DELETE FROM "EngineWorker" WHERE id = $1`, [this.workerId]);
    } catch (error) {
      console.error("[engine] could not release leases", error);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.max(0, this.nextAt - this.clock());
    this.timer = setTimeout(() => {
      const scheduled = this.nextAt;
      this.running = this.tick(this.clock(), scheduled)
        .then(() => undefined)
        .catch((error) => console.error("[engine] tick failed", error))
        .then(() => this.housekeep())
        .finally(() => {
          this.running = null;
          this.nextAt = Math.max(scheduled + this.tickMs, this.clock() - this.tickMs);
          this.schedule();
        });
    }, delay);
  }

  /**
   * How many orders this worker should hold: the working orders divided among the live workers
   * (each says it is alive at every tick), at most `batchSize`; and whether to hand back what it
   * holds beyond that. Orders move between workers only when one joins (started within two leases
   * and holding less than half a share): then the others hand back their surplus on their next
   * tick. Otherwise each keeps what it works — orders finishing unevenly never bounce between
   * workers — and new orders go to whoever has room. A worker that stops or dies drops out of the
   * count once silent for a lease; its orders are taken over as their leases lapse.
   */
  private async fairShare(now: number): Promise<{ share: number; rebalance: boolean; workers: number }> {
    const { pool } = await database();
    const at = new Date(now).toISOString();
    await pool.query(
      `WITH gone AS (DELETE FROM "EngineWorker" WHERE "seenAt" < ${UTC("$3")} AND id <> $1)
       INSERT INTO "EngineWorker" (id, "startedAt", "seenAt") VALUES ($1, ${UTC("$2")}, ${UTC("$2")})
       ON CONFLICT (id) DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`,
      [this.workerId, at, new Date(now - 24 * 3600_000).toISOString()],
    );
    // Seen within a lease of now, either way: a worker whose clock is far off is not counted.
    const live = await pool.query<{ id: string; startedAt: Date }>(
      `SELECT id, "startedAt" FROM "EngineWorker" WHERE "seenAt" > ${UTC("$1")} AND "seenAt" < ${UTC("$2")}`,
      [new Date(now - this.leaseMs).toISOString(), new Date(now + this.leaseMs).toISOString()],
    );
    const held = await pool.query<{ owner: string | null; n: string }>(
      `SELECT CASE WHEN "leaseExpiresAt" > ${UTC("$2")} THEN "leaseOwner" END AS owner, count(*) AS n
       FROM "Order" WHERE status::text = ANY($1::text[]) GROUP BY 1`,
      [[...WORKING_STATUSES], at],
    );
    const holding = new Map(held.rows.map((row) => [row.owner, Number(row.n)]));
    const working = held.rows.reduce((sum, row) => sum + Number(row.n), 0);
    const workers = Math.max(1, live.rows.length);
    const share = Math.min(this.batchSize, Math.max(1, Math.ceil(working / workers)));
    const rebalance = live.rows.some(
      (worker) =>
        worker.id !== this.workerId &&
        worker.startedAt.getTime() > now - 2 * this.leaseMs &&
        (holding.get(worker.id) ?? 0) < share / 2,
    );
    return { share, rebalance, workers };
  }

  /** Run the housekeeping if it is due; its failure is logged and tried again when next due. */
  private async housekeep(): Promise<void> {
    const now = this.clock();
    if (!this.housekeeping || now - this.housekeptAt < this.housekeepingMs) return;
    this.housekeptAt = now;
    try {
      await this.housekeeping(now);
    } catch (error) {
      console.error("[engine] housekeeping failed", error);
    }
  }

  /** One tick at `now`: claim, work, write. Public so tests and benchmarks drive it directly. */
  async tick(now = this.clock(), scheduledAt = now): Promise<TickStats> {
    const startedAt = this.clock();
    const { pool, prisma } = await database();
    // The claim, the work (through Prisma) and the write each take a connection of their own in
    // turn: holding a pool client across the Prisma calls would deadlock a one-connection pool.
    {
      const { share, rebalance, workers } = await this.fairShare(now);
      // What this worker holds it keeps (beyond its share, it hands the rest back when a worker has
      // joined); what it keeps with more than half its lease left is read, not rewritten (the
      // tick's write renews it) — at thousands of orders a tick, rewriting every held row cost a
      // tenth of the tick. Half-spent leases are renewed and new or lapsed orders claimed, up to
      // the share.
      const renewBefore = new Date(now + this.leaseMs / 2).toISOString();
      const mine = await pool.query<{ id: string; fresh: boolean }>(
        `SELECT id, "leaseExpiresAt" > ${UTC("$2")} AS fresh FROM "Order"
         WHERE "leaseOwner" = $1 AND "leaseExpiresAt" > ${UTC("$3")} AND status::text = ANY($4::text[])
         ORDER BY "createdAt", id`,
        [this.workerId, renewBefore, new Date(now).toISOString(), [...WORKING_STATUSES]],
      );
      const surplus = rebalance ? mine.rows.slice(share).map((row) => row.id) : [];
      if (surplus.length > 0) {
        await pool.query(
          `UPDATE "Order" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE id = ANY($1::uuid[]) AND "leaseOwner" = $2`,
          [surplus, this.workerId],
        );
      }
      const kept = rebalance ? mine.rows.slice(0, share) : mine.rows;
      const keptFresh = kept.filter((row) => row.fresh).map((row) => row.id);
      const claimed = await pool.query<{ id: string }>(
        `UPDATE "Order" SET "leaseOwner" = $1, "leaseExpiresAt" = ${UTC("$4")}
         WHERE id IN (
           SELECT id FROM "Order"
           WHERE status::text = ANY($5::text[])
             AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${UTC("$3")}
                  OR ("leaseOwner" = $1 AND "leaseExpiresAt" <= ${UTC("$6")}))
             AND NOT (id = ANY($7::uuid[]))
           -- Renew what this worker holds first, then take the longest-waiting others.
           ORDER BY ("leaseOwner" IS NOT DISTINCT FROM $1) DESC, "lastTickAt" ASC NULLS FIRST
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [
          this.workerId,
          // Everything kept (its half-spent leases renewed here, first), and new orders up to the share.
          Math.max(0, Math.max(share, kept.length) - keptFresh.length),
          new Date(now).toISOString(),
          new Date(now + this.leaseMs).toISOString(),
          [...WORKING_STATUSES],
          renewBefore,
          surplus,
        ],
      );
      const ids = [...keptFresh, ...claimed.rows.map((row) => row.id)];
      let outcomes: OrderOutcome[] = [];
      if (ids.length > 0) {
        // Alone, only the first look is needed (a previous process's fills); it resumes from where
        // it stopped when another worker appears.
        if (workers > 1 || this.impactSyncedTo === null) await this.syncImpact(pool, now);
        outcomes = await this.work(prisma, ids, now);
      }
      const client = await pool.connect();
      let written = 0;
      let dropped = 0;
      let placements = 0;
      let fills = 0;
      try {
        try {
          const result = await writeOutcomes(client, outcomes, this.workerId, this.leaseMs, now);
          ({ placements, fills } = result);
          written = result.written.length;
          dropped = result.dropped.length;
        } catch (error) {
          // One order's outcome spoiled the batch (an overdraw the ledger did not foresee, a duplicate
          // fill): write the rest one by one, and only the error for the order that fails again.
          console.error("[engine] batch write failed, retrying order by order", error);
          for (const outcome of outcomes) {
            try {
              const result = await writeOutcomes(client, [outcome], this.workerId, this.leaseMs, now);
              written += result.written.length;
              dropped += result.dropped.length;
              placements += result.placements;
              fills += result.fills;
            } catch (single) {
              dropped += 1;
              await client
                .query(
                  `INSERT INTO "OrderMessage" ("orderId", level, message, "createdAt") VALUES ($1, 'ERROR', $2, ${UTC("$3")})`,
                  [
                    outcome.orderId,
                    `Engine could not record this tick: ${(single as Error).message}`,
                    new Date(now).toISOString(),
                  ],
                )
                .catch(() => undefined);
            }
          }
        }
      } finally {
        client.release();
      }
      const stats: TickStats = {
        now,
        lagMs: startedAt - scheduledAt,
        durationMs: this.clock() - startedAt,
        claimed: ids.length,
        written,
        dropped,
        placements,
        fills,
      };
      this.onTick?.(stats);
      return stats;
    }
  }

  /**
   * Our market impact is the sum of every worker's fills, but each process's venue sees only the
   * fills it makes: before working, replay into it the sim fills other processes recorded since the
   * last look (with an overlap, each once), and on the first tick those of the impact's horizon —
   * so a restarted worker, or one beside others, prices its children as the market would.
   */
  private async syncImpact(pool: Pool, now: number): Promise<void> {
    const sim = venueByName("sim");
    const since = Math.max(now - IMPACT_HORIZON_MS, (this.impactSyncedTo ?? -Infinity) - IMPACT_OVERLAP_MS);
    const { rows } = await pool.query<{
      id: string;
      pair: string;
      side: Side;
      size: string;
      role: "MAKE" | "TAKE";
      time: Date;
    }>(
      `SELECT id, pair, side::text AS side, size::text AS size, role::text AS role, time FROM "Fill"
       WHERE venue = 'sim' AND pair = ANY($1::text[]) AND time > ${UTC("$2")} AND time <= ${UTC("$3")}
         AND "workerId" IS NOT NULL AND NOT ("workerId" = ANY($4::text[]))`,
      [
        sim.pairs().map((p) => p.pair),
        new Date(since).toISOString(),
        new Date(now).toISOString(),
        [...localWorkers()],
      ],
    );
    const fresh = rows.filter((row) => !this.impactSeen.has(row.id));
    for (const row of fresh) this.impactSeen.set(row.id, row.time.getTime());
    for (const [id, time] of this.impactSeen) if (time <= since) this.impactSeen.delete(id);
    this.impactSyncedTo = now;
    if (fresh.length === 0) return;
    sim.observeFills(
      fresh.map((row) => ({
        pair: row.pair,
        time: row.time.getTime(),
        side: row.side,
        size: new Dec(row.size),
        role: row.role,
      })),
    );
  }

  private async work(prisma: PrismaClient, ids: string[], now: number): Promise<OrderOutcome[]> {
    const orders = await prisma.order.findMany({ where: { id: { in: ids } } });
    const open = await prisma.placement.findMany({ where: { orderId: { in: ids }, status: "open" } });
    const ledger = await this.loadLedger(
      prisma,
      orders.flatMap((o) => o.accountIds),
    );
    const byOrder = new Map<string, typeof open>();
    for (const placement of open) {
      const list = byOrder.get(placement.orderId) ?? [];
      list.push(placement);
      byOrder.set(placement.orderId, list);
    }
    const directives = await groupDirectives(prisma, orders);
    const outcomes: OrderOutcome[] = [];
    for (const order of orders) {
      const outcome = new OrderTick(order, byOrder.get(order.id) ?? [], {
        now,
        venueOf: venueByName,
        ledger,
        directive: directives.get(order.id),
      }).run();
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  /** Balances of the accounts in play, less what their resting children (of any order) commit. */
  private async loadLedger(prisma: PrismaClient, accountIds: string[]): Promise<BalanceLedger> {
    const ledger = new BalanceLedger();
    const unique = [...new Set(accountIds)];
    if (unique.length === 0) return ledger;
    const balances = await prisma.balance.findMany({ where: { accountId: { in: unique } } });
    for (const balance of balances)
      ledger.setBalance(balance.accountId, balance.asset, new Dec(balance.amount.toString()));
    const resting = await prisma.placement.findMany({
      where: { accountId: { in: unique }, status: "open" },
      select: { accountId: true, venue: true, pair: true, side: true, price: true, size: true, filled: true },
    });
    for (const child of resting) {
      const spec = venueByName(child.venue).spec(child.pair);
      if (!spec) continue;
      const rest = new Dec(child.size.toString()).sub(child.filled.toString());
      if (child.side === "buy") {
        const fee = new Dec(spec.makerFeeBps).div(10_000).add(1);
        ledger.lock(child.accountId, spec.quote, rest.mul(child.price?.toString() ?? 0).mul(fee));
      } else {
        ledger.lock(child.accountId, spec.base, rest);
      }
    }
    return ledger;
  }
}

const state = globalThis as unknown as { __trancheEngine?: Engine };

/** The engine of this process, started once (from instrumentation.ts or the worker script). */
export function startEngine(options: EngineOptions = {}): Engine {
  if (!state.__trancheEngine) {
    state.__trancheEngine = new Engine({
      housekeeping: async (now) => {
        const swept = await sweepGatewayOrders({ now });
        if (swept.expired.length + swept.settled.length > 0)
          console.log(
            `[engine] gateway sweep: ${swept.expired.length} unsigned orders expired, ${swept.settled.length} stuck settlements finished`,
          );
        // The RFQ desk: expired orders and locks, fills whose sender died. Its chain may be down.
        if (!chainInThisProcess()) return;
        const desk = await sweepRfqDesk({ now }).catch((error: Error) => {
          console.error(`[engine] RFQ sweep: ${error.message}`);
          return null;
        });
        if (desk && desk.finished.length > 0)
          console.log(`[engine] RFQ sweep: ${desk.finished.length} fills finished from the chain`);
      },
      ...options,
    });
    state.__trancheEngine.start();
  }
  return state.__trancheEngine;
}

export async function stopEngine(): Promise<void> {
  const engine = state.__trancheEngine;
  state.__trancheEngine = undefined;
  await engine?.stop();
}
