import { Dec } from "@/lib/domain/shared/decimal";

/**
 * How the Core Order API writes values. Money and quantities are computed with Dec and only then
 * written: as decimal text, or — where an endpoint's docs show JSON numbers — as a number when the
 * number reads back as exactly the same decimal, and as text otherwise (never a rounded float).
 */

type DecimalLike = Dec | { toString(): string };

export const toDec = (value: DecimalLike): Dec => (value instanceof Dec ? value : new Dec(value.toString()));

/** Decimal text without exponent or trailing zeros ("0.50" → "0.5"). */
export function decText(value: DecimalLike): string;
export function decText(value: DecimalLike | null | undefined): string | null;
export function decText(value: DecimalLike | null | undefined): string | null {
  return value === null || value === undefined ? null : toDec(value).toFixed();
}

/** A JSON number when exact, else decimal text. */
export function decNumber(value: DecimalLike): number | string;
export function decNumber(value: DecimalLike | null | undefined): number | string | null;
export function decNumber(value: DecimalLike | null | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  const exact = toDec(value);
  const number = exact.toNumber();
  return Number.isFinite(number) && new Dec(number).eq(exact) ? number : exact.toFixed();
}

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/**
 * A quotient (average price, VWAP, a fee converted at a price) to 18 significant digits: exact sums
 * are shown in full, but a division that does not terminate is not worth 40 digits.
 */
export const ratio = (value: Dec | null): Dec | null =>
  value === null ? null : value.toSignificantDigits(18);
