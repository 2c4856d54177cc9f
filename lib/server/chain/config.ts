import path from "node:path";
import type { Hex } from "viem";

/**
 * Which EVM chain Tranche settles on. Unset TRANCHE_CHAIN_RPC_URL means the embedded default: an
 * Anvil node that this process starts on 127.0.0.1, with its state in TRANCHE_CHAIN_STATE (a file,
 * default ./data/anvil/state.json, or `memory` for a throwaway chain) on 127.0.0.1:TRANCHE_CHAIN_PORT
 * (default: a port the OS picks). With TRANCHE_CHAIN_RPC_URL
 * set, nothing is started and Tranche talks to that node as to any public chain.
 */
export type ChainTarget =
  | { kind: "embedded"; chainId: number; stateFile: string | null; port: number }
  | { kind: "rpc"; chainId: number; url: string };

/** Anvil's first dev account (mnemonic "test test … junk"): funded on every fresh Anvil chain. */
const ANVIL_DEV_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

/** TRANCHE_CHAIN_ID, default 31337 (Anvil's, and the offline ledger's). */
export function configuredChainId(): number {
  const raw = process.env.TRANCHE_CHAIN_ID;
  if (!raw) return 31337;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new Error(`TRANCHE_CHAIN_ID must be a positive integer (got "${raw}").`);
  return id;
}

export function chainTarget(): ChainTarget {
  const chainId = configuredChainId();
  const url = process.env.TRANCHE_CHAIN_RPC_URL?.trim();
  if (url) {
    if (!/^(https?|wss?):\/\//.test(url))
      throw new Error(
        `TRANCHE_CHAIN_RPC_URL must be an http(s):// or ws(s):// URL (got "${url.slice(0, 24)}…").`,
      );
    return { kind: "rpc", chainId, url };
  }
  const state = process.env.TRANCHE_CHAIN_STATE ?? "./data/anvil/state.json";
  const port = Number(process.env.TRANCHE_CHAIN_PORT || 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`TRANCHE_CHAIN_PORT must be a port number (got "${process.env.TRANCHE_CHAIN_PORT}").`);
  return { kind: "embedded", chainId, stateFile: state === "memory" ? null : path.resolve(state), port };
}

/**
 * The operator's key: it deploys the contracts, whitelists takers, funds their gas and runs the
 * faucet. TRANCHE_CHAIN_OPERATOR_KEY; on the embedded chain it defaults to Anvil's first dev account.
 */
export function operatorKey(target: ChainTarget): Hex {
  const raw = process.env.TRANCHE_CHAIN_OPERATOR_KEY?.trim();
  if (raw) {
    const key = (raw.startsWith("0x") ? raw : `0x${raw}`) as Hex;
    if (!/^0x[0-9a-fA-F]{64}$/.test(key))
      throw new Error("TRANCHE_CHAIN_OPERATOR_KEY must be a 32-byte hex private key.");
    return key;
  }
  if (target.kind === "embedded") return ANVIL_DEV_KEY;
  throw new Error(
    "TRANCHE_CHAIN_OPERATOR_KEY is required with TRANCHE_CHAIN_RPC_URL: the key that deploys the contracts and pays takers' gas.",
  );
}

/** Gas money (in ether) the operator gives each new taker wallet: TRANCHE_CHAIN_TAKER_GAS, default 1. */
export function takerGasEther(): string {
  const raw = process.env.TRANCHE_CHAIN_TAKER_GAS?.trim() || "1";
  if (!/^\d+(\.\d{1,18})?$/.test(raw))
    throw new Error(`TRANCHE_CHAIN_TAKER_GAS must be a decimal amount of ether (got "${raw}").`);
  return raw;
}
