import "server-only";
import type { TMarketPairs } from "@/lib/contracts/market";
import { venue } from "../../venues";
import { MARKET_VENUE } from "./get-pair-or-throw";
import { serializePair } from "./serializers";

/** Every pair the market venue trades, with its rules, fees and current bid / ask / mid. */
export async function listPairs({ now = Date.now() }: { now?: number } = {}): Promise<TMarketPairs> {
  const market = venue(MARKET_VENUE);
  return {
    pairs: market.pairs().map((spec) => serializePair(MARKET_VENUE, spec, market.book(spec.pair, now))),
  };
}
