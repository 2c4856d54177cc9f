import { describe, expect, it } from "vitest";
import { toPlain } from "../shared/decimal";
import { isAbsent, parseIsoTime, toDecimal, toEpochMs } from "./request-values";

describe("isAbsent", () => {
  it.each([
    [undefined, true],
    [null, true],
    ["", true],
    [" ", false],
    [0, false],
    [false, false],
  ])("%j → %s", (value, expected) => {
    expect(isAbsent(value)).toBe(expected);
  });
});

describe("toDecimal", () => {
  it.each([
    [0.1, "0.1"],
    [1e21, "1000000000000000000000"],
    [-2.5, "-2.5"],
    ["0.30000000000000000001", "0.30000000000000000001"],
    [" 12.50 ", "12.5"],
    ["1e-3", "0.001"],
    [".5", "0.5"],
  ])("%j → %s", (value, expected) => {
    expect(toPlain(toDecimal(value)!)).toBe(expected);
  });

  it.each([Number.NaN, Infinity, "abc", "1,5", "0x1", "", true, {}, [], null, undefined])(
    "%j → null",
    (value) => {
      expect(toDecimal(value)).toBeNull();
    },
  );
});

describe("ISO times are UTC unless an offset says otherwise", () => {
  it.each([
    ["2023-12-01T10:00:00Z", Date.UTC(2023, 11, 1, 10)],
    ["2023-12-01T10:00:00", Date.UTC(2023, 11, 1, 10)],
    ["2023-12-01T10:00", Date.UTC(2023, 11, 1, 10)],
    ["2023-12-01", Date.UTC(2023, 11, 1)],
    ["2023-12-01 10:00:00", Date.UTC(2023, 11, 1, 10)],
    ["2026-01-21T16:22:39.986704Z", Date.UTC(2026, 0, 21, 16, 22, 39, 986)],
    ["2023-12-01T10:00:00+02:00", Date.UTC(2023, 11, 1, 8)],
    ["2023-12-01T10:00:00-0530", Date.UTC(2023, 11, 1, 15, 30)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
  ])("%s", (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it.each([
    "2023-02-29",
    "2023-04-31T00:00",
    "2023-13-01",
    "2023-12-01T24:00",
    "2023-12-01T10:60",
    "yesterday",
    "12/01/2023",
    "2023-12-1",
  ])("%s is invalid", (text) => {
    expect(parseIsoTime(text)).toBeNull();
  });

  it.each([
    [1_700_000_000_000, 1_700_000_000_000],
    ["1700000000000", 1_700_000_000_000],
    ["2023-12-01T10:00:00Z", Date.UTC(2023, 11, 1, 10)],
    [1.5, null],
    [-1, null],
    [true, null],
    ["soon", null],
  ])("toEpochMs(%j) = %s", (value, expected) => {
    expect(toEpochMs(value)).toBe(expected);
  });
});
