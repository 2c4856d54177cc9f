import { describe, expect, it } from "vitest";
import {
  AMOUNT_COLUMN,
  FRACTION_COLUMN,
  MAX_DECIMAL_TEXT,
  columnProblem,
  dec,
  parseDecimal,
} from "./decimal";

describe("parseDecimal", () => {
  it.each([
    ["0.01", "0.01"],
    [" 12.5 ", "12.5"],
    ["1e3", "1000"],
    ["-2.5E-2", "-0.025"],
    [".5", "0.5"],
    ["1e100", "1e+100"],
  ])("reads %j as %s", (text, value) => {
    expect(parseDecimal(text)?.toString()).toBe(value);
  });

  it.each([
    "",
    "abc",
    "1.2.3",
    "1e",
    "NaN",
    "Infinity",
    "0x10",
    "1e101",
    "1e-101",
    "1e100000000",
    "1e-100000000",
  ])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it("refuses text longer than the bound, however it is written", () => {
    expect(parseDecimal("1".repeat(MAX_DECIMAL_TEXT))?.toFixed()).toBe("1".repeat(MAX_DECIMAL_TEXT));
    expect(parseDecimal("1".repeat(MAX_DECIMAL_TEXT + 1))).toBeNull();
    expect(parseDecimal(`0.${"0".repeat(MAX_DECIMAL_TEXT)}1`)).toBeNull();
  });
});

describe("columnProblem", () => {
  it.each([
    ["99999999999999999999.999999999999999999", AMOUNT_COLUMN, null],
    ["-99999999999999999999", AMOUNT_COLUMN, null],
    ["100000000000000000000", AMOUNT_COLUMN, "must be less than 1e20 in absolute value"],
    ["-1e20", AMOUNT_COLUMN, "must be less than 1e20 in absolute value"],
    ["0.000000000000000001", AMOUNT_COLUMN, null],
    ["0.0000000000000000001", AMOUNT_COLUMN, "must have at most 18 decimal places"],
    ["0.123456", FRACTION_COLUMN, null],
    ["0.1234567", FRACTION_COLUMN, "must have at most 6 decimal places"],
    ["10000", FRACTION_COLUMN, "must be less than 1e4 in absolute value"],
  ] as const)("%s in NUMERIC(%o): %s", (text, column, problem) => {
    expect(columnProblem(dec(text), column)).toBe(problem);
  });
});
