/**
 * What the RFQ desk lists: one stock token per (ticker, exchange), whole shares (0 decimals), and a
 * dollar stablecoin with 18 decimals in which prices, incentives and fees are counted.
 */
export const EXCHANGES: Record<number, string> = { 0: "NASDAQ" };

export interface Listing {
  ticker: string;
  exchange: number;
  name: string;
}

export const LISTINGS: readonly Listing[] = [
  { ticker: "AAPL", exchange: 0, name: "Apple Inc." },
  { ticker: "MSFT", exchange: 0, name: "Microsoft Corporation" },
  { ticker: "NVDA", exchange: 0, name: "NVIDIA Corporation" },
  { ticker: "TSLA", exchange: 0, name: "Tesla, Inc." },
];

export const STOCK_DECIMALS = 0;
export const STABLECOIN = { symbol: "TUSD", name: "Tranche USD", decimals: 18 } as const;

/** The registry name of a listing's token contract. */
export const stockContractName = (listing: Pick<Listing, "ticker" | "exchange">): string =>
  `StockToken:${listing.ticker}:${listing.exchange}`;

export const findListing = (ticker: string, exchange: number): Listing | undefined =>
  LISTINGS.find((listing) => listing.ticker === ticker && listing.exchange === exchange);
