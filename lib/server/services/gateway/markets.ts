import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { DEFI_QUOTE, DEFI_TOKENS, defiToken, type DefiToken } from "@/lib/domain/defi/tokens";
import type { PairSpec } from "@/lib/domain/market/types";
import { venue } from "../../venues";

/**
 * How Gateway asset names map onto venues.
 * - CeFi (no `chain`): the caller's default paper account on the simulated exchange, whose pairs
 *   quote in USDT. `quote_asset` may be `USDT` or `USDC`; USDC is read as the exchange's dollar
 *   (USDT), and the order, its fills and its balances are in USDT, as the account holds them.
 * - DeFi (`chain: "local"`): the chain's ERC-20 tokens ETH, BTC, SOL and USDC; every pool is an
 *   asset against USDC.
 */
export const CEFI_VENUE = "sim";
const CEFI_QUOTE_ALIASES: Record<string, string> = { USDT: "USDT", USDC: "USDT" };

export function cefiMarket(baseAsset: string, quoteAsset: string): PairSpec {
  const quote = CEFI_QUOTE_ALIASES[quoteAsset];
  const spec = quote ? venue(CEFI_VENUE).spec(`${baseAsset}-${quote}`) : undefined;
  if (!spec) {
    const listed = venue(CEFI_VENUE)
      .pairs()
      .map((p) => `${p.base}/${p.quote} (or ${p.base}/USDC)`)
      .join(", ");
    throw new AppError(
      "bad_request",
      `${baseAsset}/${quoteAsset} is not traded on the CeFi venue (traded: ${listed}).`,
    );
  }
  return spec;
}

export function defiMarket(
  baseAsset: string,
  quoteAsset: string,
  chain: string,
): { base: DefiToken; quote: DefiToken } {
  const base = defiToken(baseAsset);
  const quote = defiToken(quoteAsset);
  if (!base || !quote || quote.symbol !== DEFI_QUOTE || base.symbol === DEFI_QUOTE) {
    const listed = Object.values(DEFI_TOKENS)
      .filter((token) => token.symbol !== DEFI_QUOTE)
      .map((token) => `${token.symbol}/${DEFI_QUOTE}`)
      .join(", ");
    throw new AppError(
      "bad_request",
      `${baseAsset}/${quoteAsset} has no pool on the ${chain} chain (pools: ${listed}).`,
    );
  }
  return { base, quote };
}
