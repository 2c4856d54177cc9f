/**
 * Display formatting for the orders pages. Decimal strings are formatted from their text (Intl reads
 * a numeric string exactly), never through arithmetic; derived ratios (bps, percentages, charts)
 * are display-only and computed as numbers.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number, signed = false): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}:${signed}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    formatters.set(key, found);
  }
  return found;
}

type Numeric = string | number | null | undefined;

const isBlank = (value: Numeric): value is null | undefined | "" =>
  value === null || value === undefined || value === "";

/** A quantity: up to 8 decimals, grouped; "—" when absent. */
export function formatQty(value: Numeric, maxDecimals = 8): string {
  if (isBlank(value)) return "—";
  return formatter(0, maxDecimals).format(value as unknown as number);
}

/** A price with decimals that suit its size (90,012.35 · 3,204.10 · 0.123456). */
export function formatPrice(value: Numeric): string {
  if (isBlank(value)) return "—";
  const magnitude = Math.abs(Number(value));
  const decimals = magnitude >= 1000 ? 2 : magnitude >= 1 ? 4 : 6;
  return formatter(2, decimals).format(value as unknown as number);
}

/** Basis points, signed, one decimal. */
export function formatBps(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatter(1, 1, true).format(value)} bps`;
}

export function formatPct(value: Numeric, decimals = 2): string {
  if (isBlank(value)) return "—";
  return `${formatter(decimals, decimals).format(value as unknown as number)}%`;
}

/** A span of time, compact: 1h 05m · 4m 09s · 12s. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export const formatTime = (iso: string | null | undefined) => (iso ? timeFormat.format(new Date(iso)) : "—");
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTimeFormat.format(new Date(iso)) : "—";

/** The first block of a UUID: enough to tell orders apart on screen. */
export const shortId = (id: string) => id.slice(0, 8);

/**
 * Slippage of an average execution price against a benchmark, in bps; positive is a cost (a buy
 * above the benchmark, a sell below it). Null without both prices.
 */
export function slippageBps(side: string, average: Numeric, benchmark: Numeric): number | null {
  if (isBlank(average) || isBlank(benchmark)) return null;
  const avg = Number(average);
  const ref = Number(benchmark);
  if (!(ref > 0) || !Number.isFinite(avg)) return null;
  return ((side === "sell" ? ref - avg : avg - ref) / ref) * 10_000;
}
