import { Dec, parseDecimal } from "@/lib/domain/shared/decimal";

/**
 * Showing decimals on screen without ever rounding them through floats: the value is parsed as a
 * decimal, rounded half-even to `maxDecimals`, and grouped by thousands. Text that is not a decimal
 * comes back as given, null as "—".
 */
export function formatDecimal(
  value: string | number | Dec | null | undefined,
  { maxDecimals = 8, minDecimals = 0 }: { maxDecimals?: number; minDecimals?: number } = {},
): string {
  if (value === null || value === undefined || value === "") return "—";
  const parsed = value instanceof Dec ? value : parseDecimal(String(value));
  if (!parsed) return String(value);
  let text = parsed.toDecimalPlaces(maxDecimals).toFixed();
  const [whole = "0", fraction = ""] = text.replace(/^-/, "").split(".");
  const padded = fraction.padEnd(minDecimals, "0");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = `${parsed.isNegative() && !parsed.isZero() ? "-" : ""}${grouped}${padded ? `.${padded}` : ""}`;
  return text;
}

/** Decimal places of a step ("0.001" → 3), to show prices and sizes at the venue's precision. */
export function decimalsOf(step: string | null | undefined): number {
  if (!step) return 8;
  const parsed = parseDecimal(step);
  return parsed ? Math.max(0, parsed.decimalPlaces()) : 8;
}

/** Basis points with a sign and two decimals ("+1.25", "-0.40"), "—" when unknown. */
export function formatBps(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const parsed = parseDecimal(value);
  if (!parsed) return value;
  const fixed = parsed.toFixed(2);
  return parsed.gt(0) ? `+${fixed}` : fixed === "-0.00" ? "0.00" : fixed;
}

/** A UTC ISO time as the reader's local date and time, seconds included. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        year: "numeric",
        month: "short",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
}
