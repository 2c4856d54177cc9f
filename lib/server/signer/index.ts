import "server-only";
import { db } from "../db";
import { LocalCustodialSigner, type CustodialSigner } from "./custodial-signer";

export type { CustodialSigner } from "./custodial-signer";

const state = globalThis as unknown as { __trancheSigner?: CustodialSigner };

/** The process's custodial signer (keys in the database, sealed under TRANCHE_ENCRYPTION_KEY). */
export function custodialSigner(): CustodialSigner {
  return (state.__trancheSigner ??= new LocalCustodialSigner(db));
}
