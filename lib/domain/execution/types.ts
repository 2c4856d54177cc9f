import type { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";
import type { BookLevel, PairSpec } from "../market/types";
import type { OrderSpec } from "../orders/types";

/**
 * Algorithms are pure reducers: `init` and `step` take the order, the previous state and an event,
 * and return the next state and commands for the engine (place, cancel, log, complete, fail).
 * They never call a venue or read a clock: time and the market come in with the event.
 */

/** What an algorithm sees of the market on a tick. */
export interface MarketView {
  time: number;
  spec: PairSpec;
  bid: Dec;
  ask: Dec;
  mid: Dec;
  bids: BookLevel[];
  asks: BookLevel[];
  /** Others' traded volume (base units) since the previous tick of this order. */
  tradedVolume: Dec;
  /** Others' traded notional (quote units) since the previous tick of this order. */
  tradedNotional: Dec;
  /** Expected market volume (base units) over [from, to): the volume profile, for VWAP and POV pacing. */
  expectedVolume: (from: number, to: number) => Dec;
}

/** A child order the engine should send. Sizes are base units, prices quote per base; decimal strings. */
export interface ChildOrder {
  /** Deterministic id: `${orderId}:${n}`, so a replayed tick after a crash sends the same child. */
  clientId: string;
  side: Side;
  kind: "limit" | "market";
  price: string | null;
  size: string;
  /** GTC rests until filled or canceled; IOC takes what it can and cancels the rest. */
  tif: "GTC" | "IOC";
  /** Rejected by the venue instead of taking liquidity. */
  postOnly: boolean;
}

export type Command =
  | { type: "place"; child: ChildOrder }
  | { type: "cancel"; clientId: string }
  | { type: "log"; level: "INFO" | "WARN" | "ERROR"; message: string }
  | { type: "complete"; reason?: string }
  | { type: "fail"; reason: string };

export interface FillEvent {
  type: "fill";
  clientId: string;
  time: number;
  price: Dec;
  size: Dec; // base units
  fee: Dec; // quote units
  role: "MAKE" | "TAKE";
}

/** The venue's answer about a child order, other than fills. */
export interface PlacementEvent {
  type: "placement";
  clientId: string;
  time: number;
  status: "open" | "filled" | "canceled" | "rejected";
  /** Why it was rejected: MIN_AMOUNT, INSUFFICIENT_BALANCE, POST_ONLY_WOULD_TAKE, … */
  subStatus?: string;
  reason?: string;
}

export type AlgoEvent =
  | { type: "tick"; time: number; market: MarketView }
  | FillEvent
  | PlacementEvent
  /** The order was amended: `order` is the new spec (quantity, end time, pov_target, limit_price). */
  | { type: "amend"; time: number; order: OrderSpec }
  | { type: "pause"; time: number }
  | { type: "resume"; time: number; order: OrderSpec }
  | { type: "cancel"; time: number };

/** JSON-serialisable state: the engine stores it with the order between ticks. */
export type AlgoState = Record<string, unknown>;

export interface StepResult<S extends AlgoState = AlgoState> {
  state: S;
  commands: Command[];
}

export interface Algorithm<S extends AlgoState = AlgoState> {
  /** Problems with the order's parameters for this strategy (empty when valid). */
  validate(order: OrderSpec): string[];
  init(order: OrderSpec, market: MarketView): StepResult<S>;
  step(order: OrderSpec, state: S, event: AlgoEvent): StepResult<S>;
}
