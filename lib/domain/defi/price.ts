import { Dec } from "../shared/decimal";
import { fromBaseUnits } from "./units";

/** Decimal places kept in a price derived from two integer amounts. */
export const PRICE_PLACES = 18;

/** Quote per base from two integer amounts: the price of a swap (rounded half-even to 18 places). */
export function priceOf(
  quoteUnits: bigint,
  quoteDecimals: number,
  baseUnits: bigint,
  baseDecimals: number,
): Dec {
  if (baseUnits <= 0n) throw new RangeError("price of a zero base amount");
  return new Dec(fromBaseUnits(quoteUnits, quoteDecimals))
    .div(fromBaseUnits(baseUnits, baseDecimals))
    .toDecimalPlaces(PRICE_PLACES);
}

/** An integer amount as a decimal of whole tokens. */
export const unitsToDec = (units: bigint, decimals: number): Dec => new Dec(fromBaseUnits(units, decimals));
