import { describe, expect, it } from "vitest";
import { dec, toPlain } from "../shared/decimal";
import { AppError } from "../shared/errors";
import {
  QTY_MISSING,
  QTY_MULTIPLE,
  averagePrice,
  convertQty,
  executedBase,
  executedInUnit,
  executedNotional,
  isFullyFilled,
  orderProgress,
  orderTokens,
  parseOrderQuantity,
  parsePair,
  pctFilled,
  quoteToBase,
  readOrderQuantity,
  remainingQty,
  targetToken,
  targetUnitOf,
  tokenAmounts,
  tryParsePair,
} from "./quantity";

const fill = (price: string, size: string) => ({ price: dec(price), size: dec(size) });
const plain = (value: { toFixed(): string } | null) => (value === null ? null : toPlain(value as never));

describe("seed messages", () => {
  it("are the Core Order API's, verbatim", () => {
    expect(QTY_MISSING).toBe(
      "Need one of the qty fields: ['base_asset_qty', 'quote_asset_qty', 'sell_token_amount']",
    );
    expect(QTY_MULTIPLE).toBe(
      "Cannot have more than one of the qty fields: ['base_asset_qty', 'quote_asset_qty', 'sell_token_amount']",
    );
  });
});

describe("pairs", () => {
  it.each([
    ["BTC-USDT", { base: "BTC", underlying: "BTC", variant: null, quote: "USDT", marketType: "spot" }],
    [
      "BTC:PERP-USDT",
      { base: "BTC:PERP", underlying: "BTC", variant: "PERP", quote: "USDT", marketType: "perp" },
    ],
    [
      "ETH:PERP-USD",
      { base: "ETH:PERP", underlying: "ETH", variant: "PERP", quote: "USD", marketType: "perp" },
    ],
    [
      "BTC:250328-USD",
      { base: "BTC:250328", underlying: "BTC", variant: "250328", quote: "USD", marketType: "future" },
    ],
    [
      "1000PEPE-USDT",
      { base: "1000PEPE", underlying: "1000PEPE", variant: null, quote: "USDT", marketType: "spot" },
    ],
    ["USDC.e-ETH", { base: "USDC.e", underlying: "USDC.e", variant: null, quote: "ETH", marketType: "spot" }],
  ])("%s", (text, expected) => {
    expect(parsePair(text)).toEqual({ pair: text, ...expected });
  });

  it.each([
    "BTC",
    "BTCUSDT",
    "BTC-",
    "-USDT",
    "BTC-USD-PERP",
    "BTC:-USDT",
    "BTC:PERP:X-USDT",
    "BTC/USDT",
    " BTC-USDT",
    "",
  ])("rejects %j", (text) => {
    expect(tryParsePair(text)).toBeNull();
    try {
      parsePair(text);
      expect.fail("should throw");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors[0]?.field).toBe("pair");
    }
  });

  it.each([
    ["BTC:PERP-USDT", "buy", "BTC:PERP", "USDT"],
    ["BTC:PERP-USDT", "sell", "USDT", "BTC:PERP"],
    ["ETH-BTC", "buy", "ETH", "BTC"],
    ["ETH-BTC", "sell", "BTC", "ETH"],
  ] as const)("%s %s buys %s with %s", (pair, side, buyToken, sellToken) => {
    expect(orderTokens(parsePair(pair), side)).toEqual({ buyToken, sellToken });
  });
});

describe("the order's quantity", () => {
  it.each([
    [{ base_asset_qty: "0.5" }, "buy", "base_asset_qty", "0.5", "base", "BTC:PERP"],
    [{ base_asset_qty: 0.5 }, "sell", "base_asset_qty", "0.5", "base", "BTC:PERP"],
    [{ quote_asset_qty: "1000" }, "buy", "quote_asset_qty", "1000", "quote", "USDT"],
    [{ quote_asset_qty: 1000 }, "sell", "quote_asset_qty", "1000", "quote", "USDT"],
    [{ sell_token_amount: "1000" }, "buy", "sell_token_amount", "1000", "quote", "USDT"],
    [{ sell_token_amount: "0.25" }, "sell", "sell_token_amount", "0.25", "base", "BTC:PERP"],
    [
      { base_asset_qty: 0.1, quote_asset_qty: null, sell_token_amount: "" },
      "buy",
      "base_asset_qty",
      "0.1",
      "base",
      "BTC:PERP",
    ],
    [{ base_asset_qty: "1e-8" }, "buy", "base_asset_qty", "0.00000001", "base", "BTC:PERP"],
    [
      { base_asset_qty: "123456789.123456789123456789" },
      "buy",
      "base_asset_qty",
      "123456789.123456789123456789",
      "base",
      "BTC:PERP",
    ],
  ] as const)("%j on a %s", (input, side, field, qty, unit, token) => {
    const quantity = parseOrderQuantity(input, side);
    expect({ field: quantity.field, qty: toPlain(quantity.qty), unit: quantity.unit }).toEqual({
      field,
      qty,
      unit,
    });
    expect(targetToken(parsePair("BTC:PERP-USDT"), quantity.unit)).toBe(token);
  });

  it.each([
    [{}, [{ field: "base_asset_qty", message: QTY_MISSING }]],
    [{ base_asset_qty: null, quote_asset_qty: "" }, [{ field: "base_asset_qty", message: QTY_MISSING }]],
    [{ base_asset_qty: "1", quote_asset_qty: "2" }, [{ field: "quote_asset_qty", message: QTY_MULTIPLE }]],
    [
      { base_asset_qty: 1, quote_asset_qty: 2, sell_token_amount: 3 },
      [
        { field: "quote_asset_qty", message: QTY_MULTIPLE },
        { field: "sell_token_amount", message: QTY_MULTIPLE },
      ],
    ],
    [
      { quote_asset_qty: "0", sell_token_amount: "5" },
      [{ field: "sell_token_amount", message: QTY_MULTIPLE }],
    ],
    [{ base_asset_qty: "0" }, [{ field: "base_asset_qty", message: "must be a positive number" }]],
    [{ base_asset_qty: -1 }, [{ field: "base_asset_qty", message: "must be a positive number" }]],
    [{ quote_asset_qty: "-0.0" }, [{ field: "quote_asset_qty", message: "must be a positive number" }]],
    [{ sell_token_amount: "ten" }, [{ field: "sell_token_amount", message: "must be a decimal number" }]],
    [{ base_asset_qty: Number.NaN }, [{ field: "base_asset_qty", message: "must be a decimal number" }]],
    [{ base_asset_qty: Infinity }, [{ field: "base_asset_qty", message: "must be a decimal number" }]],
    [{ base_asset_qty: true }, [{ field: "base_asset_qty", message: "must be a decimal number" }]],
    [{ base_asset_qty: "0x10" }, [{ field: "base_asset_qty", message: "must be a decimal number" }]],
  ])("%j is refused", (input, errors) => {
    expect(readOrderQuantity(input, "buy")).toEqual({ quantity: null, errors });
    expect(() => parseOrderQuantity(input, "buy")).toThrow(AppError);
  });

  it.each([
    ["base_asset_qty", "buy", "base"],
    ["base_asset_qty", "sell", "base"],
    ["quote_asset_qty", "buy", "quote"],
    ["quote_asset_qty", "sell", "quote"],
    ["sell_token_amount", "buy", "quote"],
    ["sell_token_amount", "sell", "base"],
  ] as const)("%s on a %s is measured in %s", (field, side, unit) => {
    expect(targetUnitOf(field, side)).toBe(unit);
  });

  it.each([
    ["buy", "base", { buyTokenAmount: "2", sellTokenAmount: null }],
    ["buy", "quote", { buyTokenAmount: null, sellTokenAmount: "2" }],
    ["sell", "base", { buyTokenAmount: null, sellTokenAmount: "2" }],
    ["sell", "quote", { buyTokenAmount: "2", sellTokenAmount: null }],
  ] as const)("token amounts of a %s sized in %s", (side, unit, expected) => {
    const amounts = tokenAmounts(side, unit, dec("2"));
    expect({
      buyTokenAmount: plain(amounts.buyTokenAmount),
      sellTokenAmount: plain(amounts.sellTokenAmount),
    }).toEqual(expected);
  });
});

describe("conversions", () => {
  it.each([
    ["0.5", "base", "quote", "60000", "30000"],
    ["1000", "quote", "base", "89411.25", "0.01118427490947727495141830586195808692978"],
    ["1000", "quote", "base", "80000", "0.0125"],
    ["7", "base", "base", "123", "7"],
    ["7", "quote", "quote", "123", "7"],
  ] as const)("%s %s → %s at %s = %s", (qty, from, to, price, expected) => {
    expect(toPlain(convertQty(dec(qty), from, to, dec(price)))).toBe(expected);
  });

  it.each(["0", "-1"])("refuses to convert quote at price %s", (price) => {
    expect(() => quoteToBase(dec("1"), dec(price))).toThrow(AppError);
  });
});

describe("progress from fills", () => {
  const fills = [fill("50000", "0.02"), fill("50100", "0.03")];

  it("sums base and notional exactly (no float drift)", () => {
    expect(toPlain(executedBase([fill("1", "0.1"), fill("1", "0.2")]))).toBe("0.3");
    expect(toPlain(executedBase(fills))).toBe("0.05");
    expect(toPlain(executedNotional(fills))).toBe("2503");
    expect(toPlain(executedInUnit(fills, "base"))).toBe("0.05");
    expect(toPlain(executedInUnit(fills, "quote"))).toBe("2503");
  });

  it.each([
    [[], null],
    [[fill("50000", "0.02"), fill("50100", "0.03")], "50060"],
    [[fill("100", "1"), fill("110", "3")], "107.5"],
    [[fill("3", "1"), fill("3", "2")], "3"],
  ])("average price of %j is %s", (input, expected) => {
    expect(plain(averagePrice(input))).toBe(expected);
  });

  it.each([
    ["1", "0", "1", "0"],
    ["1", "0.4", "0.6", "40"],
    ["3", "1", "2", "33.33"],
    ["3", "2", "1", "66.66"],
    ["1", "0.99999", "0.00001", "99.99"],
    ["1", "1", "0", "100"],
    ["1", "1.2", "0", "100"],
    ["0", "0", "0", "0"],
  ])("target %s, executed %s: remaining %s, %s%%", (target, executed, remaining, pct) => {
    expect(toPlain(remainingQty(dec(target), dec(executed)))).toBe(remaining);
    expect(toPlain(pctFilled(dec(target), dec(executed)))).toBe(pct);
  });

  // BTC-USDT's lot is 0.00001 BTC: what remains below one lot (in base, or its worth in quote at the
  // average fill price) cannot be placed, so the order is fully filled.
  it.each([
    ["base: all of it", "base", "0.1", "0.1", "6000", "0.00001", true],
    ["base: an overfill", "base", "0.1", "0.10002", "6001.2", "0.00001", true],
    ["base: one lot short", "base", "0.1", "0.09999", "5999.4", "0.00001", false],
    ["base: less than a lot short", "base", "0.1", "0.099995", "5999.7", "0.00001", true],
    [
      "quote: 0.42 USDT left, a lot is worth 0.99",
      "quote",
      "1000",
      "0.01006",
      "999.5818206",
      "0.00001",
      true,
    ],
    ["quote: 1.42 USDT left", "quote", "1000", "0.01005", "998.5818206", "0.00001", false],
    ["quote: exact", "quote", "1000", "0.01", "1000", "0.00001", true],
    ["no fill", "quote", "0.5", "0", "0", "0.00001", false],
    ["no size step: nothing may remain", "base", "1", "0.999999", "99", null, false],
    ["no size step: all of it", "quote", "100", "1", "100", null, true],
  ] as const)("fully filled, %s", (_name, unit, target, base, quote, step, filled) => {
    const execution = {
      targetQty: dec(target),
      targetUnit: unit,
      executedBase: dec(base),
      executedQuote: dec(quote),
    };
    expect(isFullyFilled(execution, step === null ? null : dec(step))).toBe(filled);
  });

  it.each([
    [
      "buy sized in base",
      { side: "buy", targetQty: "0.1", targetUnit: "base" },
      { executedQty: "0.05", remainingQty: "0.05", pctFilled: "50", buy: "0.05", sell: "2503" },
    ],
    [
      "buy sized in quote (sell_token_amount)",
      { side: "buy", targetQty: "5006", targetUnit: "quote" },
      { executedQty: "2503", remainingQty: "2503", pctFilled: "50", buy: "0.05", sell: "2503" },
    ],
    [
      "sell sized in base",
      { side: "sell", targetQty: "0.2", targetUnit: "base" },
      { executedQty: "0.05", remainingQty: "0.15", pctFilled: "25", buy: "2503", sell: "0.05" },
    ],
    [
      "sell sized in quote",
      { side: "sell", targetQty: "2503", targetUnit: "quote" },
      { executedQty: "2503", remainingQty: "0", pctFilled: "100", buy: "2503", sell: "0.05" },
    ],
  ] as const)("%s", (_name, order, expected) => {
    const progress = orderProgress({ ...order, targetQty: dec(order.targetQty), fills });
    expect({
      executedQty: toPlain(progress.executedQty),
      remainingQty: toPlain(progress.remainingQty),
      pctFilled: toPlain(progress.pctFilled),
      buy: toPlain(progress.executedBuyQty),
      sell: toPlain(progress.executedSellQty),
    }).toEqual(expected);
    expect(plain(progress.averagePrice)).toBe("50060");
    expect(toPlain(progress.executedBase)).toBe("0.05");
    expect(toPlain(progress.executedNotional)).toBe("2503");
  });

  it("an order without fills has no average price", () => {
    const progress = orderProgress({ side: "buy", targetQty: dec("1"), targetUnit: "base", fills: [] });
    expect(progress.averagePrice).toBeNull();
    expect(toPlain(progress.pctFilled)).toBe("0");
    expect(toPlain(progress.remainingQty)).toBe("1");
  });
});
