import type { Dec } from "@/lib/domain/shared/decimal";
import type { Side } from "@/lib/domain/shared/side";
import type { AlgoState } from "@/lib/domain/execution/types";

/** What the engine keeps with an order between ticks (Order.algoState). */
export interface EngineState {
  /** The algorithm's own state; null until the order starts. */
  algo: AlgoState | null;
  /** The algorithm has been told to pause (and has canceled its children). */
  paused: boolean;
  /** amendedAt (ms) of the last amend the algorithm was told about. */
  amendSeen: number | null;
  /** Consecutive ticks that threw; the order fails after a few. */
  errors: number;
  /** A multi-order leg held back because it ran ahead of its siblings. */
  holding: boolean;
}

export const emptyEngineState = (): EngineState => ({
  algo: null,
  paused: false,
  amendSeen: null,
  errors: 0,
  holding: false,
});

export interface NewPlacement {
  id: string;
  orderId: string;
  accountId: string;
  clientId: string;
  venue: string;
  pair: string;
  side: Side;
  kind: "limit" | "market";
  tif: "GTC" | "IOC";
  postOnly: boolean;
  placementType: "MAKE" | "TAKE";
  price: Dec | null;
  size: Dec;
  filled: Dec;
  status: "open" | "filled" | "canceled" | "rejected";
  subStatus: string | null;
  reason: string | null;
  externalId: string | null;
  workerId: string | null;
  queueAhead: Dec | null;
  matchedUntil: number | null;
  createdAt: number;
  closedAt: number | null;
}

export interface PlacementChange {
  id: string;
  clientId: string;
  side: Side;
  price: Dec | null;
  size: Dec;
  placementType: "MAKE" | "TAKE";
  subStatus: string | null;
  filled: Dec;
  status: "open" | "filled" | "canceled" | "rejected";
  queueAhead: Dec | null;
  matchedUntil: number | null;
  closedAt: number | null;
}

export interface NewFill {
  id: string;
  orderId: string;
  placementId: string;
  accountId: string;
  userId: string;
  venue: string;
  pair: string;
  side: Side;
  externalId: string;
  price: Dec;
  size: Dec;
  notional: Dec;
  fee: Dec;
  feeAsset: string;
  role: "MAKE" | "TAKE";
  time: number;
}

export interface NewMessage {
  level: "INFO" | "WARN" | "ERROR";
  message: string;
  time: number;
}

/** The order's columns a tick may change. */
export interface OrderChange {
  status: string;
  timeStart: number | null;
  timeEnd: number | null;
  origTimeEnd: number | null;
  arrivalPrice: Dec | null;
  departurePrice: Dec | null;
  executedBase: Dec;
  executedQuote: Dec;
  totalFee: Dec;
  feeAsset: string | null;
  intervalVolume: Dec;
  intervalNotional: Dec;
  engineState: EngineState;
  lastTickAt: number;
  completedAt: number | null;
  failureReason: string;
}

/** Everything one tick of one order writes, in one transaction with the rest of the tick. */
export interface OrderOutcome {
  orderId: string;
  userId: string;
  /** The order's target, for the live events that carry progress. */
  targetQty: string;
  targetUnit: string;
  /** The status before this tick (an event goes out when it changes). */
  previousStatus: string;
  /** The version read; the write is dropped if the order changed since. */
  version: number;
  order: OrderChange;
  newPlacements: NewPlacement[];
  placementChanges: PlacementChange[];
  fills: NewFill[];
  messages: NewMessage[];
  balanceChanges: { accountId: string; asset: string; delta: Dec }[];
}
