import "server-only";
import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { TRfqOrder } from "@/lib/contracts/rfq";
import { database } from "../db";

/**
 * The audience of RFQ desk events: every taker sees the desk's orders, so they are published to
 * this key instead of one user's id, and takers' streams subscribe to it as well as to their own.
 */
export const RFQ_DESK_AUDIENCE = "rfq-desk";

/**
 * Live events for the dashboard: what changed on an order, its placements and its fills, published
 * after the change is committed. Within one process an EventEmitter carries them; on PostgreSQL,
 * where several web and engine processes share the database, they also travel through
 * NOTIFY/LISTEN so a browser connected to any instance sees the engine's work in every other.
 */
export type TrancheEvent =
  | {
      type: "order";
      userId: string;
      orderId: string;
      status: string;
      executedBase: string;
      executedQuote: string;
      targetQty: string;
      targetUnit: string;
      totalFee: string;
      feeAsset: string | null;
      updatedAt: string;
    }
  | {
      type: "fill";
      userId: string;
      orderId: string;
      fill: {
        id: string;
        placementId: string;
        price: string;
        size: string;
        fee: string;
        feeAsset: string;
        role: string;
        time: string;
        externalId: string;
        pair: string;
        side: string;
      };
    }
  | {
      type: "placement";
      userId: string;
      orderId: string;
      placement: {
        id: string;
        clientId: string;
        status: string;
        side: string;
        price: string | null;
        size: string;
        filled: string;
        placementType: string;
        subStatus: string | null;
      };
    }
  | {
      /** An RFQ order changed (posted, locked, filled, cancelled, …); `userId` is RFQ_DESK_AUDIENCE. */
      type: "rfq_order";
      userId: string;
      order: TRfqOrder;
    };

const CHANNEL = "tranche_events";
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_NOTIFY_BYTES = 7_500;

interface BusState {
  emitter: EventEmitter;
  origin: string;
  listening: Promise<void> | null;
  listener: pg.PoolClient | null;
}

const state = globalThis as unknown as { __trancheBus?: BusState };

function bus(): BusState {
  if (!state.__trancheBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    state.__trancheBus = { emitter, origin: randomUUID(), listening: null, listener: null };
  }
  return state.__trancheBus;
}

/** Deliver events to this process's subscribers, and to other processes on PostgreSQL. */
export async function publish(events: TrancheEvent[], client?: pg.PoolClient | pg.Pool): Promise<void> {
  if (events.length === 0) return;
  const b = bus();
  for (const event of events) b.emitter.emit(event.userId, event);
  const db = await database().catch(() => null);
  if (!db || db.target.kind !== "postgres") return;
  const payloads: string[] = [];
  let batch: TrancheEvent[] = [];
  const flush = () => {
    if (batch.length > 0) payloads.push(JSON.stringify({ origin: b.origin, events: batch }));
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (JSON.stringify(batch).length > MAX_NOTIFY_BYTES) {
      batch.pop();
      flush();
      batch.push(event);
    }
  }
  flush();
  await (client ?? db.pool)
    .query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [CHANNEL, payloads])
    .catch((error) => console.error("[events] notify failed", error));
}

/** Receive a user's events until the returned function is called. */
export async function subscribe(userId: string, onEvent: (event: TrancheEvent) => void): Promise<() => void> {
  const b = bus();
  await listenAcrossProcesses();
  b.emitter.on(userId, onEvent);
  return () => b.emitter.off(userId, onEvent);
}

async function listenAcrossProcesses(): Promise<void> {
  const b = bus();
  b.listening ??= (async () => {
    const db = await database();
    if (db.target.kind !== "postgres") return;
    const client = await db.pool.connect();
    b.listener = client;
    // The pool cannot close while this client is checked out: hand it back (destroyed) first.
    db.onClose(() => {
      if (b.listener === client) {
        b.listener = null;
        b.listening = null;
        client.release(true);
      }
    });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { origin, events } = JSON.parse(message.payload) as { origin: string; events: TrancheEvent[] };
        if (origin === b.origin) return; // delivered in-process already
        for (const event of events) b.emitter.emit(event.userId, event);
      } catch (error) {
        console.error("[events] bad notification", error);
      }
    });
    client.on("error", (error) => {
      console.error("[events] listener lost; reconnecting on next subscribe", error);
      b.listening = null;
      b.listener = null;
    });
    await client.query(`LISTEN ${CHANNEL}`);
  })().catch((error) => {
    b.listening = null;
    throw error;
  });
  return b.listening;
}
