import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/domain/shared/decimal";
import { decNumber, decText, ratio } from "./values";

describe("[CORE] how decimals leave the Core Order API", () => {
  it.each([
    ["0.1", 0.1],
    ["500", 500],
    ["-0.25", -0.25],
    ["0.000005064", 0.000005064],
    ["2215.8", 2215.8],
    // A JSON number would round these: they stay exact text.
    ["10.000012345678901234", "10.000012345678901234"],
    ["12345678901234567890", "12345678901234567890"],
    ["0.30000000000000000001", "0.30000000000000000001"],
  ])("%s → %j", (text, expected) => {
    expect(decNumber(new Dec(text))).toBe(expected);
  });

  it("writes text without exponent or trailing zeros, and keeps null", () => {
    expect(decText(new Dec("1e-12"))).toBe("0.000000000001");
    expect(decText({ toString: () => "45000.00" })).toBe("45000");
    expect(decText(null)).toBeNull();
    expect(decNumber(undefined)).toBeNull();
  });

  it("shows a non-terminating quotient to 18 significant digits", () => {
    expect(ratio(new Dec(2).div(3))!.toFixed()).toBe("0.666666666666666667");
    expect(ratio(new Dec("99364.5"))!.toFixed()).toBe("99364.5");
    expect(ratio(null)).toBeNull();
  });
});
