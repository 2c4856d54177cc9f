// Seeds active orders through POST /api/orders/ (the Core Order API, with the admin's token), spread
// evenly over a window so their one-minute slices fall due at different seconds: with passiveness 0
// a TWAP crosses each slice as it falls due, so N orders give about N/60 fills a second, evenly.
export interface SeedOptions {
  baseUrl: string;
  token: string;
  orders: number;
  /** Spread the submissions over this long (ms). */
  spreadMs: number;
  durationSeconds: number;
  passiveness: string;
  concurrency: number;
}

/** Per pair: a size whose one-minute slices clear the venue's minimum notional. */
const PAIRS = [
  { pair: "BTC-USDT", qty: "0.02" },
  { pair: "ETH-USDT", qty: "0.5" },
  { pair: "SOL-USDT", qty: "10" },
] as const;

export async function seedOrders(
  options: SeedOptions,
): Promise<{ created: number; retried: number; failed: string[]; ms: number }> {
  const started = Date.now();
  const failed: string[] = [];
  let created = 0;
  let retried = 0;
  let next = 0;
  const submit = async (i: number, attempt = 1): Promise<void> => {
    const { pair, qty } = PAIRS[i % PAIRS.length]!;
    const response = await fetch(`${options.baseUrl}/api/orders/`, {
      method: "POST",
      headers: { Authorization: `Token ${options.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        pair,
        side: i % 2 === 0 ? "buy" : "sell",
        accounts: ["paper"],
        strategy: "TWAP",
        duration: options.durationSeconds,
        base_asset_qty: qty,
        engine_passiveness: options.passiveness,
        custom_order_id: `bench-ui-${i}`,
      }),
    });
    if (response.status === 201) created += 1;
    // The embedded database can refuse a request under concurrency (see the bench's report): retry.
    else if ((response.status >= 500 || response.status === 401) && attempt < 3) {
      retried += 1;
      return submit(i, attempt + 1);
    } else if (failed.length < 5) failed.push(`${response.status} ${await response.text()}`);
    else failed.push(String(response.status));
  };
  const worker = async () => {
    while (next < options.orders) {
      const i = next++;
      const due = started + (i * options.spreadMs) / options.orders;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await submit(i);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { created, retried, failed, ms: Date.now() - started };
}
