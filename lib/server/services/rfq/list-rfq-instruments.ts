import "server-only";
import type { TInstruments } from "@/lib/contracts/rfq";
import { EXCHANGES, LISTINGS, STABLECOIN, STOCK_DECIMALS } from "@/lib/domain/rfq/instruments";
import { openDesk } from "./desk";

/** GET /api/v1/instruments: the listed stocks with their token contracts, and the stablecoin. */
export async function listRfqInstruments(): Promise<TInstruments> {
  const desk = await openDesk();
  return {
    instruments: LISTINGS.map((listing) => ({
      ticker: listing.ticker,
      exchange: listing.exchange,
      exchange_name: EXCHANGES[listing.exchange] ?? String(listing.exchange),
      name: listing.name,
      asset: desk.contracts.stocks[`${listing.ticker}:${listing.exchange}`]!,
      decimals: STOCK_DECIMALS,
    })),
    stablecoin: { ...STABLECOIN, asset: desk.contracts.stablecoin },
    chain_id: desk.open.chainId,
    settlement: desk.contracts.settlement,
    fee_bps: desk.feeBps,
  };
}
