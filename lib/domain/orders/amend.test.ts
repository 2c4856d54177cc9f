import { describe, expect, it } from "vitest";
import { dec, toPlain, ZERO } from "../shared/decimal";
import { AppError } from "../shared/errors";
import { amendOrder, checkAmend, type AmendInput } from "./amend";
import { DEFAULT_STRATEGY_PARAMS } from "./params";
import type { OrderSpec } from "./types";

const START = Date.UTC(2026, 0, 21, 16, 0, 0);
const MINUTE = 60_000;

/** A 1-hour TWAP buying 1 BTC, 10 minutes in, 0.2 BTC (10 000 USDT) executed. */
const ORDER: OrderSpec = {
  id: "o1",
  pair: "BTC-USDT",
  side: "buy",
  strategy: "TWAP",
  targetQty: dec("1"),
  targetUnit: "base",
  startTime: START,
  endTime: START + 60 * MINUTE,
  limitPrice: null,
  isReverseLimitPrice: false,
  passiveness: dec("0.02"),
  discretion: dec("0.06"),
  alphaTilt: ZERO,
  povTarget: null,
  povLimit: null,
  params: DEFAULT_STRATEGY_PARAMS,
};
const EXECUTED = { base: dec("0.2"), quote: dec("10000") };
const NOW = START + 10 * MINUTE;

function check(
  changes: unknown,
  overrides: { order?: Partial<OrderSpec>; now?: number; executed?: AmendInput["executed"] } = {},
) {
  return checkAmend({
    order: { ...ORDER, ...overrides.order },
    executed: overrides.executed ?? EXECUTED,
    now: overrides.now ?? NOW,
    changes,
  });
}

describe("accepted amends", () => {
  it.each([
    ["a larger quantity", { base_asset_qty: "2" }],
    ["a smaller quantity exactly 5% above executed", { base_asset_qty: "0.21" }],
    ["a quantity in quote, 5% above the executed notional", { quote_asset_qty: 10500 }],
    ["a longer duration", { duration: 7200 }],
    ["a duration exactly 5% above the elapsed 600 s", { duration: 630 }],
    ["a limit price", { limit_price: "51000" }],
    ["a limit price as a number", { limit_price: 51000.5 }],
    ["removing the limit price", { limit_price: "" }],
    ["the seed's example", { duration: 900, limit_price: "51000" }],
  ])("%s", (_name, changes) => {
    expect(check(changes)).toEqual([]);
  });

  it("lets an order that has not started shrink to anything positive", () => {
    expect(
      check(
        { base_asset_qty: "0.0001", duration: 1 },
        { now: START - MINUTE, executed: { base: ZERO, quote: ZERO } },
      ),
    ).toEqual([]);
  });

  it("lets a POV order change its target within its limit, with no time rule", () => {
    const pov = { strategy: "POV" as const, endTime: null, povTarget: dec("0.05"), povLimit: dec("0.15") };
    expect(check({ pov_target: "0.15" }, { order: pov, now: START + 10_000 * MINUTE })).toEqual([]);
  });
});

describe("refused amends", () => {
  it.each<
    [
      string,
      unknown,
      { order?: Partial<OrderSpec>; now?: number },
      { field: string; message: string; code: string }[],
    ]
  >([
    [
      "changes that are not an object",
      "duration=900",
      {},
      [{ field: "changes", message: "must be an object", code: "bad_request" }],
    ],
    ["changes as a list", [], {}, [{ field: "changes", message: "must be an object", code: "bad_request" }]],
    ["no changes", {}, {}, [{ field: "changes", message: "No changes given", code: "bad_request" }]],
    [
      "a field that cannot be amended",
      { side: "sell" },
      {},
      [
        {
          field: "changes.side",
          message:
            "cannot be amended; amendable: base_asset_qty, quote_asset_qty, duration, pov_target, limit_price",
          code: "bad_request",
        },
      ],
    ],
    [
      "both quantities",
      { base_asset_qty: "2", quote_asset_qty: "100000" },
      {},
      [
        {
          field: "changes",
          message: "Cannot update both base_asset_qty and quote_asset_qty",
          code: "bad_request",
        },
      ],
    ],
    [
      "a zero quantity",
      { base_asset_qty: 0 },
      {},
      [{ field: "changes.base_asset_qty", message: "must be a positive number", code: "bad_request" }],
    ],
    [
      "a null quantity",
      { quote_asset_qty: null },
      {},
      [{ field: "changes.quote_asset_qty", message: "must be a positive number", code: "bad_request" }],
    ],
    [
      "a quantity under 5% above executed",
      { base_asset_qty: "0.2099" },
      {},
      [
        {
          field: "changes.base_asset_qty",
          message: "must be at least 5% above the executed quantity (0.2): at least 0.21",
          code: "invalid_state",
        },
      ],
    ],
    [
      "a quote quantity under 5% above the executed notional",
      { quote_asset_qty: "10499.99" },
      {},
      [
        {
          field: "changes.quote_asset_qty",
          message: "must be at least 5% above the executed quantity (10000): at least 10500",
          code: "invalid_state",
        },
      ],
    ],
    [
      "a duration under 5% above elapsed",
      { duration: 629 },
      {},
      [
        {
          field: "changes.duration",
          message: "must be at least 5% above the elapsed time (600 s): at least 630 s",
          code: "invalid_state",
        },
      ],
    ],
    [
      "a fractional duration",
      { duration: 900.5 },
      {},
      [
        {
          field: "changes.duration",
          message: "must be a positive whole number of seconds",
          code: "bad_request",
        },
      ],
    ],
    [
      "a zero duration",
      { duration: 0 },
      {},
      [
        {
          field: "changes.duration",
          message: "must be a positive whole number of seconds",
          code: "bad_request",
        },
      ],
    ],
    [
      "pov_target on a TWAP",
      { pov_target: "0.1" },
      {},
      [{ field: "changes.pov_target", message: "can only be amended on a POV order", code: "invalid_state" }],
    ],
    [
      "pov_target above 1",
      { pov_target: "1.01" },
      { order: { strategy: "POV" } },
      [{ field: "changes.pov_target", message: "must be greater than 0 and at most 1", code: "bad_request" }],
    ],
    [
      "pov_target of 0",
      { pov_target: 0 },
      { order: { strategy: "POV" } },
      [{ field: "changes.pov_target", message: "must be greater than 0 and at most 1", code: "bad_request" }],
    ],
    [
      "pov_target above the order's pov_limit",
      { pov_target: "0.2" },
      { order: { strategy: "POV", povLimit: dec("0.15") } },
      [
        {
          field: "changes.pov_target",
          message: "must not exceed the order's pov_limit (0.15)",
          code: "invalid_state",
        },
      ],
    ],
    [
      "a zero limit price",
      { limit_price: "0" },
      {},
      [
        {
          field: "changes.limit_price",
          message: "Limit price must be a positive number",
          code: "bad_request",
        },
      ],
    ],
    [
      "a limit price expression",
      { limit_price: "bid" },
      {},
      [
        {
          field: "changes.limit_price",
          message: "Limit price must be a positive number",
          code: "bad_request",
        },
      ],
    ],
    [
      "removing a Limit order's price",
      { limit_price: null },
      { order: { strategy: "Limit", limitPrice: dec("50000") } },
      [
        {
          field: "changes.limit_price",
          message: "cannot be removed: the Limit strategy needs it",
          code: "invalid_state",
        },
      ],
    ],
    [
      "removing the price ool_pause needs",
      { limit_price: "" },
      { order: { limitPrice: dec("50000"), params: { ...DEFAULT_STRATEGY_PARAMS, oolPause: true } } },
      [
        {
          field: "changes.limit_price",
          message: "cannot be removed: ool_pause needs it",
          code: "invalid_state",
        },
      ],
    ],
    [
      "removing a reverse limit's price",
      { limit_price: "" },
      { order: { limitPrice: dec("50000"), isReverseLimitPrice: true } },
      [
        {
          field: "changes.limit_price",
          message: "cannot be removed: is_reverse_limit_price needs it",
          code: "invalid_state",
        },
      ],
    ],
    [
      "14.999 s left",
      { limit_price: "51000" },
      { now: START + 60 * MINUTE - 14_999 },
      [
        {
          field: "changes",
          message: "Cannot amend an order with less than 15 seconds left",
          code: "invalid_state",
        },
      ],
    ],
    [
      "an order past its end",
      { duration: 7200 },
      { now: START + 61 * MINUTE },
      [
        {
          field: "changes",
          message: "Cannot amend an order with less than 15 seconds left",
          code: "invalid_state",
        },
      ],
    ],
  ])("%s", (_name, changes, overrides, errors) => {
    expect(check(changes, overrides)).toEqual(errors);
  });

  it("allows exactly 15 s left", () => {
    expect(check({ limit_price: "51000" }, { now: START + 60 * MINUTE - 15_000 })).toEqual([]);
  });

  it("reports every problem at once", () => {
    const errors = check({ base_asset_qty: "0.1", duration: 60, limit_price: "-1" });
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ["changes.limit_price", "bad_request"],
      ["changes.base_asset_qty", "invalid_state"],
      ["changes.duration", "invalid_state"],
    ]);
  });
});

describe("amendOrder", () => {
  const amend = (changes: unknown, order: OrderSpec = ORDER) =>
    amendOrder({ order, executed: EXECUTED, now: NOW, changes });

  it("applies quantity, duration and limit price", () => {
    const next = amend({ base_asset_qty: "2", duration: 7200, limit_price: "51000" });
    expect(toPlain(next.targetQty)).toBe("2");
    expect(next.targetUnit).toBe("base");
    expect(next.endTime).toBe(START + 7_200_000);
    expect(toPlain(next.limitPrice!)).toBe("51000");
    expect(ORDER.endTime).toBe(START + 60 * MINUTE);
  });

  it("switches the order to quote units when amended in quote", () => {
    const next = amend({ quote_asset_qty: "60000" });
    expect([toPlain(next.targetQty), next.targetUnit]).toEqual(["60000", "quote"]);
  });

  it("clears the limit price", () => {
    expect(amend({ limit_price: "" }, { ...ORDER, limitPrice: dec("50000") }).limitPrice).toBeNull();
  });

  it("gives a POV order an end time and a new target", () => {
    const pov: OrderSpec = { ...ORDER, strategy: "POV", endTime: null, povTarget: dec("0.05") };
    const next = amend({ pov_target: "0.1", duration: 1800 }, pov);
    expect(next.endTime).toBe(START + 1_800_000);
    expect(toPlain(next.povTarget!)).toBe("0.1");
  });

  it.each([
    [{ duration: 60 }, "invalid_state"],
    [{ duration: "soon" }, "bad_request"],
    [{ duration: "soon", base_asset_qty: "0.1" }, "bad_request"],
    [{ base_asset_qty: "1", quote_asset_qty: "1" }, "bad_request"],
  ])("throws %j as %s", (changes, code) => {
    try {
      amend(changes);
      expect.fail("should throw");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).fieldErrors.length).toBeGreaterThan(0);
    }
  });
});
