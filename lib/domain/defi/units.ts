/**
 * Token amounts as integers of base units (bigint) and back, by string arithmetic: exact for any
 * number of decimals, never through a float.
 */

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

export class AmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AmountError";
  }
}

/**
 * "1000.5" with 6 decimals → 1000500000n. Refuses signs, exponents and more fractional digits than
 * the token has (an amount the chain cannot represent is a mistake, not something to round).
 */
export function toBaseUnits(amount: string, decimals: number, symbol = "the token"): bigint {
  const text = amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new AmountError(`"${amount}" is not a plain decimal amount`);
  const whole = match[1]!;
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals)
    throw new AmountError(`${symbol} has ${decimals} decimals: "${amount}" has more`);
  return BigInt(whole + fraction.padEnd(decimals, "0"));
}

/** 1000500000n with 6 decimals → "1000.5" (no trailing zeros, no exponent). */
export function fromBaseUnits(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
