import { randomUUID } from "node:crypto";
import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import type { AlgoEvent, AlgoState, Algorithm, Command, MarketView } from "@/lib/domain/execution/types";
import { algorithmFor } from "@/lib/domain/execution";
import type { OrderSpec } from "@/lib/domain/orders/types";
import { canTransition, isTerminal, type CanonicalStatus } from "@/lib/domain/orders/status";
import { conditionPrices, evaluateCondition, parseCondition } from "@/lib/domain/orders/condition";
import type { Order, Placement } from "../db/generated/client";
import type { Venue, VenueFill } from "../venues/types";
import type { BalanceLedger } from "./ledger";
import type { GroupDirective } from "./groups";
import { orderSpecOf, toDec, toDecOrNull } from "./order-spec";
import {
  emptyEngineState,
  type EngineState,
  type NewFill,
  type NewMessage,
  type NewPlacement,
  type OrderChange,
  type OrderOutcome,
  type PlacementChange,
} from "./outcome";

/** The order keeps working this long past its end time before the engine closes it itself. */
const END_GRACE_MS = 5 * 60_000;
/** After this many consecutive failing ticks an order is failed rather than retried forever. */
const MAX_TICK_ERRORS = 5;
/** Commands → events → commands rounds in one tick; a reducer that keeps asking is stopped here. */
const MAX_ROUNDS = 50;

export interface TickContext {
  now: number;
  venueOf: (name: string) => Venue;
  ledger: BalanceLedger;
  /** What the order's group (multi-order, chain) requires of it this tick. */
  directive?: GroupDirective;
}

/** A placement being worked this tick: the stored row (or a new one) plus what changed. */
interface Working {
  record: NewPlacement;
  isNew: boolean;
  changed: boolean;
}

function readState(json: unknown): EngineState {
  if (!json || typeof json !== "object") return emptyEngineState();
  const raw = json as Partial<EngineState>;
  return {
    algo: (raw.algo as AlgoState | null) ?? null,
    paused: raw.paused === true,
    amendSeen: typeof raw.amendSeen === "number" ? raw.amendSeen : null,
    errors: typeof raw.errors === "number" ? raw.errors : 0,
    holding: raw.holding === true,
  };
}

const placementRecord = (row: Placement): NewPlacement => ({
  id: row.id,
  orderId: row.orderId,
  accountId: row.accountId,
  clientId: row.clientId,
  venue: row.venue,
  pair: row.pair,
  side: row.side,
  kind: row.kind === "market" ? "market" : "limit",
  tif: row.tif === "IOC" ? "IOC" : "GTC",
  postOnly: row.postOnly,
  placementType: row.placementType,
  price: toDecOrNull(row.price),
  size: toDec(row.size),
  filled: toDec(row.filled),
  status: row.status,
  subStatus: row.subStatus,
  reason: row.reason,
  externalId: row.externalId,
  workerId: row.workerId,
  queueAhead: toDecOrNull(row.queueAhead),
  matchedUntil: row.matchedUntil?.getTime() ?? null,
  createdAt: row.createdAt.getTime(),
  closedAt: row.closedAt?.getTime() ?? null,
});

/**
 * One tick of one order: activation of a scheduled order, the algorithm's step on the market, the
 * venue's answers fed back to it, pause / resume / amend / cancel as the user asked. It computes
 * everything the tick writes (OrderOutcome) without writing: the engine writes all orders' outcomes
 * in one transaction, and drops an order's outcome if the order changed underneath.
 */
export class OrderTick {
  private readonly order: Order;
  private readonly ctx: TickContext;
  private readonly venue: Venue;
  private readonly state: EngineState;
  private readonly working = new Map<string, Working>();
  private readonly fills: NewFill[] = [];
  private readonly messages: NewMessage[] = [];
  private readonly change: OrderChange;
  private algorithm: Algorithm | null = null;
  /** This tick's fills of our resting children (they traded against the tape). */
  private ownMakerVolume = ZERO;
  private ownMakerNotional = ZERO;
  private spec: OrderSpec | null = null;
  private finished = false;

  constructor(order: Order, openPlacements: Placement[], ctx: TickContext) {
    this.order = order;
    this.ctx = ctx;
    this.venue = ctx.venueOf(order.venue);
    this.state = readState(order.algoState);
    for (const row of openPlacements)
      this.working.set(row.clientId, { record: placementRecord(row), isNew: false, changed: false });
    this.change = {
      status: order.status,
      timeStart: order.timeStart?.getTime() ?? null,
      timeEnd: order.timeEnd?.getTime() ?? null,
      origTimeEnd: order.origTimeEnd?.getTime() ?? null,
      arrivalPrice: toDecOrNull(order.arrivalPrice),
      departurePrice: toDecOrNull(order.departurePrice),
      executedBase: toDec(order.executedBase),
      executedQuote: toDec(order.executedQuote),
      totalFee: toDec(order.totalFee),
      feeAsset: order.feeAsset,
      intervalVolume: toDec(order.intervalVolume),
      intervalNotional: toDec(order.intervalNotional),
      engineState: this.state,
      lastTickAt: ctx.now,
      completedAt: order.completedAt?.getTime() ?? null,
      failureReason: order.failureReason,
    };
  }

  /** Run the tick; null when there was nothing to do (nothing is written then). */
  run(): OrderOutcome | null {
    const now = this.ctx.now;
    try {
      const groupCancel = this.ctx.directive?.cancelReason;
      if (groupCancel && !isTerminal(this.order.status as CanonicalStatus)) {
        this.workGroupCancel(groupCancel);
        return this.outcome();
      }
      switch (this.order.status) {
        case "scheduled":
          if (!this.activateIfDue()) return null;
          break;
        case "active":
        case "finishing":
          this.workActive();
          break;
        case "paused":
          if (this.state.paused && this.liveCount() === 0) return null;
          this.workPaused();
          break;
        case "cancel_pending":
          this.workCancel();
          break;
        default:
          return null;
      }
      this.state.errors = 0;
    } catch (error) {
      this.state.errors += 1;
      const message = `Engine error: ${(error as Error).message}`;
      console.error(`[engine] order ${this.order.id}:`, error);
      return this.errorOutcome(message, now);
    }
    return this.outcome();
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────────

  private activateIfDue(): boolean {
    const now = this.ctx.now;
    const startAt = this.order.startAt?.getTime() ?? this.order.createdAt.getTime();
    if (startAt > now || this.ctx.directive?.waitForChain) return false;
    if (this.order.orderCondition) {
      const met = this.conditionMet();
      if (met === null) return true; // failed inside; outcome written
      if (!met) {
        const expiry = this.order.orderConditionExpiry?.getTime();
        if (expiry !== undefined && expiry <= now) {
          this.log("WARN", "Order condition expired before it was met: order canceled.");
          this.change.failureReason = "Order condition expired";
          this.setStatus("canceled");
          this.change.completedAt = now;
          return true;
        }
        return false;
      }
      this.log("INFO", `Order condition met: ${this.order.orderCondition}`);
    }
    const book = this.venue.book(this.order.pair, now);
    this.change.timeStart = now;
    if (this.order.duration !== null) {
      this.change.timeEnd = now + this.order.duration * 1000;
      this.change.origTimeEnd = this.change.timeEnd;
    }
    this.change.arrivalPrice = book.mid;
    this.setStatus("active");
    this.spec = this.specNow();
    this.algorithm = algorithmFor(this.spec);
    this.log("INFO", `Order started: arrival price ${book.mid.toFixed()} ${this.order.quoteAsset}.`);
    const init = this.algorithm.init(this.spec, this.marketView(book, ZERO, ZERO));
    this.state.algo = init.state;
    this.execute(init.commands);
    return true;
  }

  /** true / false, or null when the condition cannot be evaluated (the order is failed). */
  private conditionMet(): boolean | null {
    try {
      const vars = (this.order.orderConditionVars ?? {}) as Record<string, string>;
      const ast = parseCondition(this.order.orderCondition!, vars);
      const prices = new Map<string, Dec>();
      for (const ref of conditionPrices(ast)) {
        const [pair, venueName] = ref.split("@") as [string, string];
        prices.set(ref, this.ctx.venueOf(venueName.toLowerCase()).book(pair, this.ctx.now).mid);
      }
      return evaluateCondition(ast, { prices, now: this.ctx.now });
    } catch (error) {
      this.fail(`Order condition cannot be evaluated: ${(error as Error).message}`);
      return null;
    }
  }

  private workActive(): void {
    const now = this.ctx.now;
    this.spec = this.specNow();
    this.algorithm = algorithmFor(this.spec);
    if (this.state.algo === null) {
      // Activated by a service (not by this engine): start the algorithm now.
      const book = this.venue.book(this.order.pair, now);
      this.change.arrivalPrice ??= book.mid;
      const init = this.algorithm.init(this.spec, this.marketView(book, ZERO, ZERO));
      this.state.algo = init.state;
      this.execute(init.commands);
    }
    if (this.state.paused) {
      this.state.paused = false;
      this.log("INFO", "Order resumed.");
      this.deliver({ type: "resume", time: now, order: this.spec });
    }
    const amendedAt = this.order.amendedAt?.getTime() ?? null;
    if (amendedAt !== null && amendedAt !== this.state.amendSeen) {
      this.state.amendSeen = amendedAt;
      this.deliver({ type: "amend", time: now, order: this.spec });
    }
    this.pollResting(now);
    if (this.finished) return;
    const hold = this.ctx.directive?.holdReason;
    if (hold) {
      // A leg ahead of its siblings keeps what filled, pulls its resting children, places nothing.
      if (!this.state.holding) this.log("INFO", hold);
      this.state.holding = true;
      this.cancelAllLive("leg ahead of its siblings");
      return;
    }
    if (this.state.holding) {
      this.state.holding = false;
      this.log("INFO", "Leg back within the exposure tolerance: trading again.");
    }
    const from = this.order.lastTickAt?.getTime() ?? now;
    const trades = from < now ? this.venue.trades(this.order.pair, from, now) : [];
    // Our resting children fill against this same tape: that part is our volume, not others'.
    let volume = this.ownMakerVolume.neg();
    let notional = this.ownMakerNotional.neg();
    for (const trade of trades) {
      volume = volume.add(trade.size);
      notional = notional.add(trade.size.mul(trade.price));
    }
    if (volume.lt(0)) volume = ZERO;
    if (notional.lt(0)) notional = ZERO;
    this.change.intervalVolume = this.change.intervalVolume.add(volume);
    this.change.intervalNotional = this.change.intervalNotional.add(notional);
    const book = this.venue.book(this.order.pair, now);
    this.deliver({ type: "tick", time: now, market: this.marketView(book, volume, notional) });
    if (this.finished) return;
    const end = this.change.timeEnd;
    if (end !== null) {
      if (now > end + END_GRACE_MS) {
        this.log(
          "WARN",
          `Order passed its end time with ${this.remaining().toFixed()} ${this.targetAsset()} unfilled: closed.`,
        );
        this.finish("complete");
        return;
      }
      const duration = end - (this.change.timeStart ?? end);
      const finisherWindow = Math.min(60_000, duration * 0.1);
      if (
        this.change.status === "active" &&
        now >= end - finisherWindow &&
        canTransition("active", "finishing")
      ) {
        this.setStatus("finishing");
      }
    }
  }

  private workPaused(): void {
    const pausedAt = this.order.pausedAt?.getTime() ?? this.ctx.now;
    this.spec = this.specNow();
    this.algorithm = algorithmFor(this.spec);
    // Resting children could fill until the moment of the pause, not after.
    this.pollResting(Math.min(pausedAt, this.ctx.now));
    if (!this.state.paused && this.state.algo !== null) this.deliver({ type: "pause", time: this.ctx.now });
    this.state.paused = true;
    this.cancelAllLive("order paused");
  }

  /** The order's group ended (a sibling leg failed, the chain stopped): cancel this order too. */
  private workGroupCancel(reason: string): void {
    this.log("WARN", reason);
    this.change.failureReason = reason;
    if (this.order.status === "scheduled") {
      this.setStatus("canceled");
      this.change.completedAt = this.ctx.now;
      this.finished = true;
      return;
    }
    if (this.change.status !== "cancel_pending") this.setStatus("cancel_pending");
    this.workCancel();
  }

  private workCancel(): void {
    const requestedAt = this.order.cancelRequestedAt?.getTime() ?? this.ctx.now;
    this.spec = this.specNow();
    this.algorithm = algorithmFor(this.spec);
    this.pollResting(Math.min(requestedAt, this.ctx.now));
    if (this.state.algo !== null && !this.finished) this.deliver({ type: "cancel", time: this.ctx.now });
    this.cancelAllLive("order canceled");
    if (!this.finished) {
      this.log("INFO", "Order canceled.");
      this.change.departurePrice = this.venue.book(this.order.pair, this.ctx.now).mid;
      this.setStatus("canceled");
      this.change.completedAt = this.ctx.now;
      this.finished = true;
    }
  }

  // ── algorithm plumbing ───────────────────────────────────────────────────────────────────────

  private specNow(): OrderSpec {
    const spec = orderSpecOf(this.order, this.ctx.now);
    spec.startTime = this.change.timeStart ?? spec.startTime;
    spec.endTime = this.change.timeEnd;
    return spec;
  }

  private marketView(book: ReturnType<Venue["book"]>, tradedVolume: Dec, tradedNotional: Dec): MarketView {
    const spec = this.venue.spec(this.order.pair);
    if (!spec) throw new Error(`${this.order.pair} is not listed on ${this.venue.name}`);
    return {
      time: this.ctx.now,
      spec,
      bid: book.bid,
      ask: book.ask,
      mid: book.mid,
      bids: book.bids,
      asks: book.asks,
      tradedVolume,
      tradedNotional,
      expectedVolume: (from, to) => this.venue.expectedVolume(this.order.pair, from, to),
    };
  }

  /** Step the algorithm with one event, then run its commands (which may raise more events). */
  private deliver(event: AlgoEvent): void {
    if (this.finished || !this.algorithm || !this.spec || this.state.algo === null) return;
    const result = this.algorithm.step(this.spec, this.state.algo, event);
    this.state.algo = result.state;
    this.execute(result.commands);
  }

  private execute(commands: Command[]): void {
    const queue: AlgoEvent[] = [];
    let rounds = 0;
    let pending = commands;
    while (pending.length > 0 || queue.length > 0) {
      if (++rounds > MAX_ROUNDS) {
        this.log(
          "ERROR",
          "The algorithm kept issuing commands within one tick; stopped until the next tick.",
        );
        return;
      }
      for (const command of pending) {
        if (this.finished) return;
        queue.push(...this.run1(command));
      }
      pending = [];
      const event = queue.shift();
      if (event && !this.finished && this.algorithm && this.spec && this.state.algo !== null) {
        const result = this.algorithm.step(this.spec, this.state.algo, event);
        this.state.algo = result.state;
        pending = result.commands;
      }
    }
  }

  private run1(command: Command): AlgoEvent[] {
    switch (command.type) {
      case "log":
        this.log(command.level, command.message);
        return [];
      case "complete":
        if (command.reason) this.log("INFO", command.reason);
        this.finish("complete");
        return [];
      case "fail":
        this.fail(command.reason);
        return [];
      case "cancel":
        return this.cancelChild(command.clientId, "canceled by the algorithm");
      case "place":
        return this.placeChild(command.child);
    }
  }

  // ── venue ────────────────────────────────────────────────────────────────────────────────────

  private placeChild(child: Extract<Command, { type: "place" }>["child"]): AlgoEvent[] {
    const now = this.ctx.now;
    if (this.working.has(child.clientId)) return []; // a replayed command: already sent
    const spec = this.venue.spec(this.order.pair);
    let size = new Dec(child.size);
    const price = child.price === null ? null : new Dec(child.price);
    const capped = this.exposureCap(size, price);
    if (capped === null) {
      // A multi-order leg at its exposure limit: nothing is sent (and no row is written).
      return [
        {
          type: "placement",
          clientId: child.clientId,
          time: now,
          status: "rejected",
          subStatus: "EXPOSURE_HOLD",
          reason: "the leg is at its exposure limit until its siblings catch up",
        },
      ];
    }
    size = capped;
    const record: NewPlacement = {
      id: randomUUID(),
      orderId: this.order.id,
      accountId: this.order.accountIds[0]!,
      clientId: child.clientId,
      venue: this.venue.name,
      pair: this.order.pair,
      side: child.side,
      kind: child.kind,
      tif: child.tif,
      postOnly: child.postOnly,
      placementType: "MAKE",
      price,
      size,
      filled: ZERO,
      status: "open",
      subStatus: null,
      reason: null,
      externalId: null,
      workerId: null,
      queueAhead: null,
      matchedUntil: now,
      createdAt: now,
      closedAt: null,
    };
    const working: Working = { record, isNew: true, changed: true };
    this.working.set(child.clientId, working);

    // Funds: the first account that can pay for the whole child.
    const book = this.venue.book(this.order.pair, now);
    const feeBps = new Dec(spec?.takerFeeBps ?? "0").div(10_000);
    const worstPrice = price ?? (child.side === "buy" ? (book.asks.at(-1)?.price ?? book.ask) : book.bid);
    const needAsset = child.side === "buy" ? this.order.quoteAsset : this.order.baseAsset;
    const need = child.side === "buy" ? size.mul(worstPrice).mul(feeBps.add(1)) : size;
    const account = this.order.accountIds.find((id) => this.ctx.ledger.available(id, needAsset).gte(need));
    if (!account) {
      const have = this.order.accountIds
        .map((id) => this.ctx.ledger.available(id, needAsset))
        .reduce((a, b) => (a.gt(b) ? a : b), ZERO);
      return this.reject(
        working,
        "INSUFFICIENT_BALANCE",
        `Insufficient balance: a ${child.side} of ${size.toFixed()} ${this.order.baseAsset} needs ${need.toDecimalPlaces(8).toFixed()} ${needAsset}, available ${have.toDecimalPlaces(8).toFixed()} ${needAsset}.`,
      );
    }
    record.accountId = account;

    const result = this.venue.place({
      clientId: child.clientId,
      pair: this.order.pair,
      side: child.side,
      kind: child.kind,
      price,
      size,
      tif: child.tif,
      postOnly: child.postOnly,
      time: now,
    });
    record.externalId = result.externalId;
    if (result.status === "rejected")
      return this.reject(working, result.subStatus ?? "REJECTED", result.reason ?? "rejected by the venue");
    const events: AlgoEvent[] = [];
    if (result.fills.length > 0) record.placementType = "TAKE";
    for (const fill of result.fills) events.push(this.recordFill(working, fill));
    record.status = result.status;
    if (result.status === "open") {
      record.queueAhead = result.queueAhead ?? ZERO;
      // Commit the funds the resting remainder may use.
      const rest = record.size.sub(record.filled);
      const makerFee = new Dec(spec?.makerFeeBps ?? "0").div(10_000);
      if (child.side === "buy")
        this.ctx.ledger.lock(
          account,
          this.order.quoteAsset,
          rest.mul(price ?? worstPrice).mul(makerFee.add(1)),
        );
      else this.ctx.ledger.lock(account, this.order.baseAsset, rest);
    } else {
      record.closedAt = now;
      if (result.reason && result.status === "canceled") record.reason = result.reason;
    }
    events.push({
      type: "placement",
      clientId: child.clientId,
      time: now,
      status: result.status,
      subStatus: result.subStatus,
      reason: result.reason,
    });
    return events;
  }

  /**
   * A multi-order leg may fill at most `maxProgress` of its target while its siblings lag: the
   * child's size cut down to what that allows, or null when nothing (above the minimum) is left.
   */
  private exposureCap(size: Dec, price: Dec | null): Dec | null {
    const cap = this.ctx.directive?.maxProgress;
    const spec = this.venue.spec(this.order.pair);
    if (!cap || !spec) return size;
    const quote = this.order.targetUnit === "quote";
    const mark = price ?? this.venue.book(this.order.pair, this.ctx.now).mid;
    let live = ZERO;
    for (const w of this.working.values()) {
      if (w.record.status !== "open") continue;
      const rest = w.record.size.sub(w.record.filled);
      live = live.add(quote ? rest.mul(w.record.price ?? mark) : rest);
    }
    const allowed = cap.mul(this.targetQty()).sub(this.executedTarget()).sub(live);
    const allowedBase = quote ? allowed.div(mark) : allowed;
    if (allowedBase.gte(size)) return size;
    const step = new Dec(spec.sizeStep);
    const clipped = allowedBase.div(step).floor().mul(step);
    return clipped.lt(spec.minSize) || clipped.mul(mark).lt(spec.minNotional) ? null : clipped;
  }

  private reject(working: Working, subStatus: string, reason: string): AlgoEvent[] {
    const now = this.ctx.now;
    working.record.status = "rejected";
    working.record.subStatus = subStatus;
    working.record.reason = reason;
    working.record.closedAt = now;
    working.changed = true;
    this.log(subStatus === "MIN_AMOUNT" ? "WARN" : "ERROR", `Child order rejected (${subStatus}): ${reason}`);
    return [
      {
        type: "placement",
        clientId: working.record.clientId,
        time: now,
        status: "rejected",
        subStatus,
        reason,
      },
    ];
  }

  private recordFill(working: Working, fill: VenueFill): AlgoEvent {
    const record = working.record;
    const notional = fill.price.mul(fill.size);
    this.fills.push({
      id: randomUUID(),
      orderId: this.order.id,
      placementId: record.id,
      accountId: record.accountId,
      userId: this.order.userId,
      venue: this.venue.name,
      pair: this.order.pair,
      side: record.side,
      externalId: fill.externalId,
      price: fill.price,
      size: fill.size,
      notional,
      fee: fill.fee,
      feeAsset: fill.feeAsset,
      role: fill.role,
      time: fill.time,
    });
    record.filled = record.filled.add(fill.size);
    working.changed = true;
    this.change.executedBase = this.change.executedBase.add(fill.size);
    this.change.executedQuote = this.change.executedQuote.add(notional);
    this.change.totalFee = this.change.totalFee.add(fill.fee);
    this.change.feeAsset = fill.feeAsset;
    const ledger = this.ctx.ledger;
    const { baseAsset, quoteAsset } = this.order;
    const feeInQuote = fill.feeAsset === quoteAsset;
    if (record.side === "buy") {
      ledger.apply(this.order.id, record.accountId, baseAsset, fill.size);
      ledger.apply(
        this.order.id,
        record.accountId,
        quoteAsset,
        notional.add(feeInQuote ? fill.fee : 0).neg(),
      );
      if (fill.role === "MAKE") ledger.lock(record.accountId, quoteAsset, notional.add(fill.fee).neg());
    } else {
      ledger.apply(this.order.id, record.accountId, baseAsset, fill.size.neg());
      ledger.apply(this.order.id, record.accountId, quoteAsset, notional.sub(feeInQuote ? fill.fee : 0));
      if (fill.role === "MAKE") ledger.lock(record.accountId, baseAsset, fill.size.neg());
    }
    return {
      type: "fill",
      clientId: record.clientId,
      time: fill.time,
      price: fill.price,
      size: fill.size,
      fee: fill.fee,
      role: fill.role,
    };
  }

  /** Fills of resting children from the tape up to `until`, fed to the algorithm. */
  private pollResting(until: number): void {
    const resting = [...this.working.values()].filter(
      (w) => w.record.status === "open" && w.record.price !== null && (w.record.matchedUntil ?? 0) < until,
    );
    if (resting.length === 0) return;
    const results = this.venue.poll(
      resting.map((w) => ({
        clientId: w.record.clientId,
        pair: w.record.pair,
        side: w.record.side,
        price: w.record.price!,
        size: w.record.size,
        filled: w.record.filled,
        queueAhead: w.record.queueAhead ?? ZERO,
        matchedUntil: w.record.matchedUntil ?? w.record.createdAt,
      })),
      until,
    );
    const events: AlgoEvent[] = [];
    for (const result of results) {
      const working = this.working.get(result.clientId)!;
      for (const fill of result.fills) {
        events.push(this.recordFill(working, fill));
        this.ownMakerVolume = this.ownMakerVolume.add(fill.size);
        this.ownMakerNotional = this.ownMakerNotional.add(fill.size.mul(fill.price));
      }
      working.record.queueAhead = result.queueAhead;
      working.record.matchedUntil = result.matchedUntil;
      working.changed = true;
      if (working.record.filled.gte(working.record.size)) {
        working.record.status = "filled";
        working.record.closedAt = result.fills.at(-1)?.time ?? until;
        events.push({
          type: "placement",
          clientId: result.clientId,
          time: working.record.closedAt,
          status: "filled",
        });
      }
    }
    for (const event of events) this.deliver(event);
  }

  private cancelChild(clientId: string, reason: string): AlgoEvent[] {
    const working = this.working.get(clientId);
    if (!working || working.record.status !== "open") return [];
    const now = this.ctx.now;
    this.venue.cancel(clientId, now);
    working.record.status = "canceled";
    working.record.reason = reason;
    working.record.closedAt = now;
    working.changed = true;
    const rest = working.record.size.sub(working.record.filled);
    if (working.record.side === "buy") {
      const makerFee = new Dec(this.venue.spec(this.order.pair)?.makerFeeBps ?? "0").div(10_000);
      this.ctx.ledger.lock(
        working.record.accountId,
        this.order.quoteAsset,
        rest
          .mul(working.record.price ?? 0)
          .mul(makerFee.add(1))
          .neg(),
      );
    } else {
      this.ctx.ledger.lock(working.record.accountId, this.order.baseAsset, rest.neg());
    }
    return [{ type: "placement", clientId, time: now, status: "canceled", reason }];
  }

  private cancelAllLive(reason: string): void {
    for (const working of this.working.values()) {
      if (working.record.status === "open") this.cancelChild(working.record.clientId, reason);
    }
  }

  private liveCount(): number {
    return [...this.working.values()].filter((w) => w.record.status === "open").length;
  }

  // ── status ───────────────────────────────────────────────────────────────────────────────────

  private setStatus(next: CanonicalStatus): void {
    const current = this.change.status as CanonicalStatus;
    if (current === next) return;
    if (!canTransition(current, next)) throw new Error(`illegal status change ${current} → ${next}`);
    this.change.status = next;
  }

  private finish(status: "complete" | "failed"): void {
    if (this.finished) return;
    this.cancelAllLive(status === "complete" ? "order complete" : "order failed");
    this.change.departurePrice = this.venue.book(this.order.pair, this.ctx.now).mid;
    this.change.completedAt = this.ctx.now;
    if (status === "complete")
      this.log(
        "INFO",
        `Order complete: executed ${this.executedTarget().toFixed()} of ${this.targetQty().toFixed()} ${this.targetAsset()}.`,
      );
    this.setStatus(status);
    this.finished = true;
  }

  private fail(reason: string): void {
    if (this.finished) return;
    this.log("ERROR", reason);
    this.change.failureReason = reason;
    this.finish("failed");
  }

  private targetQty(): Dec {
    return toDec(this.order.targetQty);
  }

  private executedTarget(): Dec {
    return this.order.targetUnit === "quote" ? this.change.executedQuote : this.change.executedBase;
  }

  private remaining(): Dec {
    const rest = this.targetQty().sub(this.executedTarget());
    return rest.lt(0) ? ZERO : rest;
  }

  private targetAsset(): string {
    return this.order.targetUnit === "quote" ? this.order.quoteAsset : this.order.baseAsset;
  }

  private log(level: NewMessage["level"], message: string): void {
    this.messages.push({ level, message, time: this.ctx.now });
  }

  // ── result ───────────────────────────────────────────────────────────────────────────────────

  private outcome(): OrderOutcome {
    if (isTerminal(this.change.status as CanonicalStatus)) this.cancelAllLive("order closed");
    const newPlacements: NewPlacement[] = [];
    const placementChanges: PlacementChange[] = [];
    for (const working of this.working.values()) {
      if (working.isNew) newPlacements.push(working.record);
      else if (working.changed) {
        const r = working.record;
        placementChanges.push({
          id: r.id,
          clientId: r.clientId,
          side: r.side,
          price: r.price,
          size: r.size,
          placementType: r.placementType,
          subStatus: r.subStatus,
          filled: r.filled,
          status: r.status,
          queueAhead: r.queueAhead,
          matchedUntil: r.matchedUntil,
          closedAt: r.closedAt,
        });
      }
    }
    this.change.engineState = this.state;
    return {
      orderId: this.order.id,
      userId: this.order.userId,
      targetQty: this.order.targetQty.toString(),
      targetUnit: this.order.targetUnit,
      previousStatus: this.order.status,
      version: this.order.version,
      order: this.change,
      newPlacements,
      placementChanges,
      fills: this.fills,
      messages: this.messages,
      balanceChanges: this.ctx.ledger.changesOf(this.order.id),
    };
  }

  /** A tick that threw writes nothing but the error (and, after several in a row, fails the order). */
  private errorOutcome(message: string, now: number): OrderOutcome {
    const unchanged: OrderChange = {
      status: this.order.status,
      timeStart: this.order.timeStart?.getTime() ?? null,
      timeEnd: this.order.timeEnd?.getTime() ?? null,
      origTimeEnd: this.order.origTimeEnd?.getTime() ?? null,
      arrivalPrice: toDecOrNull(this.order.arrivalPrice),
      departurePrice: toDecOrNull(this.order.departurePrice),
      executedBase: toDec(this.order.executedBase),
      executedQuote: toDec(this.order.executedQuote),
      totalFee: toDec(this.order.totalFee),
      feeAsset: this.order.feeAsset,
      intervalVolume: toDec(this.order.intervalVolume),
      intervalNotional: toDec(this.order.intervalNotional),
      engineState: { ...readState(this.order.algoState), errors: this.state.errors },
      lastTickAt: this.order.lastTickAt?.getTime() ?? now,
      completedAt: this.order.completedAt?.getTime() ?? null,
      failureReason: this.order.failureReason,
    };
    const messages: NewMessage[] = [{ level: "ERROR", message, time: now }];
    if (
      this.state.errors >= MAX_TICK_ERRORS &&
      canTransition(this.order.status as CanonicalStatus, "failed")
    ) {
      unchanged.status = "failed";
      unchanged.failureReason = message;
      unchanged.completedAt = now;
      messages.push({
        level: "ERROR",
        message: `Order failed after ${MAX_TICK_ERRORS} failing ticks.`,
        time: now,
      });
    }
    return {
      orderId: this.order.id,
      userId: this.order.userId,
      targetQty: this.order.targetQty.toString(),
      targetUnit: this.order.targetUnit,
      previousStatus: this.order.status,
      version: this.order.version,
      order: unchanged,
      newPlacements: [],
      placementChanges: [],
      fills: [],
      messages,
      balanceChanges: [],
    };
  }
}
