/**
 * Tokens of the DeFi venue, by the names the Gateway uses for them (`ETH`, `BTC`, `SOL`, `USDC`).
 * On the offline chain they are ERC-20-like contracts (ETH and BTC as wrapped tokens, as a router
 * swaps them); `decimals` is how many base units make one token, as the contract reports it.
 */
export interface DefiToken {
  symbol: DefiSymbol;
  name: string;
  decimals: number;
}

export const DEFI_SYMBOLS = ["ETH", "BTC", "SOL", "USDC"] as const;
export type DefiSymbol = (typeof DEFI_SYMBOLS)[number];

export const DEFI_TOKENS: Record<DefiSymbol, DefiToken> = {
  ETH: { symbol: "ETH", name: "Ether", decimals: 18 },
  BTC: { symbol: "BTC", name: "Bitcoin", decimals: 8 },
  SOL: { symbol: "SOL", name: "Solana", decimals: 9 },
  USDC: { symbol: "USDC", name: "USD Coin", decimals: 6 },
};

/** Every pool is the asset against USDC. */
export const DEFI_QUOTE: DefiSymbol = "USDC";
export const DEFI_BASES: readonly DefiSymbol[] = ["ETH", "BTC", "SOL"];

export function isDefiSymbol(value: string): value is DefiSymbol {
  return (DEFI_SYMBOLS as readonly string[]).includes(value);
}

/** The token named, or undefined (names are matched case-insensitively, as clients type them). */
export function defiToken(symbol: string): DefiToken | undefined {
  const upper = symbol.trim().toUpperCase();
  return isDefiSymbol(upper) ? DEFI_TOKENS[upper] : undefined;
}
