import "server-only";
import { getAddress, keccak256, stringToHex, type Address } from "viem";

/**
 * Contract addresses on the offline chain: deterministic (keccak of a label, like CREATE2 gives a
 * fixed address), so every instance and every restart agrees without a deployment step.
 */
const derive = (label: string): Address => getAddress(`0x${keccak256(stringToHex(label)).slice(-40)}`);

export const tokenAddress = (chainId: number, symbol: string): Address =>
  derive(`tranche:${chainId}:token:${symbol}`);
export const routerAddress = (chainId: number): Address => derive(`tranche:${chainId}:router`);
/**
 * Where the funding bridge takes dollars on this chain for the CeFi venue (an exchange's deposit
 * address): what arrives here is credited to the sender's paper account. Nobody holds its key.
 */
export const cefiDepositAddress = (chainId: number): Address => derive(`tranche:${chainId}:cefi-deposit`);

/** Uniswap orders a pair's tokens by address; the pool's address follows from the pair. */
export function sortTokens(a: Address, b: Address): [Address, Address] {
  return a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
}
export function poolAddress(chainId: number, a: Address, b: Address): Address {
  const [token0, token1] = sortTokens(a, b);
  return derive(`tranche:${chainId}:pool:${token0}:${token1}`);
}
