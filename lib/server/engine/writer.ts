import type pg from "pg";
import type { Dec } from "@/lib/domain/shared/decimal";
import type { OrderOutcome } from "./outcome";
import { publish, type TrancheEvent } from "../events/bus";

/**
 * Writes a tick: every order's state, new and changed placements, fills, messages and balance
 * changes, in ONE transaction of a handful of multi-row statements (Prisma's per-statement cost
 * dominates otherwise; see the embedded-db reference). Before writing, it locks the orders and keeps
 * only those still leased to this worker at the version it read: an order paused, amended or
 * canceled meanwhile (or taken over by another worker) is recomputed on the next tick instead.
 * A fill is inserted exactly once: (venue, externalId) is unique, so a replay aborts rather than
 * counting twice.
 */

const ts = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const num = (value: Dec | null): string | null => (value === null ? null : value.toFixed());
// Prisma's DateTime columns are `timestamp(3)` holding UTC.
const UTC = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;

export interface WriteResult {
  written: string[];
  dropped: string[];
  placements: number;
  fills: number;
}

export async function writeOutcomes(
  client: pg.PoolClient,
  outcomes: OrderOutcome[],
  workerId: string,
  leaseMs: number,
  now: number,
): Promise<WriteResult> {
  if (outcomes.length === 0) return { written: [], dropped: [], placements: 0, fills: 0 };
  await client.query("BEGIN");
  try {
    const locked = await client.query<{ id: string; version: number; leaseOwner: string | null }>(
      `SELECT id, version, "leaseOwner" FROM "Order" WHERE id = ANY($1::uuid[]) FOR UPDATE`,
      [outcomes.map((o) => o.orderId)],
    );
    const current = new Map(locked.rows.map((row) => [row.id, row]));
    const keep: OrderOutcome[] = [];
    const dropped: string[] = [];
    for (const outcome of outcomes) {
      const row = current.get(outcome.orderId);
      if (row && row.version === outcome.version && row.leaseOwner === workerId) keep.push(outcome);
      else dropped.push(outcome.orderId);
    }

    const placements = keep.flatMap((o) => o.newPlacements);
    if (placements.length > 0) {
      await client.query(
        `INSERT INTO "Placement" (id, "orderId", "accountId", "clientId", venue, pair, side, kind, tif, "postOnly",
           "placementType", price, size, filled, status, "subStatus", reason, "externalId", "queueAhead",
           "matchedUntil", "createdAt", "updatedAt", "closedAt", "workerId")
         SELECT id, order_id, account_id, client_id, venue, pair, side::"OrderSide", kind, tif, post_only,
           placement_type::"FillRole", price, size, filled, status::"PlacementStatus", sub_status, reason, external_id,
           queue_ahead, ${UTC("matched_until")}, ${UTC("created_at")}, ${UTC("$22")}, ${UTC("closed_at")}, $24::text
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::bool[], $11::text[], $12::numeric[], $13::numeric[], $14::numeric[], $15::text[], $16::text[],
           $17::text[], $18::text[], $19::numeric[], $20::text[], $21::text[], $23::text[])
           AS t(id, order_id, account_id, client_id, venue, pair, side, kind, tif, post_only, placement_type, price, size,
             filled, status, sub_status, reason, external_id, queue_ahead, matched_until, created_at, closed_at)`,
        [
          placements.map((p) => p.id),
          placements.map((p) => p.orderId),
          placements.map((p) => p.accountId),
          placements.map((p) => p.clientId),
          placements.map((p) => p.venue),
          placements.map((p) => p.pair),
          placements.map((p) => p.side),
          placements.map((p) => p.kind),
          placements.map((p) => p.tif),
          placements.map((p) => p.postOnly),
          placements.map((p) => p.placementType),
          placements.map((p) => num(p.price)),
          placements.map((p) => num(p.size)),
          placements.map((p) => num(p.filled)),
          placements.map((p) => p.status),
          placements.map((p) => p.subStatus),
          placements.map((p) => p.reason),
          placements.map((p) => p.externalId),
          placements.map((p) => num(p.queueAhead)),
          placements.map((p) => ts(p.matchedUntil)),
          placements.map((p) => ts(p.createdAt)),
          ts(now),
          placements.map((p) => ts(p.closedAt)),
          workerId,
        ],
      );
    }

    const changes = keep.flatMap((o) => o.placementChanges);
    if (changes.length > 0) {
      await client.query(
        `UPDATE "Placement" AS p SET filled = t.filled, status = t.status::"PlacementStatus", "queueAhead" = t.queue_ahead,
           "matchedUntil" = ${UTC("t.matched_until")}, "closedAt" = ${UTC("t.closed_at")}, "updatedAt" = ${UTC("$7")}
         FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::numeric[], $5::text[], $6::text[])
           AS t(id, filled, status, queue_ahead, matched_until, closed_at)
         WHERE p.id = t.id`,
        [
          changes.map((c) => c.id),
          changes.map((c) => num(c.filled)),
          changes.map((c) => c.status),
          changes.map((c) => num(c.queueAhead)),
          changes.map((c) => ts(c.matchedUntil)),
          changes.map((c) => ts(c.closedAt)),
          ts(now),
        ],
      );
    }

    const fills = keep.flatMap((o) => o.fills);
    if (fills.length > 0) {
      await client.query(
        `INSERT INTO "Fill" (id, "orderId", "placementId", "accountId", "userId", venue, pair, side, "externalId", price,
           size, notional, fee, "feeAsset", role, time, "createdAt", "workerId")
         SELECT id, order_id, placement_id, account_id, user_id, venue, pair, side::"OrderSide", external_id, price, size,
           notional, fee, fee_asset, role::"FillRole", ${UTC("time")}, ${UTC("$17")}, $18::text
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::text[], $15::text[], $16::text[])
           AS t(id, order_id, placement_id, account_id, user_id, venue, pair, side, external_id, price, size, notional, fee,
             fee_asset, role, time)`,
        [
          fills.map((f) => f.id),
          fills.map((f) => f.orderId),
          fills.map((f) => f.placementId),
          fills.map((f) => f.accountId),
          fills.map((f) => f.userId),
          fills.map((f) => f.venue),
          fills.map((f) => f.pair),
          fills.map((f) => f.side),
          fills.map((f) => f.externalId),
          fills.map((f) => num(f.price)),
          fills.map((f) => num(f.size)),
          fills.map((f) => num(f.notional)),
          fills.map((f) => num(f.fee)),
          fills.map((f) => f.feeAsset),
          fills.map((f) => f.role),
          fills.map((f) => ts(f.time)),
          ts(now),
          workerId,
        ],
      );
    }

    const messages = keep.flatMap((o) => o.messages.map((m) => ({ ...m, orderId: o.orderId })));
    if (messages.length > 0) {
      await client.query(
        `INSERT INTO "OrderMessage" ("orderId", level, message, "createdAt")
         SELECT order_id, level::"MessageLevel", message, ${UTC("created_at")}
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(order_id, level, message, created_at)`,
        [
          messages.map((m) => m.orderId),
          messages.map((m) => m.level),
          messages.map((m) => m.message),
          messages.map((m) => ts(m.time)),
        ],
      );
    }

    // Sum per (account, asset) first: one row each, so ON CONFLICT sees every key once.
    const balance = new Map<string, { accountId: string; asset: string; delta: Dec }>();
    for (const change of keep.flatMap((o) => o.balanceChanges)) {
      const key = `${change.accountId}\u0000${change.asset}`;
      const prev = balance.get(key);
      balance.set(key, prev ? { ...prev, delta: prev.delta.add(change.delta) } : change);
    }
    const deltas = [...balance.values()].filter((b) => !b.delta.isZero());
    if (deltas.length > 0) {
      // The CHECK (amount >= 0) constraint aborts the whole tick if anything would overdraw. (Not an
      // upsert: PostgreSQL checks the proposed insert row, a negative delta, before ON CONFLICT.)
      const params = [
        deltas.map((d) => d.accountId),
        deltas.map((d) => d.asset),
        deltas.map((d) => d.delta.toFixed()),
        ts(now),
      ];
      await client.query(
        `UPDATE "Balance" AS b SET amount = b.amount + t.delta, "updatedAt" = ${UTC("$4")}
         FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS t(account_id, asset, delta)
         WHERE b."accountId" = t.account_id AND b.asset = t.asset`,
        params,
      );
      await client.query(
        `INSERT INTO "Balance" ("accountId", asset, amount, "updatedAt")
         SELECT t.account_id, t.asset, t.delta, ${UTC("$4")}
         FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS t(account_id, asset, delta)
         WHERE NOT EXISTS (SELECT 1 FROM "Balance" b WHERE b."accountId" = t.account_id AND b.asset = t.asset)`,
        params,
      );
    }

    if (keep.length > 0) {
      // One JSON document of rows rather than seventeen array parameters: pg spells each array out
      // as an escaped literal in JavaScript (the algorithm state's JSON, a kilobyte an order, most of
      // all), which cost about a third of this statement at thousands of orders a tick. Decimals
      // travel as strings, so nothing is rounded on the way.
      const rows = keep.map(({ orderId, order: c }) => ({
        id: orderId,
        status: c.status,
        time_start: ts(c.timeStart),
        time_end: ts(c.timeEnd),
        orig_time_end: ts(c.origTimeEnd),
        arrival_price: num(c.arrivalPrice),
        departure_price: num(c.departurePrice),
        executed_base: num(c.executedBase),
        executed_quote: num(c.executedQuote),
        total_fee: num(c.totalFee),
        fee_asset: c.feeAsset,
        interval_volume: num(c.intervalVolume),
        interval_notional: num(c.intervalNotional),
        algo_state: c.engineState,
        last_tick_at: ts(c.lastTickAt),
        completed_at: ts(c.completedAt),
        failure_reason: c.failureReason,
      }));
      await client.query(
        `UPDATE "Order" AS o SET
           status = t.status::"OrderStatus", "timeStart" = ${UTC("t.time_start")}, "timeEnd" = ${UTC("t.time_end")},
           "origTimeEnd" = ${UTC("t.orig_time_end")}, "arrivalPrice" = t.arrival_price, "departurePrice" = t.departure_price,
           "executedBase" = t.executed_base, "executedQuote" = t.executed_quote, "totalFee" = t.total_fee,
           "feeAsset" = t.fee_asset, "intervalVolume" = t.interval_volume, "intervalNotional" = t.interval_notional,
           "algoState" = t.algo_state, "lastTickAt" = ${UTC("t.last_tick_at")}, "completedAt" = ${UTC("t.completed_at")},
           "failureReason" = t.failure_reason, version = o.version + 1, "updatedAt" = ${UTC("$2")},
           "leaseExpiresAt" = ${UTC("$3")}
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, status text, time_start text, time_end text,
           orig_time_end text, arrival_price numeric, departure_price numeric, executed_base numeric,
           executed_quote numeric, total_fee numeric, fee_asset text, interval_volume numeric,
           interval_notional numeric, algo_state jsonb, last_tick_at text, completed_at text, failure_reason text)
         WHERE o.id = t.id`,
        [JSON.stringify(rows), ts(now), ts(now + leaseMs)],
      );
      // A closed order keeps no live child: close any the tick did not (a failed tick, a crash earlier).
      const closed = keep
        .filter((k) => ["complete", "canceled", "failed"].includes(k.order.status))
        .map((k) => k.orderId);
      if (closed.length > 0) {
        await client.query(
          `UPDATE "Placement" SET status = 'canceled', reason = COALESCE(reason, 'order closed'),
             "closedAt" = ${UTC("$2")}, "updatedAt" = ${UTC("$2")}
           WHERE "orderId" = ANY($1::uuid[]) AND status = 'open'`,
          [closed, ts(now)],
        );
      }
    }
    await client.query("COMMIT");
    await publish(liveEvents(keep, now)).catch((error) =>
      console.error("[engine] publishing events failed", error),
    );
    return {
      written: keep.map((k) => k.orderId),
      dropped,
      placements: placements.length,
      fills: fills.length,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** What the dashboard sees change: each order that moved, its placements and its new fills. */
function liveEvents(outcomes: OrderOutcome[], now: number): TrancheEvent[] {
  const events: TrancheEvent[] = [];
  for (const outcome of outcomes) {
    const { orderId, userId } = outcome;
    const changed =
      outcome.order.status !== outcome.previousStatus ||
      outcome.fills.length > 0 ||
      outcome.newPlacements.length > 0 ||
      outcome.placementChanges.length > 0 ||
      outcome.messages.length > 0;
    if (!changed) continue;
    for (const p of [...outcome.newPlacements, ...outcome.placementChanges]) {
      events.push({
        type: "placement",
        userId,
        orderId,
        placement: {
          id: p.id,
          clientId: p.clientId,
          status: p.status,
          side: p.side,
          price: num(p.price),
          size: p.size.toFixed(),
          filled: p.filled.toFixed(),
          placementType: p.placementType,
          subStatus: p.subStatus,
        },
      });
    }
    for (const f of outcome.fills) {
      events.push({
        type: "fill",
        userId,
        orderId,
        fill: {
          id: f.id,
          placementId: f.placementId,
          price: f.price.toFixed(),
          size: f.size.toFixed(),
          fee: f.fee.toFixed(),
          feeAsset: f.feeAsset,
          role: f.role,
          time: new Date(f.time).toISOString(),
          externalId: f.externalId,
          pair: f.pair,
          side: f.side,
        },
      });
    }
    const o = outcome.order;
    events.push({
      type: "order",
      userId,
      orderId,
      status: o.status,
      executedBase: o.executedBase.toFixed(),
      executedQuote: o.executedQuote.toFixed(),
      targetQty: outcome.targetQty,
      targetUnit: outcome.targetUnit,
      totalFee: o.totalFee.toFixed(),
      feeAsset: o.feeAsset,
      updatedAt: new Date(now).toISOString(),
    });
  }
  return events;
}
