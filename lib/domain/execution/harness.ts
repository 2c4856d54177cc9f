import { Dec, ZERO } from "../shared/decimal";
import { sideSign } from "../shared/side";
import { ImpactTracker } from "../market/impact";
import {
  checkMinimums,
  fee as feeOf,
  matchResting,
  queueAhead,
  roundPrice,
  roundSize,
  takeLiquidity,
} from "../market/sim-exchange";
import type { BookSnapshot, ImpactFn, MarketModel, PairSpec, TapeTrade } from "../market/types";
import type { OrderSpec } from "../orders/types";
import type { AlgoEvent, AlgoState, Algorithm, ChildOrder, Command, MarketView } from "./types";
import { algorithmFor } from "./index";
import { scheduleBand } from "./inspect";
import { priceBound, withinBound } from "./pricing";
import { computeMetrics, MIN_TAPE_MS, type ExecutionMetrics } from "./metrics";

/**
 * The engine's role, in memory and pure: a clock that ticks, a simulated venue built from a
 * `MarketModel` (takers walk the book, makers queue and fill from the tape, fees, minimums, balances),
 * and our own impact fed back into the market. Every strategy and the benchmarks run through it, so
 * a test asserts what a trader would see: fills, prices against the limit, the schedule band.
 *
 * The loop per tick: match resting children against the tape since the last tick → deliver those
 * fills → build the MarketView (others' volume excludes our maker fills) → step the reducer → execute
 * its commands, delivering each answer (placement, fill) back to it, as the engine does.
 */

export type ScheduledAction =
  | { at: number; type: "pause" }
  /** The harness shifts the end time by the pause length, as the engine does. */
  | { at: number; type: "resume" }
  | {
      at: number;
      type: "amend";
      changes: Partial<Pick<OrderSpec, "targetQty" | "endTime" | "povTarget" | "limitPrice">>;
    }
  | { at: number; type: "cancel" };

export interface SimulateOptions {
  model: MarketModel;
  order: OrderSpec;
  /** Activation time (epoch ms): the first tick. */
  start: number;
  tickMs?: number;
  /** Stop even if the order is still working (default: end + 10 min, or 4 h without an end). */
  maxTime?: number;
  /** Paper balances; unlimited when absent. */
  balances?: { base: Dec; quote: Dec };
  /** Pause / resume / amend / cancel at given times (applied at the first tick at or after `at`). */
  actions?: ScheduledAction[];
  /** Impact of our fills on the market (default: a fresh tracker scaled to the pair's volume). */
  impact?: ImpactTracker | null;
  /** The reducer (default: `algorithmFor(order)`). */
  algorithm?: Algorithm;
  /** Round-trip the state through JSON at every step, as the engine's storage does (default true). */
  persist?: boolean;
}

export interface SimFill {
  clientId: string;
  time: number;
  price: Dec;
  size: Dec;
  fee: Dec;
  role: "MAKE" | "TAKE";
  /** The unimpacted reference price F at the fill's time. */
  reference: Dec;
}

export interface SimPlacement {
  clientId: string;
  time: number;
  child: ChildOrder;
  status: "open" | "filled" | "canceled" | "rejected";
  subStatus?: string;
  reason?: string;
  filled: Dec;
  closedAt: number | null;
}

export interface SimSample {
  time: number;
  /** Executed, target units and as a fraction of the target. */
  executed: Dec;
  executedShare: number;
  /** The reducer's schedule at this tick (fractions of the target); null for unscheduled strategies. */
  target: number | null;
  lower: number | null;
  upper: number | null;
  /** Cumulative since the start: others' volume (base, our maker fills excluded) and ours (base). */
  othersVolume: Dec;
  ownVolume: Dec;
  mid: Dec;
}

export interface SimLog {
  time: number;
  level: "INFO" | "WARN" | "ERROR";
  message: string;
}

export interface SimResult {
  /** Activation time: the first tick. */
  start: number;
  order: OrderSpec;
  /** The order as last amended / resumed. */
  finalOrder: OrderSpec;
  status: "complete" | "failed" | "canceled" | "working";
  reason: string | null;
  endedAt: number;
  fills: SimFill[];
  placements: SimPlacement[];
  commands: { time: number; command: Command }[];
  logs: SimLog[];
  samples: SimSample[];
  /** Per tick: others' volume and notional in (previous tick, time]. */
  tape: { time: number; volume: Dec; notional: Dec }[];
  arrivalMid: Dec;
  endMid: Dec;
  /** Contract breaches seen by the harness (off-grid sizes, over-commitment, fills beyond the limit…). */
  violations: string[];
  state: AlgoState;
  metrics: ExecutionMetrics;
}

/** A fill of one of our resting children by a print of the tape. */
interface MakerFill {
  clientId: string;
  time: number;
  /** Our price (makers fill at their own price). */
  price: Dec;
  size: Dec;
  /** The print's price: what the rest of the market traded at. */
  tradePrice: Dec;
  /** The child's filled size before this tick's fills. */
  before: Dec;
}

interface Resting {
  clientId: string;
  price: Dec;
  size: Dec;
  filled: Dec;
  queueAhead: Dec;
  placedAt: number;
  lockedQuote: Dec;
}

const HOUR = 3_600_000;

export function simulate(options: SimulateOptions): SimResult {
  const { model, start } = options;
  const tickMs = options.tickMs ?? 1000;
  const persist = options.persist ?? true;
  let order = options.order;
  const pair = order.pair;
  const spec: PairSpec = model.spec(pair);
  const side = order.side;
  const algorithm = options.algorithm ?? algorithmFor(order);
  const maxTime =
    options.maxTime ?? (order.endTime !== null ? order.endTime + 10 * 60_000 : start + 4 * HOUR);
  const impact = options.impact === null ? null : (options.impact ?? impactTrackerFor(model, pair, start));
  const impactFn: ImpactFn | undefined = impact ? (t) => impact.offsetBps(t) : undefined;
  /** Bumped on every fill we record: a cached book is valid while our impact is unchanged. */
  let impactVersion = 0;
  let cachedBook: { time: number; version: number; book: BookSnapshot } | null = null;
  const bookAt = (time: number): BookSnapshot => {
    if (cachedBook && cachedBook.time === time && cachedBook.version === impactVersion)
      return cachedBook.book;
    const book = model.book(pair, time, impactFn);
    cachedBook = { time, version: impactVersion, book };
    return book;
  };
  const makerBps = new Dec(spec.makerFeeBps);
  const takerBps = new Dec(spec.takerFeeBps);
  const bal = options.balances ? { base: options.balances.base, quote: options.balances.quote } : null;
  const actions = [...(options.actions ?? [])].sort((a, b) => a.at - b.at);

  const fills: SimFill[] = [];
  const placements = new Map<string, SimPlacement>();
  const commands: { time: number; command: Command }[] = [];
  const logs: SimLog[] = [];
  const samples: SimSample[] = [];
  const tape: { time: number; volume: Dec; notional: Dec }[] = [];
  const violations: string[] = [];
  const resting = new Map<string, Resting>();

  let state: AlgoState = {};
  let status: SimResult["status"] = "working";
  let reason: string | null = null;
  let now = start;
  let paused = false;
  let pausedAt = 0;
  let othersTotal = ZERO;
  let ownTotal = ZERO;
  /** Others' volume / notional since the reducer's last tick. */
  let sinceTickVolume = ZERO;
  let sinceTickNotional = ZERO;
  const arrivalMid = model.book(pair, start, impactFn).mid;

  const bound = () => priceBound(order);

  const view = (time: number, volume: Dec, notional: Dec): MarketView => {
    const book = bookAt(time);
    return {
      time,
      spec,
      bid: book.bid,
      ask: book.ask,
      mid: book.mid,
      bids: book.bids,
      asks: book.asks,
      tradedVolume: volume,
      tradedNotional: notional,
      expectedVolume: (from, to) => model.expectedVolume(pair, from, to),
    };
  };

  let cachedReference: { time: number; price: Dec } | null = null;
  const referenceAt = (time: number): Dec => {
    if (cachedReference?.time !== time) cachedReference = { time, price: model.referenceMid(pair, time) };
    return cachedReference.price;
  };

  const store = (next: AlgoState): AlgoState =>
    persist ? (JSON.parse(JSON.stringify(next)) as AlgoState) : next;

  const recordFill = (
    clientId: string,
    time: number,
    price: Dec,
    size: Dec,
    role: "MAKE" | "TAKE",
  ): AlgoEvent => {
    const notional = price.mul(size);
    const fee = feeOf(notional, role === "MAKE" ? makerBps : takerBps);
    fills.push({ clientId, time, price, size, fee, role, reference: referenceAt(time) });
    ownTotal = ownTotal.add(size);
    impact?.record({ time, side, size, role });
    impactVersion += 1;
    if (!withinBound(bound(), price))
      violations.push(`fill of ${clientId} at ${price.toFixed()} beyond the limit`);
    if (bal) {
      if (side === "buy") {
        bal.base = bal.base.add(size);
        bal.quote = bal.quote.sub(notional).sub(fee);
      } else {
        bal.base = bal.base.sub(size);
        bal.quote = bal.quote.add(notional).sub(fee);
      }
    }
    const placement = placements.get(clientId);
    if (placement) placement.filled = placement.filled.add(size);
    return { type: "fill", clientId, time, price, size, fee, role };
  };

  const close = (
    clientId: string,
    time: number,
    s: SimPlacement["status"],
    subStatus?: string,
    why?: string,
  ): AlgoEvent => {
    const placement = placements.get(clientId);
    if (placement) {
      placement.status = s;
      placement.subStatus = subStatus;
      placement.reason = why;
      placement.closedAt = s === "open" ? null : time;
    }
    return { type: "placement", clientId, time, status: s, subStatus, reason: why };
  };

  const lockedQuote = (): Dec => [...resting.values()].reduce((sum, r) => sum.add(r.lockedQuote), ZERO);
  const lockedBase = (): Dec =>
    side === "sell" ? [...resting.values()].reduce((sum, r) => sum.add(r.size.sub(r.filled)), ZERO) : ZERO;

  const placeChild = (child: ChildOrder, time: number): AlgoEvent[] => {
    if (placements.has(child.clientId)) {
      violations.push(`client id ${child.clientId} sent twice`);
      return [];
    }
    const size = new Dec(child.size);
    const price = child.price === null ? null : new Dec(child.price);
    placements.set(child.clientId, {
      clientId: child.clientId,
      time,
      child,
      status: "open",
      filled: ZERO,
      closedAt: null,
    });
    if (!roundSize(spec, size).eq(size) || size.lte(0))
      violations.push(`size ${child.size} of ${child.clientId} off the size grid`);
    if (price && !roundPrice(spec, price, "nearest").eq(price))
      violations.push(`price ${child.price} of ${child.clientId} off the tick grid`);
    if (price && !withinBound(bound(), price) && child.tif === "GTC")
      violations.push(`resting price ${child.price} beyond the limit`);
    if (child.side !== side) violations.push(`child ${child.clientId} on the wrong side`);
    const book = bookAt(time);
    // Over-commitment: executed + live children + this one must stay within the target.
    const committed = [...resting.values()].reduce((sum, r) => sum.add(r.size.sub(r.filled)), ZERO).add(size);
    const refPrice = price ?? (side === "buy" ? book.ask : book.bid);
    const executedNow = order.targetUnit === "quote" ? notionalOf(fills) : ownTotal;
    const committedTarget = order.targetUnit === "quote" ? committed.mul(refPrice) : committed;
    const slack =
      order.targetUnit === "quote" ? new Dec(spec.sizeStep).mul(refPrice) : new Dec(spec.sizeStep);
    if (
      executedNow
        .add(committedTarget)
        .gt(order.targetQty.add(slack).mul(order.targetUnit === "quote" ? 1.001 : 1))
    ) {
      violations.push(`child ${child.clientId} of ${child.size} would exceed the remaining quantity`);
    }
    const minimum = checkMinimums(spec, size, price ?? book.mid);
    if (minimum) return [close(child.clientId, time, "rejected", minimum.subStatus, minimum.reason)];
    if (bal) {
      const feeRate = takerBps.div(10_000).add(1);
      const worst = price ?? (side === "buy" ? (book.asks.at(-1)?.price ?? book.ask) : book.bid);
      const need = side === "buy" ? size.mul(worst).mul(feeRate) : size;
      const have = side === "buy" ? bal.quote.sub(lockedQuote()) : bal.base.sub(lockedBase());
      if (have.lt(need)) {
        const asset = side === "buy" ? spec.quote : spec.base;
        return [
          close(
            child.clientId,
            time,
            "rejected",
            "INSUFFICIENT_BALANCE",
            `needs ${need.toDecimalPlaces(8).toFixed()} ${asset}, available ${have.toDecimalPlaces(8).toFixed()} ${asset}`,
          ),
        ];
      }
    }
    const crosses = price === null || (side === "buy" ? price.gte(book.ask) : price.lte(book.bid));
    if (crosses && child.postOnly) {
      return [
        close(
          child.clientId,
          time,
          "rejected",
          "POST_ONLY_WOULD_TAKE",
          "post-only child would take liquidity",
        ),
      ];
    }
    const events: AlgoEvent[] = [];
    let remaining = size;
    if (crosses) {
      const taken = takeLiquidity(book, side, size, price);
      for (const part of taken.fills)
        events.push(recordFill(child.clientId, time, part.price, part.size, "TAKE"));
      remaining = taken.remaining;
    }
    if (remaining.lte(0)) {
      events.push(close(child.clientId, time, "filled"));
      return events;
    }
    if (child.kind === "market" || child.tif === "IOC" || price === null) {
      events.push(close(child.clientId, time, "canceled", undefined, "IOC remainder canceled"));
      return events;
    }
    const after = bookAt(time);
    resting.set(child.clientId, {
      clientId: child.clientId,
      price,
      size,
      filled: size.sub(remaining),
      queueAhead: queueAhead(after, side, price),
      placedAt: time,
      lockedQuote: side === "buy" ? remaining.mul(price).mul(makerBps.div(10_000).add(1)) : ZERO,
    });
    events.push(close(child.clientId, time, "open"));
    return events;
  };

  const cancelChild = (clientId: string, time: number): AlgoEvent[] => {
    if (!resting.has(clientId)) return [];
    resting.delete(clientId);
    return [close(clientId, time, "canceled", undefined, "canceled by the algorithm")];
  };

  const cancelAllResting = (time: number): void => {
    for (const id of [...resting.keys()]) {
      resting.delete(id);
      close(id, time, "canceled", undefined, "canceled by the engine");
    }
  };

  const finished = () => status !== "working";

  const run1 = (command: Command, time: number): AlgoEvent[] => {
    commands.push({ time, command });
    if (finished()) {
      violations.push(`command ${command.type} after the order ${status}`);
      return [];
    }
    switch (command.type) {
      case "log":
        logs.push({ time, level: command.level, message: command.message });
        return [];
      case "complete":
        status = "complete";
        reason = command.reason ?? null;
        cancelAllResting(time);
        return [];
      case "fail":
        status = "failed";
        reason = command.reason;
        logs.push({ time, level: "ERROR", message: command.reason });
        cancelAllResting(time);
        return [];
      case "cancel":
        return cancelChild(command.clientId, time);
      case "place":
        return placeChild(command.child, time);
    }
  };

  /** The engine's loop: run commands, feed each answer back to the reducer, run what it says. */
  const execute = (initial: Command[], time: number): void => {
    const queue: AlgoEvent[] = [];
    let pending = initial;
    let rounds = 0;
    while (pending.length > 0 || queue.length > 0) {
      if (++rounds > 500) {
        violations.push("the reducer kept issuing commands within one tick");
        return;
      }
      for (const command of pending) queue.push(...run1(command, time));
      pending = [];
      const event = queue.shift();
      if (event && !finished()) pending = deliver(event);
    }
  };

  const deliver = (event: AlgoEvent): Command[] => {
    const result = algorithm.step(order, state, event);
    state = store(result.state);
    return result.commands;
  };

  // ── start ──
  const init = algorithm.init(order, view(start, ZERO, ZERO));
  state = store(init.state);
  execute(init.commands, start);

  while (!finished() && now < maxTime) {
    const prev = now;
    now = Math.min(prev + tickMs, maxTime);
    // Nothing will ask for the impact before `prev` again: fold older fills into one residual.
    impact?.prune(prev);
    // Others' trades in [prev, now): the tape, less what filled our resting children.
    const trades = model.trades(pair, prev, now, impactFn);
    const makerFills = matchAll(trades);
    let volume = ZERO;
    let notional = ZERO;
    for (const trade of trades) {
      volume = volume.add(trade.size);
      notional = notional.add(trade.size.mul(trade.price));
    }
    for (const f of makerFills) {
      // That part of the print was ours (as the maker), at the print's price.
      volume = volume.sub(f.size);
      notional = notional.sub(f.size.mul(f.tradePrice));
    }
    tape.push({ time: now, volume, notional });
    othersTotal = othersTotal.add(volume);
    sinceTickVolume = sinceTickVolume.add(volume);
    sinceTickNotional = sinceTickNotional.add(notional);
    /** Filled so far per child, as its fills are delivered one by one in time order. */
    const delivered = new Map<string, Dec>();
    for (const f of makerFills) {
      if (finished()) break;
      const event = recordFill(f.clientId, f.time, f.price, f.size, "MAKE");
      const events: AlgoEvent[] = [event];
      const r = resting.get(f.clientId);
      const sofar = (delivered.get(f.clientId) ?? f.before).add(f.size);
      delivered.set(f.clientId, sofar);
      if (r && sofar.gte(r.size)) {
        resting.delete(f.clientId);
        events.push(close(f.clientId, f.time, "filled"));
      }
      for (const e of events) if (!finished()) execute(deliver(e), now);
    }
    if (finished()) break;

    // The user's actions due by now.
    while (actions.length > 0 && actions[0]!.at <= now && !finished()) {
      const action = actions.shift()!;
      applyAction(action);
    }
    if (finished() || paused) continue;

    const v = view(now, sinceTickVolume, sinceTickNotional);
    sinceTickVolume = ZERO;
    sinceTickNotional = ZERO;
    execute(deliver({ type: "tick", time: now, market: v }), now);
    sample(now, v.mid);
  }

  function applyAction(action: ScheduledAction): void {
    switch (action.type) {
      case "pause":
        if (paused) return;
        execute(deliver({ type: "pause", time: now }), now);
        cancelAllResting(now);
        paused = true;
        pausedAt = now;
        return;
      case "resume": {
        if (!paused) return;
        paused = false;
        const shift = now - pausedAt;
        order = { ...order, endTime: order.endTime === null ? null : order.endTime + shift };
        execute(deliver({ type: "resume", time: now, order }), now);
        return;
      }
      case "amend":
        order = { ...order, ...action.changes };
        execute(deliver({ type: "amend", time: now, order }), now);
        return;
      case "cancel":
        execute(deliver({ type: "cancel", time: now }), now);
        cancelAllResting(now);
        if (!finished()) {
          status = "canceled";
          reason = "canceled by the user";
        }
        return;
    }
  }

  /** Match every resting child against the trades, best price first, sharing each trade's size. */
  function matchAll(trades: TapeTrade[]): MakerFill[] {
    if (resting.size === 0 || trades.length === 0) return [];
    // Only trades whose aggressor hits our side can fill us.
    const hitting = trades.filter((t) => t.aggressor !== side);
    if (hitting.length === 0) return [];
    const ordered = [...resting.values()].sort((a, b) => {
      const byPrice = side === "buy" ? b.price.cmp(a.price) : a.price.cmp(b.price);
      return byPrice || a.placedAt - b.placedAt || a.clientId.localeCompare(b.clientId);
    });
    /** What is left of each trade once better-placed children of ours have taken their share. */
    const taken = new Map<string, Dec>();
    const out: MakerFill[] = [];
    const priceOf = new Map(hitting.map((t) => [t.id, t.price]));
    for (const r of ordered) {
      const before = r.filled;
      const available: TapeTrade[] = [];
      for (const t of hitting) {
        if (t.time < r.placedAt) continue;
        const used = taken.get(t.id);
        if (!used) available.push(t);
        else if (used.lt(t.size)) available.push({ ...t, size: t.size.sub(used) });
      }
      if (available.length === 0) continue;
      const result = matchResting(
        { side, price: r.price, size: r.size, filled: r.filled, queueAhead: r.queueAhead },
        available,
      );
      for (const f of result.fills) {
        taken.set(f.tradeId, (taken.get(f.tradeId) ?? ZERO).add(f.size));
        out.push({
          clientId: r.clientId,
          time: f.time,
          price: f.price,
          size: f.size,
          tradePrice: priceOf.get(f.tradeId)!,
          before,
        });
      }
      r.filled = result.filled;
      r.queueAhead = result.queueAhead;
      if (side === "buy") r.lockedQuote = r.size.sub(r.filled).mul(r.price).mul(makerBps.div(10_000).add(1));
    }
    return out.sort((a, b) => a.time - b.time || a.clientId.localeCompare(b.clientId));
  }

  function sample(time: number, mid: Dec): void {
    const executed = order.targetUnit === "quote" ? notionalOf(fills) : ownTotal;
    const band = scheduleBand(state);
    samples.push({
      time,
      executed,
      executedShare: order.targetQty.gt(0) ? executed.toNumber() / order.targetQty.toNumber() : 1,
      target: band?.target ?? null,
      lower: band?.lower ?? null,
      upper: band?.upper ?? null,
      othersVolume: othersTotal,
      ownVolume: ownTotal,
      mid,
    });
  }

  // The closing picture: fills after the last tick (the completing one, often) count too.
  if (samples.at(-1)?.time !== now) sample(now, bookAt(now).mid);

  // An order done within its first minute (a market order) still gets a minute of tape for the
  // interval VWAP and participation: [start, start] has no trades.
  for (let t = tape.at(-1)?.time ?? start; t < start + MIN_TAPE_MS;) {
    const next = Math.min(t + tickMs, start + MIN_TAPE_MS);
    let volume = ZERO;
    let notional = ZERO;
    for (const trade of model.trades(pair, t, next, impactFn)) {
      volume = volume.add(trade.size);
      notional = notional.add(trade.size.mul(trade.price));
    }
    tape.push({ time: next, volume, notional });
    t = next;
  }
  const endedAt = now;
  const endMid = model.book(pair, endedAt, impactFn).mid;
  const result: Omit<SimResult, "metrics"> = {
    start,
    order: options.order,
    finalOrder: order,
    status,
    reason,
    endedAt,
    fills,
    placements: [...placements.values()],
    commands,
    logs,
    samples,
    tape,
    arrivalMid,
    endMid,
    violations,
    state,
  };
  return { ...result, metrics: computeMetrics(result, sideSign(side)) };
}

/** The model's own tracker (its per-pair impact settings) when it offers one, else a default one. */
function impactTrackerFor(model: MarketModel, pair: string, start: number): ImpactTracker {
  const sim = model as MarketModel & { impactTracker?: (pair: string) => ImpactTracker };
  if (typeof sim.impactTracker === "function") return sim.impactTracker(pair);
  return new ImpactTracker({ hourlyVolume: model.expectedVolume(pair, start, start + 24 * HOUR).div(24) });
}

const notionalOf = (fills: SimFill[]): Dec => fills.reduce((sum, f) => sum.add(f.price.mul(f.size)), ZERO);
