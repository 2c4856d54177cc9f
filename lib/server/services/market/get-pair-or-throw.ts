import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { PairSpec } from "@/lib/domain/market/types";
import { venue, type Venue } from "../../venues";

/** The venue whose market the dashboard shows: the simulated exchange every paper account trades on. */
export const MARKET_VENUE = "sim";

/** The pair's rules on the market venue, or a 404 that lists the pairs it does trade. */
export function getPairOrThrow(pair: string): { spec: PairSpec; market: Venue } {
  const market = venue(MARKET_VENUE);
  const spec = market.spec(pair);
  if (!spec) {
    const listed = market
      .pairs()
      .map((p) => p.pair)
      .join(", ");
    throw new AppError("not_found", `Unknown pair ${pair} (traded: ${listed}).`);
  }
  return { spec, market };
}
