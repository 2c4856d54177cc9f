import { describe, expect, it } from "vitest";
import { dec, type Dec } from "../shared/decimal";
import { AppError } from "../shared/errors";
import {
  conditionPriceRefs,
  conditionPrices,
  conditionToInfix,
  conditionVarsToInfix,
  evaluateCondition,
  parseCondition,
  parseConditionVars,
  type ConditionVars,
} from "./condition";

const BYBIT = "BTC:PERP-USDT@Bybit";
const BINANCE = "BTC-USDT@Binance";
const ETH = "ETH-USDT@Binance";

/** 2023-09-24T00:00:00Z */
const MIDNIGHT = Date.UTC(2023, 8, 24);

const prices = new Map<string, Dec>([
  [BYBIT, dec("89411.25")],
  [BINANCE, dec("30000")],
  [ETH, dec("1500")],
]);

function evaluate(
  rpn: string,
  options: { now?: number; vars?: ConditionVars; fields?: Record<string, string> } = {},
) {
  const fields = options.fields
    ? Object.fromEntries(Object.entries(options.fields).map(([name, value]) => [name, dec(value)]))
    : undefined;
  return evaluateCondition(parseCondition(rpn, options.vars), {
    prices,
    now: options.now ?? MIDNIGHT,
    fields,
  });
}

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("RPN → infix", () => {
  it.each([
    // The seed's own example.
    ["BTC:PERP-USDT@Bybit 89411.25 <=", "BTC:PERP-USDT@Bybit <= 89411.25"],
    ["BTC-USDT@Binance 300000 >", "BTC-USDT@Binance > 300000"],
    ["TIME dt2023-09-24T00:00 >", "TIME > dt2023-09-24T00:00"],
    [
      "BTC-USDT@Binance 30000 > ETH-USDT@Binance 1000 < AND",
      "BTC-USDT@Binance > 30000 AND ETH-USDT@Binance < 1000",
    ],
    ["1 2 > 3 4 < OR 5 6 == AND", "(1 > 2 OR 3 < 4) AND 5 == 6"],
    ["1 2 > 3 4 < 5 6 == AND OR", "1 > 2 OR 3 < 4 AND 5 == 6"],
    ["1 2 > 3 4 < AND 5 6 == OR", "1 > 2 AND 3 < 4 OR 5 == 6"],
    ["1 2 > 3 4 > ==", "(1 > 2) == (3 > 4)"],
    ["1 2 > 3 4 > !=", "(1 > 2) != (3 > 4)"],
    ["BTC-USDT@Binance ETH-USDT@Binance / 20 >=", "BTC-USDT@Binance / ETH-USDT@Binance >= 20"],
    ["TIME dt2023-09-24T00:00 3600 + >", "TIME > dt2023-09-24T00:00 + 3600"],
    ["time 2023-09-24T00:00:00Z >", "TIME > 2023-09-24T00:00:00Z"],
    [":filled :qty 0.5 * <", ":filled < :qty * 0.5"],
    ["1 2 < 3 4 < and 5 6 < or", "1 < 2 AND 3 < 4 OR 5 < 6"],
    ["  BTC-USDT@Binance\t30000\n>  ", "BTC-USDT@Binance > 30000"],
  ])("%s → %s", (rpn, infix) => {
    expect(conditionToInfix(rpn)).toBe(infix);
  });

  it.each([
    ["1 2 3 * +", "1 + 2 * 3"],
    ["1 2 + 3 *", "(1 + 2) * 3"],
    ["1 2 - 3 -", "1 - 2 - 3"],
    ["1 2 3 - -", "1 - (2 - 3)"],
    ["8 2 / 2 /", "8 / 2 / 2"],
    ["8 2 2 / /", "8 / (2 / 2)"],
    ["2 3 2 ** **", "2 ** 3 ** 2"],
    ["2 3 ** 2 **", "(2 ** 3) ** 2"],
    ["-2 2 **", "(-2) ** 2"],
    ["2 -1 **", "2 ** -1"],
    ["5 -3 -", "5 - -3"],
    ["7 3 % 1 +", "7 % 3 + 1"],
    ["1 2 max 3 min", "min(max(1, 2), 3)"],
    ["1 2 + 3 4 * max", "max(1 + 2, 3 * 4)"],
  ])("arithmetic %s → %s", (rpn, infix) => {
    expect(conditionVarsToInfix({ x: rpn }).x).toBe(infix);
    expect(conditionToInfix(`${rpn} 0 >`)).toBe(`${infix} > 0`);
  });

  it("shows variables by name", () => {
    const vars = { entry: "29000 1.01 *", band: 50 };
    expect(conditionToInfix("BTC-USDT@Binance entry band + <=", vars)).toBe(
      "BTC-USDT@Binance <= entry + band",
    );
    expect(conditionVarsToInfix(vars)).toEqual({ entry: "29000 * 1.01", band: "50" });
  });
});

describe("evaluation", () => {
  it.each([
    ["BTC:PERP-USDT@Bybit 89411.25 <=", true],
    ["BTC:PERP-USDT@Bybit 89411.24 <=", false],
    ["BTC:PERP-USDT@Bybit 89411.25 <", false],
    ["BTC:PERP-USDT@Bybit 89411.25 ==", true],
    ["BTC:PERP-USDT@Bybit 89411.250 !=", false],
    ["BTC-USDT@Binance 30000 >=", true],
    ["BTC-USDT@Binance 30000 >", false],
    ["BTC-USDT@Binance ETH-USDT@Binance / 20 ==", true],
    ["BTC-USDT@Binance 30000 > ETH-USDT@Binance 2000 < OR", true],
    ["BTC-USDT@Binance 30000 > ETH-USDT@Binance 2000 < AND", false],
    // Decimal, not float: 0.1 + 0.2 is exactly 0.3.
    ["0.1 0.2 + 0.3 ==", true],
    ["1 3 / 3 * 1 ==", false],
    ["2 10 ** 1024 ==", true],
    ["2 0.5 ** 1.414 >", true],
    ["7 3 % 1 ==", true],
    ["-7 3 % -1 ==", true],
    ["1 2 max 3 min 2 ==", true],
    ["5 -3 - 8 ==", true],
    ["1 2 > 3 4 > ==", true],
    ["1 2 > 3 4 < !=", true],
  ])("%s is %s", (rpn, expected) => {
    expect(evaluate(rpn)).toBe(expected);
  });

  it.each([
    // TIME is epoch seconds: one second before, at and after midnight.
    [MIDNIGHT - 1_000, "TIME dt2023-09-24T00:00 >", false],
    [MIDNIGHT, "TIME dt2023-09-24T00:00 >", false],
    [MIDNIGHT, "TIME dt2023-09-24T00:00 >=", true],
    [MIDNIGHT + 1, "TIME dt2023-09-24T00:00 >", true],
    [MIDNIGHT + 3_599_000, "TIME dt2023-09-24T00:00 3600 + >=", false],
    [MIDNIGHT + 3_600_000, "TIME dt2023-09-24T00:00 3600 + >=", true],
    [MIDNIGHT, "TIME 1695513600 ==", true],
    [MIDNIGHT, "dt2023-09-24T02:00+02:00 2023-09-24T00:00:00Z ==", true],
    [MIDNIGHT, "TIME dt2023-09-24 == BTC-USDT@Binance 29000 > AND", true],
  ])("at %i: %s is %s", (now, rpn, expected) => {
    expect(evaluate(rpn, { now })).toBe(expected);
  });

  it("uses variables, nested ones too", () => {
    const vars = { entry: "29000 1.01 *", band: "entry 0.01 *", hit: "BTC-USDT@Binance entry band + >=" };
    expect(evaluate("hit", { vars })).toBe(true);
    expect(evaluate("BTC-USDT@Binance entry >", { vars })).toBe(true);
    expect(evaluate("BTC-USDT@Binance entry >", { vars: { entry: 30000 } })).toBe(false);
  });

  it("reads order fields from the context", () => {
    expect(evaluate(":filled :qty 0.5 * <", { fields: { ":filled": "4", ":qty": "10" } })).toBe(true);
    expect(evaluate(":filled :qty 0.5 * <", { fields: { ":filled": "5", ":qty": "10" } })).toBe(false);
    const error = failure(() => evaluate(":current_target 1 >"));
    expect([error.code, error.message]).toEqual(["unavailable", "No value for :current_target"]);
  });

  it("reports a missing price even when the other side decides", () => {
    const error = failure(() => evaluate("1 2 > SOL-USDT@Binance 10 > AND"));
    expect([error.code, error.message]).toEqual(["unavailable", "No price for SOL-USDT@Binance"]);
  });

  it.each([
    ["1 0 / 1 >", "Division by zero"],
    ["1 0 % 1 >", "Modulo by zero"],
    ["-8 0.5 ** 1 >", "-8 ** 0.5 is not a number"],
    ["BTC-USDT@Binance 30000 - 0 / 1 >", "Division by zero"],
  ])("%s fails: %s", (rpn, message) => {
    const error = failure(() => evaluate(rpn));
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors).toEqual([{ field: "order_condition", message }]);
  });
});

describe("price references", () => {
  it.each([
    ["BTC:PERP-USDT@Bybit 89411.25 <=", [{ key: BYBIT, pair: "BTC:PERP-USDT", venue: "Bybit" }]],
    ["TIME dt2023-09-24T00:00 >", []],
    [
      "BTC-USDT@Binance ETH-USDT@Binance / BTC-USDT@Binance 0 * + 20 >",
      [
        { key: BINANCE, pair: "BTC-USDT", venue: "Binance" },
        { key: ETH, pair: "ETH-USDT", venue: "Binance" },
      ],
    ],
  ])("%s", (rpn, expected) => {
    const ast = parseCondition(rpn);
    expect(conditionPriceRefs(ast)).toEqual(expected);
    expect(conditionPrices(ast)).toEqual(expected.map((ref) => ref.key));
  });

  it("includes the prices variables use", () => {
    const ast = parseCondition("BTC-USDT@Binance level >", { level: "ETH-USDT@Binance 20 *" });
    expect(conditionPrices(ast)).toEqual([BINANCE, ETH]);
  });
});

describe("malformed conditions", () => {
  it.each([
    ["", "The expression is empty"],
    ["   ", "The expression is empty"],
    ["BTC-USDT@Binance", "The condition must compute true or false, but it computes a number"],
    ["1 2 +", "The condition must compute true or false, but it computes a number"],
    ["<=", 'Operator "<=" (token 1) needs two operands, found 0'],
    ["BTC:PERP-USDT@Bybit <=", 'Operator "<=" (token 2) needs two operands, found 1'],
    ["1 2 > AND", 'Operator "AND" (token 4) needs two operands, found 1'],
    ["1 2 3 <", "Leftover operands: the expression leaves 2 values; join them with operators"],
    ["1 2 < 3 4 < 5", "Leftover operands: the expression leaves 3 values; join them with operators"],
    ["BTC-USDT@Binance 30000 => ", 'Unknown token "=>" (token 3)'],
    ["price 30000 >", 'Unknown token "price" (token 1)'],
    ["1 2 = ", 'Unknown token "=" (token 3)'],
    ["1 2 && ", 'Unknown token "&&" (token 3)'],
    ["1 2 ?= ", 'Unknown token "?=" (token 3)'],
    ["BTC-USDT@ 1 >", 'Invalid price "BTC-USDT@" (token 1): use PAIR@VENUE, e.g. BTC:PERP-USDT@Bybit'],
    [
      "BTCUSDT@Binance 1 >",
      'Invalid price "BTCUSDT@Binance" (token 1): use PAIR@VENUE, e.g. BTC:PERP-USDT@Bybit',
    ],
    ["TIME dt2023-02-30T00:00 >", 'Invalid date "dt2023-02-30T00:00" (token 2): use dtYYYY-MM-DDTHH:MM'],
    ["TIME 2023-13-01 >", 'Invalid date "2023-13-01" (token 2): use dtYYYY-MM-DDTHH:MM'],
    [":price 1 >", 'Unknown order field ":price" (token 1): use :qty, :filled, :current_target'],
    ["1 2 > 3 AND", 'Operator "AND" (token 5) needs true/false operands'],
    ["1 2 OR 3 >", 'Operator "OR" (token 3) needs true/false operands'],
    ["1 2 > 3 +", 'Operator "+" (token 5) needs numbers'],
    ["1 2 > 3 <", 'Operator "<" (token 5) needs numbers'],
    ["1 2 > 3 4 > max", 'Operator "max" (token 7) needs numbers'],
    ["1 2 > 3 ==", 'Operator "==" (token 5) compares a number with true/false'],
    ["1 NaN <", 'Unknown token "NaN" (token 2)'],
    ["1 Infinity <", 'Unknown token "Infinity" (token 2)'],
  ])("%j: %s", (rpn, message) => {
    const error = failure(() => parseCondition(rpn));
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors).toEqual([{ field: "order_condition", message }]);
  });

  it.each([
    [
      { "bad name": "1" },
      "order_condition_vars.bad name",
      'Invalid variable name "bad name": use letters, digits and _, not a keyword',
    ],
    [
      { TIME: "1" },
      "order_condition_vars.TIME",
      'Invalid variable name "TIME": use letters, digits and _, not a keyword',
    ],
    [
      { max: "1" },
      "order_condition_vars.max",
      'Invalid variable name "max": use letters, digits and _, not a keyword',
    ],
    [{ a: "a 1 +" }, "order_condition_vars.a", 'Variable "a" refers to itself (a → a)'],
    [{ a: "b 1 +", b: "a 2 *" }, "order_condition_vars.a", 'Variable "a" refers to itself (a → b → a)'],
    [{ a: "1 +" }, "order_condition_vars.a", 'Operator "+" (token 2) needs two operands, found 1'],
    [{ a: "" }, "order_condition_vars.a", "The expression is empty"],
    [{ a: Number.NaN }, "order_condition_vars.a", "The expression is empty"],
    [{ a: "zz" }, "order_condition_vars.a", 'Unknown token "zz" (token 1)'],
  ])("vars %j: %s", (vars, field, message) => {
    const error = failure(() => parseCondition("1 2 <", vars));
    expect(error.fieldErrors).toEqual([{ field, message }]);
    expect(() => parseConditionVars(vars)).toThrow(AppError);
  });

  it("reports a variable that is not a number on the condition", () => {
    const error = failure(() => parseCondition("ok 1 +", { ok: "1 2 <" }));
    expect(error.fieldErrors[0]?.message).toBe('Operator "+" (token 3) needs numbers');
  });
});

/** `count` variables, each using the next one `uses` times (v0 = v1 v1 + …), the last a number. */
function chain(count: number, uses = 2): ConditionVars {
  const vars: ConditionVars = {};
  for (let i = 0; i < count; i++) {
    const next = `v${i + 1}`;
    vars[`v${i}`] =
      i === count - 1 ? "1" : [next, ...Array.from({ length: uses - 1 }, () => `${next} +`)].join(" ");
  }
  return vars;
}

describe("bounded conditions (a chain of variables once froze the engine)", () => {
  it("evaluates a shared chain once per variable: 12 variables used twice each are 4,097 terms", () => {
    const ast = parseCondition("v0 2048 ==", chain(12));
    expect(evaluateCondition(ast, { prices: new Map(), now: 0 })).toBe(true);
    expect(conditionPrices(parseCondition(`v0 ${BYBIT} <`, { ...chain(12), v11: BYBIT }))).toEqual([BYBIT]);
  });

  it.each([
    [chain(40), "order_condition_vars.v16", /^Variables refer to variables more than 16 deep \(v0 → v1 → /],
    [chain(16), "order_condition", /^The condition expands to more than 10000 terms/],
    [chain(8, 4), "order_condition", /^The condition expands to more than 10000 terms/],
    [
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`x${i}`, "1"])),
      "order_condition_vars",
      /^At most 50 variables, got 51$/,
    ],
    [
      { v0: Array.from({ length: 201 }, () => "1").join(" ") },
      "order_condition_vars.v0",
      /^At most 200 tokens/,
    ],
  ])("refuses at parse time, naming the field: %#", (vars, field, message) => {
    const error = failure(() => parseCondition("v0 0 >", vars));
    expect(error.fieldErrors).toHaveLength(1);
    expect(error.fieldErrors[0]!.field).toBe(field);
    expect(error.fieldErrors[0]!.message).toMatch(message);
  });
});
