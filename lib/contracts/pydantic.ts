import { z } from "zod";
import { parseDecimal, type DecimalColumn } from "@/lib/domain/shared/decimal";

/**
 * Request fields validated as pydantic v2 validates them (lax mode, JSON input), for the surface
 * that imitates a FastAPI service (hummingbot-api). A field that fails adds a zod issue carrying
 * pydantic's own error — `type`, `msg` and `ctx`, worded as pydantic-core words them — in its
 * `params.pydantic`; the dialect adds `loc` and `input` and answers FastAPI's 422. A required field
 * that is absent is zod's own "missing" issue. Each field also declares its JSON Schema for OpenAPI.
 */

/** A pydantic error as FastAPI lists it, less `loc` and `input`. */
export interface PydanticError {
  type: string;
  msg: string;
  ctx?: Record<string, unknown>;
}

type Path = (string | number)[];
type Report = (error: PydanticError, path?: Path) => void;
const INVALID = Symbol("invalid");
type Invalid = typeof INVALID;

/** A pydantic type: validates a present, non-null JSON value (or reports why not). */
export interface PyType<T> {
  check(value: unknown, report: Report): T | Invalid;
  json: Record<string, unknown>;
}

/** pydantic's way of listing a Literal's values: "'A', 'B' or 'C'". */
const literalList = (values: readonly string[]): string => {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
};

export const pyStr: PyType<string> = {
  check: (value, report) =>
    typeof value === "string"
      ? value
      : (report({ type: "string_type", msg: "Input should be a valid string" }), INVALID),
  json: { type: "string" },
};

/** `Literal["A", "B"]`: anything else (another type included) is a literal_error. */
export function pyLiteral<const T extends string>(values: readonly T[]): PyType<T> {
  const expected = literalList(values);
  return {
    check: (value, report) =>
      values.includes(value as T)
        ? (value as T)
        : (report({ type: "literal_error", msg: `Input should be ${expected}`, ctx: { expected } }), INVALID),
    json: { type: "string", enum: [...values] },
  };
}

const INT_TEXT = /^\s*[+-]?\d+(?:\.0*)?\s*$/;

/** `int` with `ge` / `le`: integral numbers, integer strings ("5", "5.0") and booleans, as lax mode takes them. */
export function pyInt(bounds: { ge?: number; le?: number } = {}): PyType<number> {
  return {
    check: (value, report) => {
      let int: number;
      if (typeof value === "boolean") int = value ? 1 : 0;
      else if (typeof value === "number") {
        if (!Number.isInteger(value)) {
          report({
            type: "int_from_float",
            msg: "Input should be a valid integer, got a number with a fractional part",
          });
          return INVALID;
        }
        int = value;
      } else if (typeof value === "string") {
        if (!INT_TEXT.test(value)) {
          report({
            type: "int_parsing",
            msg: "Input should be a valid integer, unable to parse string as an integer",
          });
          return INVALID;
        }
        int = Math.trunc(Number(value));
      } else {
        report({ type: "int_type", msg: "Input should be a valid integer" });
        return INVALID;
      }
      if (bounds.ge !== undefined && int < bounds.ge) {
        report({
          type: "greater_than_equal",
          msg: `Input should be greater than or equal to ${bounds.ge}`,
          ctx: { ge: bounds.ge },
        });
        return INVALID;
      }
      if (bounds.le !== undefined && int > bounds.le) {
        report({
          type: "less_than_equal",
          msg: `Input should be less than or equal to ${bounds.le}`,
          ctx: { le: bounds.le },
        });
        return INVALID;
      }
      return int;
    },
    json: { type: "integer", minimum: bounds.ge, maximum: bounds.le },
  };
}

const NOT_FINITE = /^[+-]?(?:inf|infinity|s?nan)$/i;

/**
 * `Decimal` (kept as its text: no float touches it) with `gt`, refused beyond a NUMERIC column as
 * pydantic refuses `Decimal(max_digits, decimal_places)`.
 */
export function pyDecimal(options: { gt?: number; column?: DecimalColumn } = {}): PyType<string> {
  return {
    check: (value, report) => {
      if (typeof value !== "number" && typeof value !== "string") {
        report({
          type: "decimal_type",
          msg: "Decimal input should be an integer, float, string or Decimal object",
        });
        return INVALID;
      }
      const text = typeof value === "number" ? String(value) : value.trim();
      if (NOT_FINITE.test(text)) {
        report({ type: "finite_number", msg: "Input should be a finite number" });
        return INVALID;
      }
      const parsed = parseDecimal(text);
      if (parsed === null) {
        report({ type: "decimal_parsing", msg: "Input should be a valid decimal" });
        return INVALID;
      }
      const { column, gt } = options;
      const wholeDigits = parsed.abs().lt(1) ? 0 : parsed.abs().trunc().toFixed().length;
      if (column && wholeDigits + parsed.decimalPlaces() > column.precision) {
        report({
          type: "decimal_max_digits",
          msg: `Decimal input should have no more than ${column.precision} digits in total`,
          ctx: { max_digits: column.precision },
        });
        return INVALID;
      }
      if (column && parsed.decimalPlaces() > column.scale) {
        report({
          type: "decimal_max_places",
          msg: `Decimal input should have no more than ${column.scale} decimal places`,
          ctx: { decimal_places: column.scale },
        });
        return INVALID;
      }
      const whole = column ? column.precision - column.scale : 0;
      if (column && wholeDigits > whole) {
        report({
          type: "decimal_whole_digits",
          msg: `Decimal input should have no more than ${whole} digits before the decimal point`,
          ctx: { whole_digits: whole },
        });
        return INVALID;
      }
      if (gt !== undefined && !parsed.gt(gt)) {
        report({ type: "greater_than", msg: `Input should be greater than ${gt}`, ctx: { gt } });
        return INVALID;
      }
      return text;
    },
    json: {
      anyOf: [{ type: "number" }, { type: "string" }],
      ...(options.gt !== undefined ? { description: `A decimal greater than ${options.gt}.` } : {}),
    },
  };
}

/** `List[X]`: each element checked in place (its index joins the `loc`). */
export function pyList<T>(item: PyType<T>): PyType<T[]> {
  return {
    check: (value, report) => {
      if (!Array.isArray(value)) {
        report({ type: "list_type", msg: "Input should be a valid list" });
        return INVALID;
      }
      const out: T[] = [];
      let ok = true;
      value.forEach((element, index) => {
        const checked = item.check(element, (error, path = []) => report(error, [index, ...path]));
        if (checked === INVALID) ok = false;
        else out.push(checked);
      });
      return ok ? out : INVALID;
    },
    json: { type: "array", items: item.json },
  };
}

/** What an absent required field checks as: pydantic's `missing` (the dialect adds the parent as `input`). */
const missing: PyType<never> = {
  check: (_value, report) => (report({ type: "missing", msg: "Field required" }), INVALID),
  json: {},
};

function run<T>(type: PyType<T>, value: unknown, ctx: z.RefinementCtx): T {
  const checked = type.check(value, (error, path) =>
    ctx.addIssue({ code: "custom", message: error.msg, path, params: { pydantic: error } }),
  );
  return checked === INVALID ? (z.NEVER as T) : checked;
}

/** A required field: absent is "Field required" (`missing`), null a type error. */
export const pyRequired = <T>(type: PyType<T>) =>
  z
    .unknown()
    .transform((value, ctx) => run(value === undefined ? missing : type, value, ctx))
    .meta(type.json);

/** A field with a default: absent takes it, null is a type error (the field is not Optional). */
export const pyDefault = <T>(type: PyType<T>, fallback: T) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => (value === undefined ? fallback : run(type, value, ctx)))
    .meta({ ...type.json, default: fallback });

/** `Optional[X] = None`: absent and null are None. */
export const pyOptional = <T>(type: PyType<T>) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx): T | null =>
      value === undefined || value === null ? null : run(type, value, ctx),
    )
    .meta({ anyOf: [type.json, { type: "null" }] });
