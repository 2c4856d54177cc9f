import { Dec, parseDecimal } from "../shared/decimal";
import { AppError } from "../shared/errors";
import { tryParsePair } from "./quantity";
import { parseIsoTime } from "./request-values";

/**
 * The order condition: an expression that gates the start of an order (it is not re-evaluated once
 * the order runs). Stored in reverse Polish notation as the Core Order API stores it
 * (`"BTC:PERP-USDT@Bybit 89411.25 <="`) and shown in infix (`"BTC:PERP-USDT@Bybit <= 89411.25"`).
 *
 * Terms:
 * - `PAIR@VENUE`: the current price of a pair on a venue (`ETH:PERP-USDT@Bybit`);
 * - numbers (`89411.25`, `-3`, `1e3`);
 * - `TIME`: now, in epoch **seconds** (fractional), so time arithmetic reads in seconds like
 *   `duration` does: `TIME dt2023-09-24T00:00 3600 + >` is "an hour after midnight";
 * - date literals, UTC unless an offset is given, also in epoch seconds: `dt2023-09-24T00:00` (the
 *   tread.fi spelling) or bare ISO 8601 (`2023-09-24T00:00:00Z`);
 * - order fields `:qty` (target quantity), `:filled` (executed, target units), `:current_target`
 *   (the schedule's current target), supplied by the engine when it evaluates;
 * - variables: names defined in `order_condition_vars`, each an RPN expression (or a number).
 *
 * Operators, all binary: `+ - * / ** % max min` on numbers, `>= <= > < == !=` comparing numbers
 * (`==` and `!=` also compare two booleans), `AND OR` on booleans. The whole condition must be a
 * boolean. Arithmetic is decimal throughout; division or modulo by zero is an error, not Infinity.
 */

export const ARITHMETIC_OPS = ["+", "-", "*", "/", "**", "%", "max", "min"] as const;
export const COMPARISON_OPS = [">=", "<=", ">", "<", "==", "!="] as const;
export const LOGICAL_OPS = ["AND", "OR"] as const;
export type ArithmeticOp = (typeof ARITHMETIC_OPS)[number];
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type LogicalOp = (typeof LOGICAL_OPS)[number];
export type ConditionOp = ArithmeticOp | ComparisonOp | LogicalOp;

export const ORDER_FIELDS = [":qty", ":filled", ":current_target"] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export type ConditionNode =
  | { kind: "number"; text: string; value: Dec }
  | { kind: "price"; key: string; pair: string; venue: string }
  | { kind: "time" }
  | { kind: "date"; text: string; epochMs: number }
  | { kind: "field"; name: OrderField }
  | { kind: "var"; name: string; expr: ConditionNode }
  | { kind: "op"; op: ConditionOp; left: ConditionNode; right: ConditionNode };

/** A parsed condition: its root is always boolean-valued. */
export type ConditionAst = ConditionNode;

/** `order_condition_vars`: name → RPN expression (or a plain number). */
export type ConditionVars = Record<string, string | number>;

export interface PriceRef {
  /** "PAIR@VENUE", the key of the `prices` map given to `evaluateCondition`. */
  key: string;
  pair: string;
  venue: string;
}

export interface ConditionContext {
  /** Current prices by "PAIR@VENUE". */
  prices: ReadonlyMap<string, Dec>;
  /** Epoch ms. */
  now: number;
  /** Values of `:qty`, `:filled`, `:current_target` when the condition uses them. */
  fields?: Partial<Record<OrderField, Dec>>;
}

type ValueType = "number" | "boolean";

const OPS = new Map<string, ConditionOp>(
  [...ARITHMETIC_OPS, ...COMPARISON_OPS, ...LOGICAL_OPS].map((op) => [op.toLowerCase(), op]),
);
const RESERVED = new Set(["time", "and", "or", "max", "min"]);
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VENUE = /^[A-Za-z0-9_.]+$/;

const FIELD = "order_condition";

/**
 * Bounds on a condition, checked when it is parsed (at submit, and by the engine before it
 * evaluates a stored one). Variables are parsed once each and shared, but every reference expands
 * to the whole variable: twenty variables that each use the next one twice expand to a million
 * terms. The expanded size is what evaluation would cost without sharing, so it is capped too.
 */
export const CONDITION_LIMITS = {
  /** Variables in order_condition_vars. */
  vars: 50,
  /** Tokens in the condition or in one variable's expression. */
  tokens: 200,
  /** Variables referring to variables, this many deep. */
  depth: 16,
  /** Terms of the condition with every variable written out in full. */
  expandedSize: 10_000,
  /** Evaluation steps; with variables evaluated once each a valid condition needs far fewer. */
  evaluationSteps: 100_000,
} as const;

function conditionError(field: string, message: string): AppError {
  return new AppError("bad_request", `${field}: ${message}`, { fieldErrors: [{ field, message }] });
}

// --- Parsing --------------------------------------------------------------------------------------

/**
 * Parse an RPN condition (and the variables it may use) into a typed tree. Throws `bad_request`
 * naming `order_condition` (or `order_condition_vars.<name>`) for an unknown token, a missing
 * operand, leftover operands, mismatched operand types or a result that is not true/false.
 */
export function parseCondition(rpn: string, vars: ConditionVars = {}): ConditionAst {
  const resolver = new VarResolver(vars);
  resolver.resolveAll();
  const { node, type, size } = parseRpn(rpn, FIELD, resolver);
  if (size > CONDITION_LIMITS.expandedSize) {
    throw conditionError(
      FIELD,
      `The condition expands to more than ${CONDITION_LIMITS.expandedSize} terms once its variables are written out; simplify it`,
    );
  }
  if (type !== "boolean") {
    throw conditionError(FIELD, "The condition must compute true or false, but it computes a number");
  }
  return node;
}

/** Parse the variables alone (each must be a valid expression), for `order_condition_vars` errors. */
export function parseConditionVars(vars: ConditionVars): Map<string, ConditionNode> {
  const resolver = new VarResolver(vars);
  resolver.resolveAll();
  return new Map([...resolver.done].map(([name, typed]) => [name, typed.node]));
}

interface Typed {
  node: ConditionNode;
  type: ValueType;
  /** Terms with every variable written out, saturating just above CONDITION_LIMITS.expandedSize. */
  size: number;
}

const saturate = (size: number) => Math.min(size, CONDITION_LIMITS.expandedSize + 1);

class VarResolver {
  readonly done = new Map<string, Typed>();
  private readonly resolving: string[] = [];

  constructor(private readonly vars: ConditionVars) {
    const count = Object.keys(vars).length;
    if (count > CONDITION_LIMITS.vars) {
      throw conditionError(
        "order_condition_vars",
        `At most ${CONDITION_LIMITS.vars} variables, got ${count}`,
      );
    }
  }

  has(name: string): boolean {
    return Object.hasOwn(this.vars, name);
  }

  resolveAll(): void {
    for (const name of Object.keys(this.vars)) this.resolve(name);
  }

  resolve(name: string): Typed {
    const cached = this.done.get(name);
    if (cached) return cached;
    const field = `order_condition_vars.${name}`;
    if (!VAR_NAME.test(name) || RESERVED.has(name.toLowerCase())) {
      throw conditionError(
        field,
        `Invalid variable name "${name}": use letters, digits and _, not a keyword`,
      );
    }
    if (this.resolving.includes(name)) {
      throw conditionError(
        field,
        `Variable "${name}" refers to itself (${[...this.resolving, name].join(" → ")})`,
      );
    }
    const source = this.vars[name];
    const text = typeof source === "number" ? (Number.isFinite(source) ? String(source) : "") : source;
    if (typeof text !== "string") throw conditionError(field, "A variable must be an expression or a number");
    if (this.resolving.length >= CONDITION_LIMITS.depth) {
      throw conditionError(
        field,
        `Variables refer to variables more than ${CONDITION_LIMITS.depth} deep (${[...this.resolving, name].join(" → ")})`,
      );
    }
    this.resolving.push(name);
    const typed = parseRpn(text, field, this);
    this.resolving.pop();
    const result: Typed = {
      node: { kind: "var", name, expr: typed.node },
      type: typed.type,
      size: typed.size,
    };
    this.done.set(name, result);
    return result;
  }
}

function parseRpn(rpn: string, field: string, vars: VarResolver): Typed {
  const tokens = rpn.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw conditionError(field, "The expression is empty");
  if (tokens.length > CONDITION_LIMITS.tokens) {
    throw conditionError(field, `At most ${CONDITION_LIMITS.tokens} tokens, got ${tokens.length}`);
  }
  const stack: Typed[] = [];
  tokens.forEach((token, index) => {
    const at = `token ${index + 1}`;
    const op = OPS.get(token.toLowerCase());
    if (op) {
      const right = stack.pop();
      const left = stack.pop();
      if (!left || !right) {
        throw conditionError(
          field,
          `Operator "${token}" (${at}) needs two operands, found ${left || right ? 1 : 0}`,
        );
      }
      stack.push({
        node: { kind: "op", op, left: left.node, right: right.node },
        type: checkTypes(op, left, right, at, field),
        size: saturate(1 + left.size + right.size),
      });
      return;
    }
    stack.push(parseTerm(token, at, field, vars));
  });
  if (stack.length !== 1) {
    throw conditionError(
      field,
      `Leftover operands: the expression leaves ${stack.length} values; join them with operators`,
    );
  }
  return stack[0]!;
}

function checkTypes(op: ConditionOp, left: Typed, right: Typed, at: string, field: string): ValueType {
  const both = (type: ValueType) => left.type === type && right.type === type;
  if ((LOGICAL_OPS as readonly string[]).includes(op)) {
    if (!both("boolean")) throw conditionError(field, `Operator "${op}" (${at}) needs true/false operands`);
    return "boolean";
  }
  if (op === "==" || op === "!=") {
    if (left.type !== right.type) {
      throw conditionError(field, `Operator "${op}" (${at}) compares a number with true/false`);
    }
    return "boolean";
  }
  if (!both("number")) throw conditionError(field, `Operator "${op}" (${at}) needs numbers`);
  return (COMPARISON_OPS as readonly string[]).includes(op) ? "boolean" : "number";
}

function parseTerm(token: string, at: string, field: string, vars: VarResolver): Typed {
  if (token.toUpperCase() === "TIME") return { node: { kind: "time" }, type: "number", size: 1 };
  const value = parseDecimal(token);
  if (value) return { node: { kind: "number", text: token, value }, type: "number", size: 1 };
  const date = parseDateLiteral(token);
  if (date !== undefined) {
    if (date === null) throw conditionError(field, `Invalid date "${token}" (${at}): use dtYYYY-MM-DDTHH:MM`);
    return { node: { kind: "date", text: token, epochMs: date }, type: "number", size: 1 };
  }
  if (token.includes("@")) {
    const cut = token.lastIndexOf("@");
    const pair = token.slice(0, cut);
    const venue = token.slice(cut + 1);
    if (!tryParsePair(pair) || !VENUE.test(venue)) {
      throw conditionError(
        field,
        `Invalid price "${token}" (${at}): use PAIR@VENUE, e.g. BTC:PERP-USDT@Bybit`,
      );
    }
    return { node: { kind: "price", key: token, pair, venue }, type: "number", size: 1 };
  }
  if (token.startsWith(":")) {
    if (!(ORDER_FIELDS as readonly string[]).includes(token)) {
      throw conditionError(field, `Unknown order field "${token}" (${at}): use ${ORDER_FIELDS.join(", ")}`);
    }
    return { node: { kind: "field", name: token as OrderField }, type: "number", size: 1 };
  }
  if (vars.has(token)) return vars.resolve(token);
  throw conditionError(field, `Unknown token "${token}" (${at})`);
}

/** undefined: not a date at all; null: looks like a date but is invalid; else epoch ms. */
function parseDateLiteral(token: string): number | null | undefined {
  const text = /^dt\d{4}-/i.test(token) ? token.slice(2) : /^\d{4}-\d/.test(token) ? token : undefined;
  if (text === undefined) return undefined;
  return parseIsoTime(text);
}

// --- Formatting -----------------------------------------------------------------------------------

const PRECEDENCE: Record<ConditionOp, number> = {
  OR: 1,
  AND: 2,
  ">=": 3,
  "<=": 3,
  ">": 3,
  "<": 3,
  "==": 3,
  "!=": 3,
  "+": 4,
  "-": 4,
  "*": 5,
  "/": 5,
  "%": 5,
  "**": 6,
  max: 9,
  min: 9,
};
const ATOM = 10;

function precedence(node: ConditionNode): number {
  return node.kind === "op" ? PRECEDENCE[node.op] : ATOM;
}

/** Infix text of a parsed condition, with parentheses only where the tree needs them. */
export function formatCondition(node: ConditionNode): string {
  switch (node.kind) {
    case "number":
    case "date":
      return node.text;
    case "price":
      return node.key;
    case "time":
      return "TIME";
    case "field":
    case "var":
      return node.name;
    case "op": {
      if (node.op === "max" || node.op === "min") {
        return `${node.op}(${formatCondition(node.left)}, ${formatCondition(node.right)})`;
      }
      const p = PRECEDENCE[node.op];
      const comparison = p === 3;
      const rightAssoc = node.op === "**";
      const lp = precedence(node.left);
      const rp = precedence(node.right);
      // A negative literal as the base of ** reads as -(a ** b) in most languages: parenthesize it.
      const negativeBase = rightAssoc && node.left.kind === "number" && node.left.value.isNegative();
      const wrapLeft = lp < p || (lp === p && (rightAssoc || comparison)) || negativeBase;
      const wrapRight = rp < p || (rp === p && !rightAssoc);
      return `${wrap(node.left, wrapLeft)} ${node.op} ${wrap(node.right, wrapRight)}`;
    }
  }
}

function wrap(node: ConditionNode, parens: boolean): string {
  const text = formatCondition(node);
  return parens ? `(${text})` : text;
}

/** The Core Order API's `order_condition_normal`: the stored RPN shown in infix. */
export function conditionToInfix(rpn: string, vars: ConditionVars = {}): string {
  return formatCondition(parseCondition(rpn, vars));
}

/** The Core Order API's `order_variable_normal`: each variable's expression in infix. */
export function conditionVarsToInfix(vars: ConditionVars): Record<string, string> {
  const parsed = parseConditionVars(vars);
  return Object.fromEntries(
    [...parsed].map(([name, node]) => [name, formatCondition(node.kind === "var" ? node.expr : node)]),
  );
}

// --- Analysis and evaluation ----------------------------------------------------------------------

/** The "PAIR@VENUE" prices the engine must fetch to evaluate a condition, each once, in order of appearance. */
export function conditionPrices(ast: ConditionAst): string[] {
  return conditionPriceRefs(ast).map((ref) => ref.key);
}

/** `conditionPrices` with each reference split into pair and venue. */
export function conditionPriceRefs(ast: ConditionAst): PriceRef[] {
  const refs = new Map<string, PriceRef>();
  // A variable is one shared node however often it is used: visit it once.
  const seen = new Set<ConditionNode>();
  const walk = (node: ConditionNode): void => {
    if (node.kind === "price" && !refs.has(node.key)) {
      refs.set(node.key, { key: node.key, pair: node.pair, venue: node.venue });
    } else if (node.kind === "var") {
      if (seen.has(node)) return;
      seen.add(node);
      walk(node.expr);
    } else if (node.kind === "op") {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(ast);
  return [...refs.values()];
}

/**
 * Evaluate a parsed condition. Both sides of AND/OR are always evaluated, so a missing price is
 * reported whatever the other side says. A missing price or order field is `unavailable`; division
 * or modulo by zero and non-finite powers are `bad_request` on `order_condition`.
 */
export function evaluateCondition(ast: ConditionAst, context: ConditionContext): boolean {
  const value = new Evaluation(context).evaluate(ast);
  if (typeof value !== "boolean") {
    throw conditionError(FIELD, "The condition must compute true or false, but it computes a number");
  }
  return value;
}

/**
 * One evaluation: each variable is computed once and reused, and the steps are counted, so a
 * condition can never hold the engine longer than CONDITION_LIMITS.evaluationSteps allow (the
 * engine fails such an order instead of retrying it every tick).
 */
class Evaluation {
  private readonly vars = new Map<ConditionNode, Dec | boolean>();
  private steps = 0;

  constructor(private readonly context: ConditionContext) {}

  evaluate(node: ConditionNode): Dec | boolean {
    if (++this.steps > CONDITION_LIMITS.evaluationSteps) {
      throw conditionError(
        FIELD,
        `Evaluating the condition took more than ${CONDITION_LIMITS.evaluationSteps} steps`,
      );
    }
    const context = this.context;
    switch (node.kind) {
      case "number":
        return node.value;
      case "time":
        return new Dec(context.now).dividedBy(1000);
      case "date":
        return new Dec(node.epochMs).dividedBy(1000);
      case "price": {
        const price = context.prices.get(node.key);
        if (!price)
          throw new AppError("unavailable", `No price for ${node.key}`, { details: { price: node.key } });
        return price;
      }
      case "field": {
        const value = context.fields?.[node.name];
        if (!value)
          throw new AppError("unavailable", `No value for ${node.name}`, { details: { field: node.name } });
        return value;
      }
      case "var": {
        const known = this.vars.get(node);
        if (known !== undefined) return known;
        const value = this.evaluate(node.expr);
        this.vars.set(node, value);
        return value;
      }
      case "op":
        return apply(node.op, this.evaluate(node.left), this.evaluate(node.right));
    }
  }
}

function apply(op: ConditionOp, left: Dec | boolean, right: Dec | boolean): Dec | boolean {
  if (typeof left === "boolean" || typeof right === "boolean") {
    // The parser admits booleans only for AND, OR, == and !=.
    switch (op) {
      case "AND":
        return left === true && right === true;
      case "OR":
        return left === true || right === true;
      case "==":
        return left === right;
      case "!=":
        return left !== right;
      default:
        throw conditionError(FIELD, `Operator "${op}" needs numbers`);
    }
  }
  switch (op) {
    case "+":
      return left.plus(right);
    case "-":
      return left.minus(right);
    case "*":
      return left.times(right);
    case "/":
      if (right.isZero()) throw conditionError(FIELD, "Division by zero");
      return left.dividedBy(right);
    case "%":
      if (right.isZero()) throw conditionError(FIELD, "Modulo by zero");
      return left.modulo(right);
    case "**": {
      const result = left.pow(right);
      if (!result.isFinite())
        throw conditionError(FIELD, `${left.toFixed()} ** ${right.toFixed()} is not a number`);
      return result;
    }
    case "max":
      return Dec.max(left, right);
    case "min":
      return Dec.min(left, right);
    case ">=":
      return left.greaterThanOrEqualTo(right);
    case "<=":
      return left.lessThanOrEqualTo(right);
    case ">":
      return left.greaterThan(right);
    case "<":
      return left.lessThan(right);
    case "==":
      return left.equals(right);
    case "!=":
      return !left.equals(right);
    case "AND":
    case "OR":
      throw conditionError(FIELD, `Operator "${op}" needs true/false operands`);
  }
}
