import { describe, expect, it } from "vitest";
import { remainingDecimal, subtractDecimal } from "./decimal-text";

describe("decimal text arithmetic", () => {
  it.each([
    ["0.3", "0.1", "0.2"],
    ["1", "0.00000001", "0.99999999"],
    ["12000.5", 12000.5, "0"],
    ["0.1", "0.25", "-0.15"],
    ["100", "100.000", "0"],
    ["-1.5", "1", "-2.5"],
  ] as const)("%s − %s = %s", (a, b, expected) => {
    expect(subtractDecimal(a, b)).toBe(expected);
  });

  it("clamps what is left at zero and refuses non-decimals", () => {
    expect(remainingDecimal("0.1", "0.1000001")).toBe("0");
    expect(remainingDecimal("0.1", "0.04")).toBe("0.06");
    expect(remainingDecimal("abc", "1")).toBeNull();
    expect(subtractDecimal("", "1")).toBeNull();
  });
});
