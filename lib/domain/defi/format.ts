import { fromBaseUnits } from "./units";

/**
 * How token amounts read in what a person signs: exact amounts grouped by thousands ("1,000.5"),
 * guaranteed minimums rounded down (a "≥" must never promise more than the transaction enforces).
 */

/** "1234567.5" → "1,234,567.5" */
export function groupThousands(plain: string): string {
  const negative = plain.startsWith("-");
  const [whole, fraction] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** The exact amount, grouped: 1000000000n with 6 decimals → "1,000". */
export function formatUnits(units: bigint, decimals: number): string {
  return groupThousands(fromBaseUnits(units, decimals));
}

/** Units truncated (toward zero) to `places` decimals, keeping trailing zeros: (0.01129, 4) → "0.0112". */
export function floorToPlaces(units: bigint, decimals: number, places: number): string {
  const keep = Math.min(places, decimals);
  const scale = 10n ** BigInt(decimals - keep);
  const truncated = (units / scale) * scale;
  const plain = fromBaseUnits(truncated, decimals);
  const [whole, fraction = ""] = plain.split(".");
  return keep === 0 ? whole! : `${whole}.${fraction.padEnd(keep, "0")}`;
}

/**
 * Decimals that show `significant` digits of the amount, and at least `minPlaces`
 * (0.011234 → 5 for 4 significant digits; 31234.5 → 2).
 */
export function placesFor(units: bigint, decimals: number, significant = 4, minPlaces = 2): number {
  if (units <= 0n) return Math.min(minPlaces, decimals);
  const digits = units.toString().length; // digits of the integer in base units
  const magnitude = digits - decimals; // position of the leading digit relative to the point
  return Math.min(decimals, Math.max(minPlaces, significant - magnitude));
}

/** A minimum, rounded down to 4 significant digits (at least 2 decimals), grouped: "0.01123". */
export function formatAtLeast(units: bigint, decimals: number): string {
  const places = placesFor(units, decimals);
  const text = floorToPlaces(units, decimals, places);
  // Trailing zeros say nothing about a minimum; keep at least the whole part.
  return groupThousands(text.includes(".") ? text.replace(/\.?0+$/, "") : text);
}

/** What the approve step asks: "Approve 1,000 USDC". */
export function approveSummary(amountIn: bigint, token: { symbol: string; decimals: number }): string {
  return `Approve ${formatUnits(amountIn, token.decimals)} ${token.symbol}`;
}

/** What the swap step asks: "Swap 1,000 USDC for ≥ 0.0112 ETH". */
export function swapSummary(
  amountIn: bigint,
  tokenIn: { symbol: string; decimals: number },
  minOut: bigint,
  tokenOut: { symbol: string; decimals: number },
): string {
  return `Swap ${formatUnits(amountIn, tokenIn.decimals)} ${tokenIn.symbol} for ≥ ${formatAtLeast(minOut, tokenOut.decimals)} ${tokenOut.symbol}`;
}

/**
 * Why a swap reverted on slippage, with both amounts at the same precision and enough of it to
 * tell them apart: "Swap reverted: output 0.0110 ETH below minimum 0.0112 ETH".
 */
export function slippageRevertReason(
  amountOut: bigint,
  minOut: bigint,
  token: { symbol: string; decimals: number },
): string {
  let places = placesFor(minOut, token.decimals);
  let out = floorToPlaces(amountOut, token.decimals, places);
  let min = floorToPlaces(minOut, token.decimals, places);
  while (out === min && places < token.decimals) {
    places += 1;
    out = floorToPlaces(amountOut, token.decimals, places);
    min = floorToPlaces(minOut, token.decimals, places);
  }
  return `Swap reverted: output ${groupThousands(out)} ${token.symbol} below minimum ${groupThousands(min)} ${token.symbol}`;
}

/** What the funding bridge's transfer asks: "Bridge 1,250.5 USDC to your CeFi account paper". */
export function bridgeSummary(
  amount: bigint,
  token: { symbol: string; decimals: number },
  account: string,
): string {
  return `Bridge ${formatUnits(amount, token.decimals)} ${token.symbol} to your CeFi account ${account}`;
}
