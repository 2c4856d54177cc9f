import { describe, expect, it } from "vitest";
import { AmountError, fromBaseUnits, toBaseUnits } from "./units";

describe("[DEFI] token amounts in base units", () => {
  it.each([
    ["1000", 6, 1_000_000_000n],
    ["1000.5", 6, 1_000_500_000n],
    ["0.000001", 6, 1n],
    ["1.50000000", 6, 1_500_000n],
    ["0.1", 18, 100_000_000_000_000_000n],
    ["123456789.123456789", 9, 123_456_789_123_456_789n],
    ["0", 8, 0n],
    ["  2.5 ", 8, 250_000_000n],
  ])("%s with %i decimals is %s units", (text, decimals, units) => {
    expect(toBaseUnits(text, decimals)).toBe(units);
    expect(fromBaseUnits(units, decimals)).toBe(
      text
        .trim()
        .replace(/(\.\d*?)0+$/, "$1")
        .replace(/\.$/, ""),
    );
  });

  it.each([
    ["0.0000001", 6, "has 6 decimals"],
    ["-1", 6, "not a plain decimal"],
    ["1e3", 6, "not a plain decimal"],
    ["abc", 6, "not a plain decimal"],
    ["", 6, "not a plain decimal"],
  ])("refuses %s with %i decimals", (text, decimals, message) => {
    expect(() => toBaseUnits(text, decimals, "USDC")).toThrow(AmountError);
    expect(() => toBaseUnits(text, decimals, "USDC")).toThrow(message);
  });

  it("prints negative amounts and amounts below one unit of the whole", () => {
    expect(fromBaseUnits(-1_500_000n, 6)).toBe("-1.5");
    expect(fromBaseUnits(1n, 18)).toBe("0.000000000000000001");
  });
});
