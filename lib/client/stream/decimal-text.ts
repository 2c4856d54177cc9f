/**
 * Exact arithmetic on decimal strings for the few figures the dashboard derives itself (what is left
 * of an order), so live updates never round money through floats. BigInt on a shared scale.
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

function parse(text: string): { int: bigint; scale: number } | null {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  const [, sign, whole = "", fraction = ""] = match;
  const int = BigInt(`${whole || "0"}${fraction}`) * (sign === "-" ? -1n : 1n);
  return { int, scale: fraction.length };
}

function format(int: bigint, scale: number): string {
  const negative = int < 0n;
  const digits = (negative ? -int : int).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** a − b, exactly; null when either is not a decimal. */
export function subtractDecimal(a: string | number, b: string | number): string | null {
  const x = parse(String(a));
  const y = parse(String(b));
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  const diff = x.int * 10n ** BigInt(scale - x.scale) - y.int * 10n ** BigInt(scale - y.scale);
  return format(diff, scale);
}

/** max(a − b, 0), exactly; null when either is not a decimal. */
export function remainingDecimal(target: string | number, executed: string | number): string | null {
  const diff = subtractDecimal(target, executed);
  return diff === null ? null : diff.startsWith("-") ? "0" : diff;
}
