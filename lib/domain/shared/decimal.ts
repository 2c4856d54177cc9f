import Decimal from "decimal.js";

/**
 * Money and quantities are decimals end to end. One configured constructor for the whole app:
 * 40 significant digits covers 18-decimal token amounts on top of large integer parts.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

export type DecimalInput = string | number | Dec;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse a decimal from text; `null` when the text is not a finite decimal number. */
export function parseDecimal(text: string): Dec | null {
  const trimmed = text.trim();
  if (!DECIMAL_TEXT.test(trimmed)) return null;
  const value = new Dec(trimmed);
  return value.isFinite() ? value : null;
}

export const dec = (value: DecimalInput): Dec => new Dec(value);

/** Plain decimal text without exponent or trailing zeros ("0.0100" → "0.01"). */
export const toPlain = (value: Dec): string => value.toFixed();

export const ZERO = new Dec(0);
