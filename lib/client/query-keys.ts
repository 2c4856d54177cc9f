/** The one React Query key factory: every key the dashboard caches under. */
export const queryKeys = {
  me: () => ["me"] as const,
  tokens: {
    all: () => ["tokens"] as const,
  },
  users: {
    all: () => ["users"] as const,
  },
  passkeys: {
    all: () => ["passkeys"] as const,
  },
  signingKeys: {
    all: () => ["signing-keys"] as const,
  },
  rfq: {
    // The RFQ desk: every `rfq_order` stream event makes all of these stale.
    all: () => ["rfq"] as const,
    orders: (filter: object) => ["rfq", "orders", filter] as const,
    fills: () => ["rfq", "fills"] as const,
    wallet: () => ["rfq", "wallet"] as const,
    balances: (address: string) => ["rfq", "balances", address] as const,
  },
  gateway: {
    all: () => ["gateway"] as const,
    quote: (request: object) => ["gateway", "quote", request] as const,
    order: (id: string) => ["gateway", "orders", id] as const,
    balances: () => ["gateway", "balances"] as const,
  },

  // --- Trade, Fills, Accounts -------------------------------------------------------------------
  // Order entry, the fills list and execution statistics, accounts and balances (market data keys
  // are the orders section's `market`). Live updates: a fill event makes fills.all(), stats.all()
  // and balances.all() stale (invalidate them by prefix).
  accounts: {
    all: () => ["accounts"] as const,
  },
  balances: {
    all: () => ["balances"] as const,
  },
  fills: {
    all: () => ["fills"] as const,
    list: (filters: object, cursor: string | null) => ["fills", "list", filters, cursor] as const,
  },
  stats: {
    all: () => ["stats"] as const,
    executions: (filters: object) => ["stats", "executions", filters] as const,
  },

  // --- Orders, order detail, live stream and market data (orders pages; owner: orders/live layer) ---
  // The stream (lib/client/stream) writes into orders.active(), orders.lists() and orders.detail(id).
  orders: {
    all: () => ["orders"] as const,
    /** Every unfinished order (GET /api/orders/?statuses=SCHEDULED,ACTIVE,PAUSED,FINISHER). */
    active: () => ["orders", "active"] as const,
    /** Arrival mid and interval VWAP of the unfinished orders (GET /api/market/order_benchmarks). */
    benchmarks: () => ["orders", "benchmarks"] as const,
    /** Every page of the order history. */
    lists: () => ["orders", "list"] as const,
    list: (params: {
      page: number;
      pageSize: number;
      statuses: string[];
      accountNames: string[];
      pairs: string[];
    }) => ["orders", "list", params] as const,
    details: () => ["orders", "detail"] as const,
    detail: (id: string) => ["orders", "detail", id] as const,
    messages: (id: string) => ["orders", "messages", id] as const,
  },
  market: {
    all: () => ["market"] as const,
    pairs: () => ["market", "pairs"] as const,
    ticker: (pair: string) => ["market", "ticker", pair] as const,
    candles: (pair: string, params: { from: number; to?: number; interval: string }) =>
      ["market", "candles", pair, params] as const,
    volumeProfile: (pair: string, params: { from?: number; to?: number; buckets?: number }) =>
      ["market", "volume-profile", pair, params] as const,
  },
  // --- end of orders / live / market section ---
};
