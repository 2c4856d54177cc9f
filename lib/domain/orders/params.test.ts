import { describe, expect, it } from "vitest";
import { dec, toPlain } from "../shared/decimal";
import { AppError } from "../shared/errors";
import {
  DEFAULT_STRATEGY_PARAMS,
  parseOrderRequest,
  strategyByName,
  toOrderSpec,
  validateOrderRequest,
  type OrderRequestInput,
} from "./params";
import { QTY_MISSING, QTY_MULTIPLE } from "./quantity";

const NOW = Date.UTC(2026, 0, 21, 16, 22, 40);

/** A valid TWAP buy; each case changes what it tests. */
const BASE: OrderRequestInput = {
  pair: "BTC-USDT",
  side: "buy",
  strategy: "TWAP",
  base_asset_qty: "0.5",
  duration: 3600,
};

const errorsOf = (input: OrderRequestInput) =>
  validateOrderRequest({ ...BASE, ...input }, { now: NOW }).errors;
const orderOf = (input: OrderRequestInput) => parseOrderRequest({ ...BASE, ...input }, { now: NOW });

describe("a valid order", () => {
  it("gets the documented defaults", () => {
    const order = orderOf({});
    expect(order.pair.pair).toBe("BTC-USDT");
    expect(order.side).toBe("buy");
    expect(order.strategy).toBe("TWAP");
    expect(order.quantity.field).toBe("base_asset_qty");
    expect(toPlain(order.quantity.qty)).toBe("0.5");
    expect(order.quantity.unit).toBe("base");
    expect([order.targetToken, order.buyToken, order.sellToken]).toEqual(["BTC", "BTC", "USDT"]);
    expect(order.durationSeconds).toBe(3600);
    expect(order.startTime).toBeNull();
    expect(order.limitPrice).toBeNull();
    expect(order.isReverseLimitPrice).toBe(false);
    expect(toPlain(order.passiveness)).toBe("0.02");
    expect(toPlain(order.discretion)).toBe("0.06");
    expect(toPlain(order.alphaTilt)).toBe("0");
    expect(toPlain(order.maxOtc)).toBe("0");
    expect(order.povTarget).toBeNull();
    expect(order.povLimit).toBeNull();
    expect(order.params).toEqual(DEFAULT_STRATEGY_PARAMS);
    expect([order.customOrderId, order.notes, order.condition]).toEqual(["", "", null]);
  });

  it("reads the seed's example request", () => {
    const order = orderOf({
      pair: "BTC-USD",
      side: "buy",
      strategy: "TWAP",
      duration: 3600,
      base_asset_qty: 0.5,
      custom_order_id: "my_custom_order_123",
      notes: "Buy BTC over 1 hour using TWAP strategy",
      limit_price: "45000.00",
      start_datetime: "2023-12-01T10:00:00Z",
      engine_passiveness: 0.5,
      schedule_discretion: 0.3,
      alpha_tilt: 0.1,
    });
    expect(toPlain(order.limitPrice!)).toBe("45000");
    expect(order.startTime).toBe(Date.UTC(2023, 11, 1, 10));
    expect([order.passiveness, order.discretion, order.alphaTilt].map(toPlain)).toEqual([
      "0.5",
      "0.3",
      "0.1",
    ]);
    expect(order.customOrderId).toBe("my_custom_order_123");
  });

  it("reads the seed's conditional perp order (sized in the sell token)", () => {
    const order = orderOf({
      pair: "BTC:PERP-USDT",
      base_asset_qty: undefined,
      sell_token_amount: "1000",
      strategy: "Target Time",
      duration: 300,
      limit_price: "89411.25",
      strategy_params: { ool_pause: true, entry: false, max_clip_size: null },
      order_condition: "BTC:PERP-USDT@Bybit 89411.25 <=",
      order_condition_vars: {},
    });
    expect(order.pair.marketType).toBe("perp");
    expect([order.targetToken, order.buyToken, order.sellToken]).toEqual(["USDT", "BTC:PERP", "USDT"]);
    expect(order.quantity.unit).toBe("quote");
    expect(order.params.oolPause).toBe(true);
    expect(order.condition?.rpn).toBe("BTC:PERP-USDT@Bybit 89411.25 <=");
    expect(order.condition?.ast.kind).toBe("op");
    expect(order.condition?.expiry).toBeNull();
  });

  it.each([
    ["TWAP", "TWAP"],
    ["twap", "TWAP"],
    ["Target Time", "Target Time"],
    ["TargetTime", "Target Time"],
    ["target_time", "Target Time"],
    ["target-time", "Target Time"],
    ["TARGET TIME", "Target Time"],
    ["vwap", "VWAP"],
    ["is", "IS"],
    ["Implementation Shortfall", "IS"],
    ["iceberg", "Iceberg"],
    ["POV", "POV"],
    ["Arrival Price", null],
    ["6fe4ba3e-c578-45bd-824c-c523bf3c56de", null],
  ] as const)("strategy %j is %s", (name, expected) => {
    expect(strategyByName(name)).toBe(expected);
  });

  it.each([
    [{ pov_target: "0.05", duration: undefined, strategy: undefined }, "POV", null],
    [{ pov_target: "0.05", duration: undefined, strategy: "POV" }, "POV", null],
    [{ pov_target: 0.05, strategy: "VWAP" }, "POV", 3600],
    [{ pov_target: "1", pov_limit: "1", strategy: "Target Time", duration: undefined }, "POV", null],
  ])("%j is worked as %s", (input, strategy, duration) => {
    const order = orderOf(input);
    expect(order.strategy).toBe(strategy);
    expect(order.durationSeconds).toBe(duration);
  });

  it.each([
    [{ engine_passiveness: 0 }, "passiveness", "0"],
    [{ engine_passiveness: "1" }, "passiveness", "1"],
    [{ schedule_discretion: "0.02" }, "discretion", "0.02"],
    [{ schedule_discretion: 0.5 }, "discretion", "0.5"],
    [{ alpha_tilt: -1 }, "alphaTilt", "-1"],
    [{ alpha_tilt: "1" }, "alphaTilt", "1"],
    [{ max_otc: 1 }, "maxOtc", "1"],
    [{ max_otc: "0" }, "maxOtc", "0"],
    [{ engine_passiveness: null }, "passiveness", "0.02"],
    [{ schedule_discretion: "" }, "discretion", "0.06"],
  ] as const)("boundary %j is accepted", (input, key, expected) => {
    expect(toPlain(orderOf(input)[key])).toBe(expected);
  });

  it.each([
    [{ side: "SELL" }, "sell"],
    [{ side: "Buy" }, "buy"],
  ])("side %j reads as %s", (input, side) => {
    expect(orderOf(input).side).toBe(side);
  });

  it("reads every strategy param", () => {
    const order = orderOf({
      strategy: "Limit",
      limit_price: 100,
      strategy_params: {
        passive_only: true,
        active_limit: true,
        reduce_only: true,
        ool_pause: true,
        strict_duration: true,
        max_clip_size: "100",
        spot_leverage: true,
      },
    });
    expect({ ...order.params, maxClipSize: toPlain(order.params.maxClipSize!) }).toEqual({
      passiveOnly: true,
      activeLimit: true,
      reduceOnly: true,
      oolPause: true,
      strictDuration: true,
      maxClipSize: "100",
      spotLeverage: true,
    });
  });

  it("accepts a condition with variables and an expiry", () => {
    const order = orderOf({
      order_condition: "BTC-USDT@Binance level <=",
      order_condition_vars: { level: "29000 0.99 *" },
      order_condition_expiry: "2026-01-21T17:00:00Z",
    });
    expect(order.condition?.vars).toEqual({ level: "29000 0.99 *" });
    expect(order.condition?.expiry).toBe(Date.UTC(2026, 0, 21, 17));
  });

  it("accepts start_datetime as epoch milliseconds, in the past too", () => {
    expect(orderOf({ start_datetime: NOW - 60_000 }).startTime).toBe(NOW - 60_000);
    expect(orderOf({ start_datetime: String(NOW + 60_000) }).startTime).toBe(NOW + 60_000);
  });

  it("accepts a 64-character custom_order_id", () => {
    expect(orderOf({ custom_order_id: "x".repeat(64) }).customOrderId).toHaveLength(64);
  });
});

describe("refused orders name their fields", () => {
  it.each<[string, OrderRequestInput, { field: string; message: string }[]]>([
    ["no pair", { pair: undefined }, [{ field: "pair", message: "is required" }]],
    [
      "a bad pair",
      { pair: "BTCUSDT" },
      [{ field: "pair", message: "must be BASE-QUOTE or BASE:VARIANT-QUOTE, e.g. BTC:PERP-USDT" }],
    ],
    ["a pair that is not text", { pair: 7 }, [{ field: "pair", message: "must be a string" }]],
    ["no side", { side: undefined }, [{ field: "side", message: "is required" }]],
    ["a bad side", { side: "long" }, [{ field: "side", message: "must be buy or sell" }]],
    ["no quantity", { base_asset_qty: undefined }, [{ field: "base_asset_qty", message: QTY_MISSING }]],
    ["two quantities", { quote_asset_qty: "100" }, [{ field: "quote_asset_qty", message: QTY_MULTIPLE }]],
    [
      "a zero quantity",
      { base_asset_qty: "0" },
      [{ field: "base_asset_qty", message: "must be a positive number" }],
    ],
    ["no strategy", { strategy: undefined }, [{ field: "strategy", message: "is required" }]],
    [
      "an unknown strategy",
      { strategy: "6fe4ba3e-c578-45bd-824c-c523bf3c56de" },
      [{ field: "strategy", message: "Invalid strategy: 6fe4ba3e-c578-45bd-824c-c523bf3c56de" }],
    ],
    [
      "POV without pov_target",
      { strategy: "POV" },
      [{ field: "pov_target", message: "is required for the POV strategy" }],
    ],
    [
      "pov_target on a Market order",
      { strategy: "Market", pov_target: "0.1" },
      [{ field: "pov_target", message: "cannot be used with the Market strategy" }],
    ],
    [
      "pov_target on an Iceberg order",
      { strategy: "Iceberg", pov_target: "0.1", strategy_params: { max_clip_size: 500 } },
      [{ field: "pov_target", message: "cannot be used with the Iceberg strategy" }],
    ],
    [
      "no duration",
      { duration: undefined },
      [{ field: "duration", message: "is required unless pov_target is given" }],
    ],
    [
      "a zero duration",
      { duration: 0 },
      [{ field: "duration", message: "must be a positive whole number of seconds" }],
    ],
    [
      "a fractional duration",
      { duration: 1.5 },
      [{ field: "duration", message: "must be a positive whole number of seconds" }],
    ],
    [
      "a negative duration",
      { duration: "-60" },
      [{ field: "duration", message: "must be a positive whole number of seconds" }],
    ],
    [
      "a duration that is not a number",
      { duration: "1h" },
      [{ field: "duration", message: "must be a positive whole number of seconds" }],
    ],
    [
      "passiveness below 0",
      { engine_passiveness: "-0.01" },
      [{ field: "engine_passiveness", message: "must be between 0 and 1" }],
    ],
    [
      "passiveness above 1",
      { engine_passiveness: 1.01 },
      [{ field: "engine_passiveness", message: "must be between 0 and 1" }],
    ],
    [
      "passiveness as text",
      { engine_passiveness: "high" },
      [{ field: "engine_passiveness", message: "must be a number" }],
    ],
    [
      "discretion below 0.02",
      { schedule_discretion: "0.019" },
      [{ field: "schedule_discretion", message: "must be between 0.02 and 0.5" }],
    ],
    [
      "discretion above 0.5",
      { schedule_discretion: "0.51" },
      [{ field: "schedule_discretion", message: "must be between 0.02 and 0.5" }],
    ],
    [
      "alpha_tilt below -1",
      { alpha_tilt: -1.5 },
      [{ field: "alpha_tilt", message: "must be between -1 and 1" }],
    ],
    [
      "alpha_tilt above 1",
      { alpha_tilt: "2" },
      [{ field: "alpha_tilt", message: "must be between -1 and 1" }],
    ],
    [
      "pov_target of 0",
      { pov_target: 0 },
      [{ field: "pov_target", message: "must be greater than 0 and at most 1" }],
    ],
    [
      "pov_target above 1",
      { pov_target: "1.5" },
      [{ field: "pov_target", message: "must be greater than 0 and at most 1" }],
    ],
    [
      "pov_limit of 0",
      { pov_limit: "0" },
      [{ field: "pov_limit", message: "must be greater than 0 and at most 1" }],
    ],
    [
      "pov_limit below pov_target",
      { pov_target: "0.2", pov_limit: "0.1" },
      [{ field: "pov_limit", message: "must be at least pov_target" }],
    ],
    ["max_otc above 1", { max_otc: 1.2 }, [{ field: "max_otc", message: "must be between 0 and 1" }]],
    [
      "a custom_order_id of 65 characters",
      { custom_order_id: "x".repeat(65) },
      [{ field: "custom_order_id", message: "must be at most 64 characters" }],
    ],
    [
      "a custom_order_id that is a number",
      { custom_order_id: 42 },
      [{ field: "custom_order_id", message: "must be a string" }],
    ],
    ["notes that are not text", { notes: ["a"] }, [{ field: "notes", message: "must be a string" }]],
    [
      "a zero limit price",
      { limit_price: "0" },
      [{ field: "limit_price", message: "Limit price must be a positive number" }],
    ],
    [
      "a negative limit price",
      { limit_price: -5 },
      [{ field: "limit_price", message: "Limit price must be a positive number" }],
    ],
    [
      "a limit price expression",
      { limit_price: "mid+5" },
      [{ field: "limit_price", message: "Limit price must be a positive number" }],
    ],
    [
      "a Limit order without a price",
      { strategy: "Limit" },
      [{ field: "limit_price", message: "is required for the Limit strategy" }],
    ],
    [
      "an Iceberg without a clip",
      { strategy: "Iceberg" },
      [{ field: "strategy_params.max_clip_size", message: "is required for the Iceberg strategy" }],
    ],
    [
      "a clip below 100",
      { strategy_params: { max_clip_size: "99.99" } },
      [{ field: "strategy_params.max_clip_size", message: "must be at least 100" }],
    ],
    [
      "a clip that is not a number",
      { strategy_params: { max_clip_size: "big" } },
      [{ field: "strategy_params.max_clip_size", message: "must be a number" }],
    ],
    [
      "an unknown strategy param",
      { strategy_params: { passive: true } },
      [
        {
          field: "strategy_params.passive",
          message:
            "Unknown strategy parameter; known: passive_only, active_limit, reduce_only, ool_pause, strict_duration, spot_leverage, max_clip_size, entry",
        },
      ],
    ],
    [
      "a strategy param that is not a boolean",
      { strategy_params: { passive_only: "yes" } },
      [{ field: "strategy_params.passive_only", message: "must be true or false" }],
    ],
    [
      "strategy_params as a list",
      { strategy_params: ["passive_only"] },
      [{ field: "strategy_params", message: "must be an object" }],
    ],
    [
      "passive_only on a Market order",
      { strategy: "Market", strategy_params: { passive_only: true } },
      [{ field: "strategy_params.passive_only", message: "cannot be used with the Market strategy" }],
    ],
    [
      "passive_only on an IOC order",
      { strategy: "IOC", strategy_params: { passive_only: true } },
      [{ field: "strategy_params.passive_only", message: "cannot be used with the IOC strategy" }],
    ],
    [
      "ool_pause without a limit",
      { strategy_params: { ool_pause: true } },
      [{ field: "strategy_params.ool_pause", message: "needs a limit_price" }],
    ],
    [
      "a reverse limit without a limit",
      { is_reverse_limit_price: true },
      [{ field: "is_reverse_limit_price", message: "needs a limit_price" }],
    ],
    [
      "a reverse limit that is not a boolean",
      { is_reverse_limit_price: "true" },
      [{ field: "is_reverse_limit_price", message: "must be true or false" }],
    ],
    [
      "a bad start time",
      { start_datetime: "tomorrow" },
      [{ field: "start_datetime", message: "must be an ISO 8601 time or epoch milliseconds" }],
    ],
    [
      "a malformed condition",
      { order_condition: "BTC-USDT@Binance <=" },
      [{ field: "order_condition", message: 'Operator "<=" (token 2) needs two operands, found 1' }],
    ],
    [
      "a condition that is not text",
      { order_condition: 5 },
      [{ field: "order_condition", message: "must be a string" }],
    ],
    [
      "a malformed condition variable",
      { order_condition: "BTC-USDT@Binance x <=", order_condition_vars: { x: "1 +" } },
      [{ field: "order_condition_vars.x", message: 'Operator "+" (token 2) needs two operands, found 1' }],
    ],
    [
      "condition variables that are not expressions",
      { order_condition: "1 2 <", order_condition_vars: { x: true } },
      [{ field: "order_condition_vars", message: "must be an object of expressions" }],
    ],
    [
      "variables without a condition",
      { order_condition_vars: { x: "1" } },
      [{ field: "order_condition_vars", message: "needs an order_condition" }],
    ],
    [
      "an expiry without a condition",
      { order_condition_expiry: "2026-01-22T00:00:00Z" },
      [{ field: "order_condition_expiry", message: "needs an order_condition" }],
    ],
    [
      "an expiry in the past",
      { order_condition: "1 2 <", order_condition_expiry: "2026-01-21T16:00:00Z" },
      [{ field: "order_condition_expiry", message: "must be in the future" }],
    ],
  ])("%s", (_name, input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it("reports every problem at once", () => {
    const errors = errorsOf({
      pair: "nope",
      side: "hold",
      base_asset_qty: "-1",
      engine_passiveness: 2,
      custom_order_id: "y".repeat(100),
    });
    expect(errors.map((error) => error.field)).toEqual([
      "pair",
      "side",
      "base_asset_qty",
      "engine_passiveness",
      "custom_order_id",
    ]);
  });

  it("throws them as one bad_request", () => {
    try {
      orderOf({ engine_passiveness: 2, limit_price: "0" });
      expect.fail("should throw");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe("bad_request");
      expect(appError.fieldErrors.map((e) => e.field)).toEqual(["limit_price", "engine_passiveness"]);
      expect(appError.message).toBe(
        "limit_price: Limit price must be a positive number; engine_passiveness: must be between 0 and 1",
      );
    }
  });
});

describe("toOrderSpec", () => {
  it("ends the schedule duration seconds after the start", () => {
    const spec = toOrderSpec(orderOf({ limit_price: "45000" }), { id: "o1", startTime: NOW });
    expect(spec).toMatchObject({
      id: "o1",
      pair: "BTC-USDT",
      side: "buy",
      strategy: "TWAP",
      targetUnit: "base",
      startTime: NOW,
      endTime: NOW + 3_600_000,
      povTarget: null,
    });
    expect(spec.targetQty.equals(dec("0.5"))).toBe(true);
    expect(spec.limitPrice?.equals(dec("45000"))).toBe(true);
  });

  it("leaves a POV order without a duration open-ended", () => {
    const spec = toOrderSpec(orderOf({ strategy: undefined, duration: undefined, pov_target: "0.1" }), {
      id: "o2",
      startTime: NOW,
    });
    expect(spec.strategy).toBe("POV");
    expect(spec.endTime).toBeNull();
    expect(toPlain(spec.povTarget!)).toBe("0.1");
  });
});
