import "server-only";

/** The Gateway's name for the offline chain (`chain: "local"`). */
export const LOCAL_CHAIN_NAME = "local";

/** Its EVM chain id: TRANCHE_CHAIN_ID, default 31337 (the usual local-devnet id), as the EVM chain's. */
export { configuredChainId as localChainId } from "../../chain/config";

/** The pools' fee: 0.3 %, as Uniswap V2 charges. */
export const POOL_FEE_BPS = 30;

/** Quote-side depth of each seeded pool, whole USDC: 10 M, so a 1,000 USDC swap moves it ~0.01 %. */
export const POOL_QUOTE_DEPTH = 10_000_000n;

/** Gas fields of the transactions we build. The offline ledger does not charge gas. */
export const GAS = {
  approve: 60_000n,
  transfer: 65_000n,
  swap: 200_000n,
  maxFeePerGas: 2_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
};

/** What the seeded admin's custodial address starts with (whole tokens). */
export const ADMIN_FUNDING: Record<string, string> = {
  USDC: "250000",
  ETH: "50",
  BTC: "2",
  SOL: "1000",
};
