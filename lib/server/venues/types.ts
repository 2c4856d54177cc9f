import type { Dec } from "@/lib/domain/shared/decimal";
import type { Side } from "@/lib/domain/shared/side";
import type { BookSnapshot, PairSpec, TapeTrade } from "@/lib/domain/market/types";

/**
 * The one port every venue implements. The engine asks for market data, sends child orders and
 * learns about fills only through it. Times are epoch ms; sizes base units; prices quote per base.
 */
export interface VenueFill {
  /** The venue's id for this fill: the idempotency key (unique per venue). */
  externalId: string;
  time: number;
  price: Dec;
  size: Dec;
  fee: Dec;
  feeAsset: string;
  role: "MAKE" | "TAKE";
}

export interface ChildRequest {
  clientId: string;
  pair: string;
  side: Side;
  kind: "limit" | "market";
  price: Dec | null;
  size: Dec;
  tif: "GTC" | "IOC";
  postOnly: boolean;
  time: number;
}

export interface PlaceResult {
  status: "open" | "filled" | "canceled" | "rejected";
  subStatus?: string;
  reason?: string;
  fills: VenueFill[];
  /** For a resting order: the venue's own queue state to keep with the placement. */
  queueAhead?: Dec;
  externalId: string;
}

/** A resting child order as stored, for the venue to report fills on. */
export interface RestingOrder {
  clientId: string;
  pair: string;
  side: Side;
  price: Dec;
  size: Dec;
  filled: Dec;
  queueAhead: Dec;
  /** Fills are reported for trades in [matchedUntil, to). */
  matchedUntil: number;
}

export interface PollResult {
  clientId: string;
  fills: VenueFill[];
  filled: Dec;
  queueAhead: Dec;
  matchedUntil: number;
}

export interface Venue {
  readonly name: string;
  pairs(): PairSpec[];
  /** Undefined for a pair the venue does not list. */
  spec(pair: string): PairSpec | undefined;
  book(pair: string, time: number): BookSnapshot;
  trades(pair: string, from: number, to: number): TapeTrade[];
  expectedVolume(pair: string, from: number, to: number): Dec;
  place(request: ChildRequest): PlaceResult;
  poll(resting: RestingOrder[], to: number): PollResult[];
  cancel(clientId: string, time: number): void;
  /** Fills recorded by any process, so the venue's view of our own impact stays current. */
  observeFills(fills: { pair: string; time: number; side: Side; size: Dec; role: "MAKE" | "TAKE" }[]): void;
}
