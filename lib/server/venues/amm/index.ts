import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { LOCAL_CHAIN_NAME, localChainId } from "./config";
import { AmmVenue } from "./venue";

export { AmmVenue, TransactionRejected, type Receipt, type TokenBalance } from "./venue";
export { LOCAL_CHAIN_NAME, localChainId } from "./config";

/** The Gateway's `chain` values and the venue behind each (only the offline `local` chain today). */
export const DEFI_CHAINS = [LOCAL_CHAIN_NAME] as const;

const state = globalThis as unknown as { __trancheAmm?: AmmVenue };

/** The offline chain's venue. */
export function localAmm(): AmmVenue {
  return (state.__trancheAmm ??= new AmmVenue(localChainId(), db));
}

/** The venue of a Gateway `chain`; an unknown chain is a 400 naming the known ones. */
export function defiVenue(chain: string): AmmVenue {
  if (chain === LOCAL_CHAIN_NAME) return localAmm();
  throw new AppError("bad_request", `Unknown chain "${chain}" (known: ${DEFI_CHAINS.join(", ")}).`, {
    fieldErrors: [{ field: "chain", message: `unknown chain (known: ${DEFI_CHAINS.join(", ")})` }],
  });
}
