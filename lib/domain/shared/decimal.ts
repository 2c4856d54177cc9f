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

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;

/**
 * The longest decimal text read at all, and the largest written exponent. Parsing "1e100000000" is
 * cheap, but printing it (`toFixed`) takes minutes and gigabytes; no amount anyone means is longer
 * than a 78-digit uint256, so anything beyond these bounds is not a number we take.
 */
export const MAX_DECIMAL_TEXT = 100;
export const MAX_DECIMAL_EXPONENT = 100;

/**
 * Parse a decimal from text; `null` when the text is not a finite decimal number, is longer than
 * MAX_DECIMAL_TEXT or writes an exponent beyond ±MAX_DECIMAL_EXPONENT.
 */
export function parseDecimal(text: string): Dec | null {
  const trimmed = text.trim();
  if (trimmed.length > MAX_DECIMAL_TEXT) return null;
  const match = DECIMAL_TEXT.exec(trimmed);
  if (!match) return null;
  if (match[3] !== undefined && Math.abs(Number(match[3])) > MAX_DECIMAL_EXPONENT) return null;
  const value = new Dec(trimmed);
  return value.isFinite() ? value : null;
}

/** A NUMERIC(precision, scale) column: what the database stores of a decimal. */
export interface DecimalColumn {
  precision: number;
  scale: number;
}

/** Quantities, prices, notionals, fees, balances: NUMERIC(38, 18). */
export const AMOUNT_COLUMN: DecimalColumn = { precision: 38, scale: 18 };
/** Fractions of one (passiveness, discretion, tilt, POV rates, tolerances): NUMERIC(10, 6). */
export const FRACTION_COLUMN: DecimalColumn = { precision: 10, scale: 6 };

/**
 * Why `value` does not fit `column`, in words for a field error ("must …"); null when it fits. A
 * value the column would round or overflow is refused rather than stored as something else.
 */
export function columnProblem(value: Dec, column: DecimalColumn = AMOUNT_COLUMN): string | null {
  const integerDigits = column.precision - column.scale;
  if (value.abs().gte(new Dec(10).pow(integerDigits))) {
    return `must be less than 1e${integerDigits} in absolute value`;
  }
  if (value.decimalPlaces() > column.scale) return `must have at most ${column.scale} decimal places`;
  return null;
}

export const dec = (value: DecimalInput): Dec => new Dec(value);

/** Plain decimal text without exponent or trailing zeros ("0.0100" → "0.01"). */
export const toPlain = (value: Dec): string => value.toFixed();

export const ZERO = new Dec(0);
