import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { SimVenue } from "./sim";
import type { Venue } from "./types";
import type { PairSpec } from "@/lib/domain/market/types";

export type { Venue } from "./types";

/** Venues available to accounts. `sim` is always there; real exchanges arrive through ccxt. */
export const VENUE_NAMES = ["sim"] as const;

const state = globalThis as unknown as { __trancheVenues?: Map<string, Venue> };

/** The simulated market's seed: every process with the same seed sees the same market. */
export const simSeed = (): string => process.env.TRANCHE_SIM_SEED || "tranche";

export function venue(name: string): Venue {
  const venues = (state.__trancheVenues ??= new Map());
  let found = venues.get(name);
  if (!found) {
    if (name !== "sim") throw new AppError("unavailable", `Venue ${name} is not available.`);
    found = new SimVenue(simSeed());
    venues.set(name, found);
  }
  return found;
}

/** A pair's rules on a venue, or undefined when the venue is not one of ours or does not list it. */
export function listedPair(name: string, pair: string): PairSpec | undefined {
  return (VENUE_NAMES as readonly string[]).includes(name) ? venue(name).spec(pair) : undefined;
}
