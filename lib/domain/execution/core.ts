import { Dec, ZERO } from "../shared/decimal";
import type { OrderSpec, StrategyName } from "../orders/types";
import type {
  AlgoEvent,
  Algorithm,
  Command,
  FillEvent,
  MarketView,
  PlacementEvent,
  StepResult,
} from "./types";
import {
  behindBy,
  CROSS_BELOW_PASSIVENESS,
  farTouch,
  gridOf,
  isOutsideLimit,
  minChildSize,
  passivePrice,
  priceBound,
  roundSizeDown,
  sweepPrice,
  TOUCH_UP_TO_PASSIVENESS,
  withinBound,
  type PriceBound,
} from "./pricing";
import { clamp01, sliceCount, timeProgress, type Band } from "./schedule";
import {
  dec,
  executedTarget,
  fmt,
  hasLive,
  isFilled,
  isResting,
  outstanding,
  remainingTarget,
  toBase,
  unfilled,
  unitOf,
  type ChildRecord,
  type CoreState,
  type Plan,
} from "./state";

/**
 * The reducer every strategy shares. A strategy is a `Policy`: on each tick it says how much it wants
 * to take now and how much to keep resting at which passiveness (an `Intent`, in target units). The
 * core does everything else the same way for all of them:
 *
 * - bookkeeping of fills and children (executed quantity, live children, deterministic client ids);
 * - caps: never more than the remaining quantity (live children included), `max_clip_size` per child,
 *   `pov_limit` of others' volume, the pair's minimums (a child under them only as the last remainder);
 * - prices: passiveness → distance behind the touch, takers sweep the displayed book, the limit price
 *   bounds every price, `passive_only` turns takes into joining the touch, `ool_pause`;
 * - re-pegging resting children when the touch moves away (after a minimum rest time: bounded churn);
 * - the end of the schedule (final-stretch crossing, or stop with a warning), pause / resume / amend /
 *   cancel, rejections, and completion.
 */

export interface PolicyContext {
  order: OrderSpec;
  /** Working copy: a policy may keep its own values in `state.x`. */
  state: CoreState;
  view: MarketView;
  time: number;
  /** Target, executed and remaining, target units. */
  Q: Dec;
  E: Dec;
  remaining: Dec;
  /** Executed at the start of the current segment (target units) and the segment's span. */
  segBase: Dec;
  segStart: number;
  segEnd: number | null;
  /** Elapsed fraction of the segment (1 without an end). */
  progress: number;
  sliceMs: number;
  bound: PriceBound | null;
  passiveness: number;
  discretion: number;
  alphaTilt: number;
}

export interface Intent {
  /** Schedule band (fractions of the target), for the tests and the dashboard; null: no schedule. */
  band: Band | null;
  /** Quantity to take now (target units). */
  take: Dec;
  /** Quantity to have resting (target units): beyond executed ("level") or always ("standing"). */
  rest: Dec;
  restMode?: "level" | "standing";
  /** Passiveness of resting children (the order's, unless the strategy ramps it). */
  passiveness: number;
  /** A fixed resting price (a Limit order's limit) instead of one derived from passiveness. */
  restPrice?: Dec | null;
  /** A fixed taker price (IOC at the touch) instead of a sweep of the book. */
  takePrice?: Dec | null;
  takeKind?: "market" | "limit";
  maxRestChildren?: number;
  /** Smallest top-up of resting quantity worth a new child (target units). */
  restQuantum?: Dec;
}

export interface Policy {
  strategy: StrategyName;
  /** At the end time: "cross" the remainder (trajectories), or "expire" (a resting Limit). */
  endBehavior: "cross" | "expire";
  validate(order: OrderSpec): string[];
  /** The INFO line logged at start. */
  describe(order: OrderSpec, state: CoreState, view: MarketView): string;
  plan(ctx: PolicyContext): Intent;
  /** Reset per-segment values in `state.x` (start, resume, amend). */
  onRebase?(state: CoreState): void;
  /** A one-shot strategy is done once its children are (IOC): the closing note, else null. */
  settled?(order: OrderSpec, state: CoreState): { level: "INFO" | "WARN"; message: string } | null;
}

/** A resting child is re-pegged only after resting this long (unless active_limit): bounded churn. */
export const REPEG_MIN_REST_MS = 5_000;
/** …and only when the touch has moved away from it by more than this (or one tick). */
export const REPEG_THRESHOLD_BPS = 0.5;
/** Resting children per order unless the strategy says otherwise. */
export const DEFAULT_MAX_REST_CHILDREN = 3;
/** Final stretch: the last 5 % of the schedule (at most a minute, at least two ticks). */
export const FINAL_STRETCH_SHARE = 0.05;
export const FINAL_STRETCH_MAX_MS = 60_000;
/** Past the end time the order keeps taking (limit / pov_limit permitting) this long, then stops. */
export const END_GRACE_MIN_MS = 30_000;
/** A finishing order whose cancels are not confirmed within this time completes anyway. */
export const FINISH_TIMEOUT_MS = 30_000;
/** After this many MIN_AMOUNT rejections of non-final children the order stops retrying. */
export const MAX_MIN_REJECTS = 3;

type Note = { level: "INFO" | "WARN"; message: string };

const num = (d: Dec): number => d.toNumber();

export function commonValidation(order: OrderSpec): string[] {
  const problems: string[] = [];
  if (!order.targetQty.gt(0)) problems.push("quantity must be positive");
  const p = num(order.passiveness);
  if (!(p >= 0 && p <= 1)) problems.push("engine_passiveness must be within [0, 1]");
  const d = num(order.discretion);
  if (!(d >= 0 && d <= 1)) problems.push("schedule_discretion must be within [0, 1]");
  const a = num(order.alphaTilt);
  if (!(a >= -1 && a <= 1)) problems.push("alpha_tilt must be within [-1, 1]");
  if (order.povLimit && !(order.povLimit.gt(0) && order.povLimit.lt(1)))
    problems.push("pov_limit must be within (0, 1)");
  if (order.povTarget && !(order.povTarget.gt(0) && order.povTarget.lte(1)))
    problems.push("pov_target must be within (0, 1]");
  if (order.params.maxClipSize && !order.params.maxClipSize.gt(0))
    problems.push("max_clip_size must be positive");
  if (order.limitPrice && !order.limitPrice.gt(0)) problems.push("limit_price must be positive");
  if (order.endTime !== null && order.endTime <= order.startTime)
    problems.push("the end time must be after the start time");
  return problems;
}

export function createAlgorithm(policy: Policy): Algorithm<CoreState> {
  return {
    validate: (order) => [...commonValidation(order), ...policy.validate(order)],
    init: (order, market) => init(policy, order, market),
    step: (order, state, event) => step(policy, order, state, event),
  };
}

// ── init ──────────────────────────────────────────────────────────────────────────────────────

function init(policy: Policy, order: OrderSpec, view: MarketView): StepResult<CoreState> {
  const s: CoreState = {
    version: 1,
    strategy: policy.strategy,
    phase: "running",
    n: 1,
    spec: { ...view.spec },
    startTime: view.time,
    arrivalMid: view.mid.toFixed(),
    lastMid: view.mid.toFixed(),
    lastTick: view.time,
    tickMs: 1000,
    executedBase: "0",
    executedNotional: "0",
    fees: "0",
    fills: 0,
    othersVolume: "0",
    othersNotional: "0",
    seg: {
      start: view.time,
      end: order.endTime,
      base: "0",
      othersVolume: "0",
      othersNotional: "0",
      slices: 1,
    },
    children: {},
    plan: null,
    band: null,
    oolPaused: false,
    resumedAt: null,
    finishNote: null,
    finishSince: null,
    said: [],
    minRejects: 0,
    x: {},
  };
  rebase(policy, order, s, view.time);
  const cmds: Command[] = [{ type: "log", level: "INFO", message: policy.describe(order, s, view) }];
  tick(policy, order, s, view, cmds, false);
  return { state: s, commands: cmds };
}

/** Re-plan from `time`: the remaining quantity over the remaining time. */
function rebase(policy: Policy, order: OrderSpec, s: CoreState, time: number): void {
  const end = order.endTime;
  const price = dec(s.lastMid);
  const remainingBase = toBase(order, remainingTarget(order, s), price);
  const minimum = minChildSize(s.spec, price);
  const inMinimums = minimum.gt(0) ? num(remainingBase.div(minimum)) : 1;
  s.seg = {
    start: time,
    end,
    base: executedTarget(order, s).toFixed(),
    othersVolume: s.othersVolume,
    othersNotional: s.othersNotional,
    slices: end === null ? 1 : sliceCount(Math.max(0, end - time), inMinimums),
  };
  policy.onRebase?.(s);
}

// ── step ──────────────────────────────────────────────────────────────────────────────────────

function step(policy: Policy, order: OrderSpec, prev: CoreState, event: AlgoEvent): StepResult<CoreState> {
  const s = cloneState(prev);
  const cmds: Command[] = [];
  switch (event.type) {
    case "tick":
      tick(policy, order, s, event.market, cmds, true);
      break;
    case "fill":
      onFill(policy, order, s, event, cmds);
      break;
    case "placement":
      onPlacement(policy, order, s, event, cmds);
      break;
    case "pause":
      if (s.phase === "running") {
        cancelAll(s, cmds);
        s.phase = "paused";
        s.plan = null;
      }
      break;
    case "resume":
      if (s.phase === "paused") {
        // The engine cancels every live child on pause; anything we still track is gone.
        s.children = {};
        s.phase = "running";
        s.resumedAt = event.time;
        rebase(policy, event.order, s, event.time);
        cmds.push({
          type: "log",
          level: "INFO",
          message: `Resumed: ${describeRemaining(event.order, s, event.time)}.`,
        });
        closeIfDone(policy, event.order, s, cmds, event.time);
      }
      break;
    case "amend":
      if (s.phase === "running" || s.phase === "paused") {
        // Children sized or priced for the old order go; the next tick re-plans from here.
        for (const [id, c] of Object.entries(s.children)) if (isResting(c)) cancelChild(s, id, cmds);
        s.plan = null;
        rebase(policy, event.order, s, event.time);
        cmds.push({
          type: "log",
          level: "INFO",
          message: `Amended: ${describeRemaining(event.order, s, event.time)}.`,
        });
        if (s.phase === "running") closeIfDone(policy, event.order, s, cmds, event.time);
      }
      break;
    case "cancel":
      if (s.phase !== "done") {
        cancelAll(s, cmds);
        s.phase = "canceling";
        s.plan = null;
      }
      break;
  }
  // An order that has completed sends nothing more.
  return { state: s, commands: prev.phase === "done" ? [] : cmds };
}

/** A deep copy of the state (plain JSON data), cheaper than structuredClone on every event. */
function cloneState(prev: CoreState): CoreState {
  const children: CoreState["children"] = {};
  for (const id in prev.children) children[id] = { ...prev.children[id]! };
  const plan = prev.plan
    ? {
        time: prev.plan.time,
        take: prev.plan.take ? { ...prev.plan.take } : null,
        rest: prev.plan.rest ? { ...prev.plan.rest } : null,
      }
    : null;
  // Every field spelled out: one object shape for all states keeps property access fast.
  return {
    version: prev.version,
    strategy: prev.strategy,
    phase: prev.phase,
    n: prev.n,
    spec: prev.spec,
    startTime: prev.startTime,
    arrivalMid: prev.arrivalMid,
    lastMid: prev.lastMid,
    lastTick: prev.lastTick,
    tickMs: prev.tickMs,
    executedBase: prev.executedBase,
    executedNotional: prev.executedNotional,
    fees: prev.fees,
    fills: prev.fills,
    othersVolume: prev.othersVolume,
    othersNotional: prev.othersNotional,
    seg: { ...prev.seg },
    children,
    plan,
    band: prev.band ? { ...prev.band } : null,
    oolPaused: prev.oolPaused,
    resumedAt: prev.resumedAt,
    finishNote: prev.finishNote ? { ...prev.finishNote } : null,
    finishSince: prev.finishSince,
    said: [...prev.said],
    minRejects: prev.minRejects,
    x: { ...prev.x },
  };
}

function describeRemaining(order: OrderSpec, s: CoreState, time: number): string {
  const rem = `${fmt(remainingTarget(order, s))} ${unitOf(order, s.spec)} remaining`;
  if (order.endTime === null) return rem;
  const minutes = Math.max(0, (order.endTime - time) / 60_000);
  return `${rem} over ${minutes.toFixed(1)} min`;
}

// ── tick ──────────────────────────────────────────────────────────────────────────────────────

function tick(
  policy: Policy,
  order: OrderSpec,
  s: CoreState,
  view: MarketView,
  cmds: Command[],
  count: boolean,
): void {
  const time = view.time;
  if (count) {
    let volume = view.tradedVolume;
    let notional = view.tradedNotional;
    if (s.resumedAt !== null) {
      // The first tick after a resume may cover the pause: count only the part after the resume.
      const span = time - s.lastTick;
      const share = span > 0 ? clamp01((time - s.resumedAt) / span) : 1;
      volume = volume.mul(share);
      notional = notional.mul(share);
      s.resumedAt = null;
    }
    s.othersVolume = dec(s.othersVolume).add(volume).toFixed();
    s.othersNotional = dec(s.othersNotional).add(notional).toFixed();
    if (time > s.lastTick) s.tickMs = Math.min(time - s.lastTick, 60_000);
  }
  s.lastTick = Math.max(s.lastTick, time);
  s.lastMid = view.mid.toFixed();

  if (s.phase === "paused" || s.phase === "canceling" || s.phase === "done") return;
  if (s.phase === "finishing") {
    if (!hasLive(s) || (s.finishSince !== null && time - s.finishSince >= FINISH_TIMEOUT_MS)) {
      s.children = {};
      finish(order, s, cmds);
    }
    return;
  }
  if (closeIfDone(policy, order, s, cmds, time)) return;

  const bound = priceBound(order);
  if (order.params.oolPause && bound) {
    if (isOutsideLimit(bound, view.mid)) {
      if (!s.oolPaused) {
        s.oolPaused = true;
        s.plan = null;
        cancelAll(s, cmds);
        cmds.push({
          type: "log",
          level: "INFO",
          message: `Price ${fmt(view.mid)} is outside the limit ${fmt(bound.price)}: pausing until it is back inside (ool_pause).`,
        });
      }
      return;
    }
    if (s.oolPaused) {
      s.oolPaused = false;
      cmds.push({
        type: "log",
        level: "INFO",
        message: `Price ${fmt(view.mid)} is back inside the limit ${fmt(bound.price)}: resuming.`,
      });
    }
  }

  const end = s.seg.end;
  const stopsAtEnd =
    policy.endBehavior === "expire" || order.params.passiveOnly || order.params.strictDuration;
  if (end !== null && time >= end) {
    const grace = Math.max(5 * s.tickMs, END_GRACE_MIN_MS);
    if (stopsAtEnd || time >= end + grace) {
      wrapUp(order, s, cmds, time, {
        level: "WARN",
        message: `${endReason(order, policy)}: ${fmt(remainingTarget(order, s))} ${unitOf(order, s.spec)} of ${fmt(order.targetQty)} left unfilled.`,
      });
      return;
    }
  }

  const ctx = context(order, s, view, bound);
  const intent = policy.plan(ctx);
  s.band = intent.band;

  // Final stretch: cross for what is left, spread over the last ticks.
  if (end !== null && !stopsAtEnd) {
    const window = Math.max(
      2 * s.tickMs,
      Math.min(FINAL_STRETCH_MAX_MS, FINAL_STRETCH_SHARE * (end - s.seg.start)),
    );
    if (time >= end - window) {
      const share = time >= end ? 1 : Math.min(1, (2 * s.tickMs) / (end - time));
      const take = ctx.remaining.mul(share.toFixed(6));
      intent.take = Dec.max(intent.take, take);
      intent.rest = ZERO;
      intent.restMode = "level";
      say(
        s,
        cmds,
        "final",
        "INFO",
        `Final stretch: taking the remaining ${fmt(ctx.remaining)} ${unitOf(order, s.spec)} by the end time.`,
      );
    }
  }

  s.plan = buildPlan(order, s, view, bound, intent);
  cancelStale(order, s, cmds, bound, time, intent);
  reconcile(order, s, cmds);
}

function endReason(order: OrderSpec, policy: Policy): string {
  if (policy.endBehavior === "expire") return "End time reached";
  if (order.params.passiveOnly) return "End time reached (passive_only: no crossing to finish)";
  if (order.params.strictDuration) return "End time reached (strict_duration: no catch-up at the end)";
  const limits: string[] = [];
  if (order.limitPrice) limits.push("limit price");
  if (order.povLimit) limits.push("pov_limit");
  return `Could not finish by the end time${limits.length ? ` within the ${limits.join(" and ")}` : ""}`;
}

function context(order: OrderSpec, s: CoreState, view: MarketView, bound: PriceBound | null): PolicyContext {
  const end = s.seg.end;
  const span = end === null ? 0 : end - s.seg.start;
  return {
    order,
    state: s,
    view,
    time: view.time,
    Q: order.targetQty,
    E: executedTarget(order, s),
    remaining: remainingTarget(order, s),
    segBase: dec(s.seg.base),
    segStart: s.seg.start,
    segEnd: end,
    progress: end === null ? 1 : timeProgress(view.time, s.seg.start, end),
    sliceMs: span > 0 ? span / Math.max(1, s.seg.slices) : 60_000,
    bound,
    passiveness: num(order.passiveness),
    discretion: num(order.discretion),
    alphaTilt: num(order.alphaTilt),
  };
}

/** Turn an intent (target units, passiveness) into prices and base sizes. */
function buildPlan(
  order: OrderSpec,
  s: CoreState,
  view: MarketView,
  bound: PriceBound | null,
  intent: Intent,
): Plan {
  const spec = s.spec;
  const side = order.side;
  const passiveOnly = order.params.passiveOnly;
  let take = intent.take.gt(0) ? intent.take : ZERO;
  let rest = intent.rest.gt(0) ? intent.rest : ZERO;
  let p = intent.passiveness;
  let mode = intent.restMode ?? "level";
  if (passiveOnly) {
    // Never cross: what the schedule wants taken joins the touch instead.
    if (take.gt(0)) {
      rest = rest.add(take);
      take = ZERO;
      p = Math.min(p, TOUCH_UP_TO_PASSIVENESS);
      mode = "level";
    }
    p = Math.max(p, CROSS_BELOW_PASSIVENESS);
  } else if (p < CROSS_BELOW_PASSIVENESS && rest.gt(0) && !intent.restPrice) {
    // Passiveness 0 does not rest: the strategy's resting quantity is ignored (it takes per schedule).
    rest = ZERO;
  }
  const touch = { bid: view.bid, ask: view.ask, mid: view.mid };
  const plan: Plan = { time: view.time, take: null, rest: null };
  const executedBase = dec(s.executedBase);

  if (take.gt(0)) {
    const far = farTouch(side, touch);
    const guess = toBase(order, take, far);
    let price: Dec | null;
    let kind: "limit" | "market" = "limit";
    if (intent.takePrice) {
      price = withinBound(bound, intent.takePrice) ? intent.takePrice : null;
    } else if (intent.takeKind === "market" && !bound) {
      price = null;
      kind = "market";
    } else {
      price = sweepPrice(spec, side, side === "buy" ? view.asks : view.bids, touch, guess, bound);
    }
    if (price !== null || kind === "market") {
      // Quote-sized orders convert at the price that keeps the notional within the target: a buy at
      // the worst level it may reach, a sell at the best it may get.
      const sweep = sweepPrice(spec, side, side === "buy" ? view.asks : view.bids, touch, guess, null) ?? far;
      const ref = side === "buy" ? Dec.max(sweep, price ?? sweep) : far;
      const size = toBase(order, take, ref);
      plan.take = { size: size.toFixed(), price: price ? price.toFixed() : null, ref: ref.toFixed(), kind };
    } else if (!passiveOnly && bound) {
      // The far touch is beyond the limit: rest at the limit instead of taking.
      rest = rest.add(take);
      mode = "level";
    }
  }

  if (rest.gt(0)) {
    let price: Dec | null;
    if (intent.restPrice) {
      price = intent.restPrice;
      if (passiveOnly) {
        // Post-only children must not cross: rest at the price or the last passive one.
        const alt = passivePrice(spec, side, touch, CROSS_BELOW_PASSIVENESS, {
          kind: side === "buy" ? "max" : "min",
          price,
        });
        price = alt;
      }
      if (price && !withinBound(bound, price)) price = null;
    } else {
      price = passivePrice(spec, side, touch, Math.max(p, CROSS_BELOW_PASSIVENESS), bound);
    }
    if (price) {
      const restBase = toBase(order, rest, price);
      const quantum = Dec.max(
        intent.restQuantum ? toBase(order, intent.restQuantum, price) : ZERO,
        minChildSize(spec, price),
      );
      plan.rest = {
        mode,
        size: (mode === "level" ? executedBase.add(restBase) : restBase).toFixed(),
        price: price.toFixed(),
        postOnly: passiveOnly,
        maxChildren: intent.maxRestChildren ?? DEFAULT_MAX_REST_CHILDREN,
        quantum: roundSizeDown(spec, quantum).toFixed(),
      };
    }
  }
  return plan;
}

/** Cancel resting children that are outside the limit, unwanted, stale (touch moved away) or excess. */
function cancelStale(
  order: OrderSpec,
  s: CoreState,
  cmds: Command[],
  bound: PriceBound | null,
  time: number,
  intent: Intent,
): void {
  const plan = s.plan;
  const side = order.side;
  const mid = dec(s.lastMid);
  const tick = gridOf(s.spec).tick;
  const active = order.params.activeLimit;
  const threshold = active ? tick : Dec.max(tick, mid.mul(REPEG_THRESHOLD_BPS).div(10_000));
  const minRest = active ? 0 : REPEG_MIN_REST_MS;
  const keep: [string, ChildRecord][] = [];
  for (const [id, c] of Object.entries(s.children)) {
    if (c.status === "canceling" || !isResting(c) || c.price === null) continue;
    const price = dec(c.price);
    if (!withinBound(bound, price) || !plan?.rest) {
      cancelChild(s, id, cmds);
      continue;
    }
    const desired = dec(plan.rest.price);
    const behind = behindBy(side, price, desired);
    const stale = behind.gt(threshold) && time - c.placedAt >= minRest;
    // A child resting ahead of where passiveness now wants it is kept, unless a fixed price moved.
    const misplaced = intent.restPrice != null && !price.eq(desired) && time - c.placedAt >= minRest;
    if (stale || misplaced) {
      cancelChild(s, id, cmds);
      continue;
    }
    keep.push([id, c]);
  }
  if (!plan?.rest) {
    if (plan?.take) makeRoomForTake(order, s, cmds, plan, keep);
    return;
  }
  // Too much resting for the plan: cancel the newest first.
  let target =
    plan.rest.mode === "level" ? dec(plan.rest.size).sub(dec(s.executedBase)) : dec(plan.rest.size);
  if (plan.take) {
    // The take comes first: resting children must leave it room within the remaining quantity.
    const price = dec(plan.take.ref);
    const room = roundSizeDown(s.spec, toBase(order, remainingTarget(order, s), price)).sub(
      dec(plan.take.size),
    );
    target = Dec.max(ZERO, Dec.min(target, room));
  }
  const slack = dec(plan.rest.quantum);
  let resting = keep.reduce((sum, [, c]) => sum.add(unfilled(c)), ZERO);
  keep.sort((a, b) => b[1].placedAt - a[1].placedAt || b[0].localeCompare(a[0]));
  for (const [id, c] of keep) {
    if (resting.lte(target.add(slack))) break;
    cancelChild(s, id, cmds);
    resting = resting.sub(unfilled(c));
  }
}

/** Without a resting plan: cancel resting children (newest first) that would stop the take fitting. */
function makeRoomForTake(
  order: OrderSpec,
  s: CoreState,
  cmds: Command[],
  plan: Plan,
  keep: [string, ChildRecord][],
): void {
  const price = dec(plan.take!.ref);
  const room = roundSizeDown(s.spec, toBase(order, remainingTarget(order, s), price)).sub(plan.take!.size);
  let resting = keep.reduce((sum, [, c]) => sum.add(unfilled(c)), ZERO);
  keep.sort((a, b) => b[1].placedAt - a[1].placedAt || b[0].localeCompare(a[0]));
  for (const [id, c] of keep) {
    if (resting.lte(Dec.max(ZERO, room))) break;
    cancelChild(s, id, cmds);
    resting = resting.sub(unfilled(c));
  }
}

// ── placing children ──────────────────────────────────────────────────────────────────────────

/** Room left under pov_limit (base units, live children included); null without a limit. */
function povRoom(order: OrderSpec, s: CoreState): Dec | null {
  if (!order.povLimit) return null;
  const l = order.povLimit;
  const cap = dec(s.othersVolume).mul(l).div(new Dec(1).sub(l)).add(s.spec.minSize);
  return cap.sub(dec(s.executedBase)).sub(outstanding(s));
}

const WANT_ROUNDING = new Dec("1.000000001");

interface Sized {
  size: Dec;
  final: boolean;
}

/**
 * The size of the next child wanting `want` (base units) at `price`: within the remaining quantity
 * (live children counted), pov_limit and max_clip_size; at least the venue's minimum unless it is the
 * order's last remainder; never leaving a tail smaller than the minimum behind it.
 */
function sizeChild(
  order: OrderSpec,
  s: CoreState,
  want: Dec,
  price: Dec,
  bumpToMinimum: boolean,
): Sized | null {
  const spec = s.spec;
  const live = outstanding(s);
  const remainingBase = roundSizeDown(spec, toBase(order, remainingTarget(order, s), price));
  const avail = remainingBase.sub(live);
  if (avail.lte(0)) return null;
  const minimum = minChildSize(spec, price);
  let cap = avail;
  const room = povRoom(order, s);
  if (room !== null) cap = Dec.min(cap, room);
  if (order.params.maxClipSize) cap = Dec.min(cap, roundSizeDown(spec, order.params.maxClipSize.div(price)));
  cap = roundSizeDown(spec, cap);
  // Schedules are computed in floating fractions: 1/30 of 3 must be 0.1, not 0.09999.
  let size = roundSizeDown(spec, Dec.min(want.mul(WANT_ROUNDING), cap));
  if (size.lt(minimum)) {
    if (cap.gte(minimum) && (bumpToMinimum || avail.lte(minimum.mul(2)))) size = minimum;
    else if (avail.lt(minimum) && live.isZero() && cap.eq(avail) && avail.gt(0))
      return { size: avail, final: true };
    else return null;
  }
  const tail = avail.sub(size);
  if (tail.gt(0) && tail.lt(minimum)) {
    if (cap.gte(avail)) size = avail;
    else if (avail.sub(minimum).gte(minimum)) size = Dec.min(size, avail.sub(minimum));
  }
  return size.gt(0) ? { size, final: false } : null;
}

function place(
  order: OrderSpec,
  s: CoreState,
  cmds: Command[],
  child: {
    kind: "limit" | "market";
    tif: "GTC" | "IOC";
    price: Dec | null;
    size: Dec;
    postOnly: boolean;
    final: boolean;
  },
): void {
  const clientId = `${order.id}:${s.n}`;
  s.n += 1;
  const price = child.price ? child.price.toFixed() : null;
  const size = child.size.toFixed();
  s.children[clientId] = {
    kind: child.kind,
    tif: child.tif,
    price,
    size,
    filled: "0",
    placedAt: s.lastTick,
    status: "sent",
    postOnly: child.postOnly,
    final: child.final,
  };
  cmds.push({
    type: "place",
    child: {
      clientId,
      side: order.side,
      kind: child.kind,
      price,
      size,
      tif: child.tif,
      postOnly: child.postOnly,
    },
  });
}

/** Send what the plan asks for and is not yet live: the take once, resting children up to the plan. */
function reconcile(order: OrderSpec, s: CoreState, cmds: Command[]): void {
  const plan = s.plan;
  if (!plan || s.phase !== "running" || s.oolPaused) return;
  if (plan.take) {
    const sized = sizeChild(order, s, dec(plan.take.size), dec(plan.take.ref), true);
    if (sized) {
      place(order, s, cmds, {
        kind: plan.take.kind,
        tif: "IOC",
        price: plan.take.price ? dec(plan.take.price) : null,
        size: sized.size,
        postOnly: false,
        final: sized.final,
      });
      plan.take = null;
    } else if (!Object.values(s.children).some((c) => c.status === "canceling")) {
      // Nothing to wait for: a cancel that frees quantity would have been pending.
      plan.take = null;
    }
  }
  if (plan.rest) {
    const price = dec(plan.rest.price);
    const resting = Object.values(s.children).filter((c) => isResting(c) && c.status !== "canceling");
    // A child being canceled is still visible on the venue until it confirms: it counts toward the
    // number shown (an iceberg shows one clip, never two), not toward the quantity wanted.
    let count = Object.values(s.children).filter(isResting).length;
    const restingQty = resting.reduce((sum, c) => sum.add(unfilled(c)), ZERO);
    const target =
      plan.rest.mode === "level" ? dec(plan.rest.size).sub(dec(s.executedBase)) : dec(plan.rest.size);
    let shortfall = target.sub(restingQty);
    const quantum = dec(plan.rest.quantum);
    while (count < plan.rest.maxChildren && shortfall.gt(0) && (shortfall.gte(quantum) || count === 0)) {
      const sized = sizeChild(order, s, shortfall, price, false);
      if (!sized) break;
      place(order, s, cmds, {
        kind: "limit",
        tif: "GTC",
        price,
        size: sized.size,
        postOnly: plan.rest.postOnly,
        final: sized.final,
      });
      count += 1;
      shortfall = shortfall.sub(sized.size);
    }
  }
}

function cancelChild(s: CoreState, id: string, cmds: Command[]): void {
  const c = s.children[id];
  if (!c || c.status === "canceling") return;
  c.status = "canceling";
  cmds.push({ type: "cancel", clientId: id });
}

function cancelAll(s: CoreState, cmds: Command[]): void {
  for (const id of Object.keys(s.children)) cancelChild(s, id, cmds);
}

function say(
  s: CoreState,
  cmds: Command[],
  key: string,
  level: "INFO" | "WARN" | "ERROR",
  message: string,
): void {
  if (s.said.includes(key)) return;
  s.said.push(key);
  cmds.push({ type: "log", level, message });
}

// ── finishing ─────────────────────────────────────────────────────────────────────────────────

/** Complete now if nothing is live, else cancel what is and complete when the venue confirms. */
function wrapUp(order: OrderSpec, s: CoreState, cmds: Command[], time: number, note: Note | null): void {
  s.finishNote = note;
  s.plan = null;
  if (hasLive(s)) {
    cancelAll(s, cmds);
    s.phase = "finishing";
    s.finishSince = time;
    return;
  }
  finish(order, s, cmds);
}

function finish(order: OrderSpec, s: CoreState, cmds: Command[]): void {
  s.phase = "done";
  s.plan = null;
  const note = s.finishNote;
  const unit = unitOf(order, s.spec);
  const avg = dec(s.executedBase).gt(0) ? dec(s.executedNotional).div(dec(s.executedBase)) : null;
  const summary = `Executed ${fmt(executedTarget(order, s))} of ${fmt(order.targetQty)} ${unit}${avg ? ` at an average price of ${fmt(avg.toDecimalPlaces(8))}` : ""}.`;
  if (note) cmds.push({ type: "log", level: note.level, message: note.message });
  cmds.push({ type: "complete", reason: note ? `${note.message} ${summary}` : summary });
}

/** Completes (or starts finishing) when the target is reached or a one-shot strategy has settled. */
function closeIfDone(policy: Policy, order: OrderSpec, s: CoreState, cmds: Command[], time: number): boolean {
  if (s.phase !== "running") return false;
  if (isFilled(order, s)) {
    wrapUp(order, s, cmds, time, null);
    return true;
  }
  const settled = policy.settled?.(order, s);
  if (settled && !hasLive(s)) {
    wrapUp(order, s, cmds, time, settled);
    return true;
  }
  return false;
}

// ── venue events ──────────────────────────────────────────────────────────────────────────────

function onFill(policy: Policy, order: OrderSpec, s: CoreState, event: FillEvent, cmds: Command[]): void {
  s.executedBase = dec(s.executedBase).add(event.size).toFixed();
  s.executedNotional = dec(s.executedNotional).add(event.size.mul(event.price)).toFixed();
  s.fees = dec(s.fees).add(event.fee).toFixed();
  s.fills += 1;
  const c = s.children[event.clientId];
  if (c) {
    c.filled = dec(c.filled).add(event.size).toFixed();
    if (dec(c.filled).gte(dec(c.size))) delete s.children[event.clientId];
  }
  if (s.phase === "finishing" && !hasLive(s)) return finish(order, s, cmds);
  if (s.phase !== "running") return;
  if (closeIfDone(policy, order, s, cmds, event.time)) return;
  // Answers within the same engine cycle act on the tick's plan; later ones wait for the next tick
  // (its prices would be stale: a "passive" price from a second ago may cross now).
  if (s.plan && event.time === s.plan.time) reconcile(order, s, cmds);
}

function onPlacement(
  policy: Policy,
  order: OrderSpec,
  s: CoreState,
  event: PlacementEvent,
  cmds: Command[],
): void {
  const c = s.children[event.clientId];
  if (event.status === "open") {
    if (c && c.status === "sent") c.status = "open";
    return;
  }
  if (c) delete s.children[event.clientId];
  if (event.status === "rejected" && s.phase !== "done") {
    const why = event.reason ? `: ${event.reason}` : "";
    switch (event.subStatus) {
      case "INSUFFICIENT_BALANCE": {
        cancelAll(s, cmds);
        s.phase = "done";
        s.plan = null;
        cmds.push({
          type: "fail",
          reason: `Insufficient balance for a ${order.side} of ${c ? fmt(c.size) : "?"} ${s.spec.base}${why}`,
        });
        return;
      }
      case "MIN_AMOUNT": {
        s.minRejects += 1;
        const left = remainingTarget(order, s);
        const unit = unitOf(order, s.spec);
        const minimum = `min size ${s.spec.minSize} ${s.spec.base}, min notional ${s.spec.minNotional} ${s.spec.quote}`;
        cmds.push({
          type: "log",
          level: "WARN",
          message: `Child ${event.clientId} (${c ? fmt(c.size) : "?"} ${s.spec.base}) rejected: below the pair's minimum order (${minimum})${why}.`,
        });
        if ((c?.final ?? false) || s.minRejects >= MAX_MIN_REJECTS) {
          wrapUp(order, s, cmds, event.time, {
            level: "WARN",
            message: `The remaining ${fmt(left)} ${unit} is below the pair's minimum order (${minimum}) and cannot be placed: order completed short.`,
          });
          return;
        }
        break;
      }
      case "POST_ONLY_WOULD_TAKE":
        // The touch moved under a post-only child; the next tick re-prices.
        if (s.plan) s.plan.rest = null;
        break;
      default:
        say(
          s,
          cmds,
          `reject:${event.subStatus ?? "?"}`,
          "WARN",
          `Child ${event.clientId} rejected (${event.subStatus ?? "unknown"})${why}.`,
        );
        if (s.plan) {
          s.plan.take = null;
          s.plan.rest = null;
        }
    }
  }
  if (s.phase === "finishing") {
    if (!hasLive(s)) finish(order, s, cmds);
    return;
  }
  if (s.phase !== "running") return;
  if (closeIfDone(policy, order, s, cmds, event.time)) return;
  // Answers within the same engine cycle act on the tick's plan; later ones wait for the next tick
  // (its prices would be stale: a "passive" price from a second ago may cross now).
  if (s.plan && event.time === s.plan.time) reconcile(order, s, cmds);
}
