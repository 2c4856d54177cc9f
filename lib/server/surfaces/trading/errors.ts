import { AppError, type ErrorCode, type FieldError } from "@/lib/domain/shared/errors";
import type { PydanticError } from "@/lib/contracts/pydantic";
import type { Dialect } from "../../http/dialect";

/**
 * Trading dialect (hummingbot-api, FastAPI): every error is `{"detail": "..."}`, except schema
 * validation, which is FastAPI's 422 `{"detail": [{type, loc, msg, input, ctx?}]}` in pydantic v2's
 * words (fastapi/exception_handlers.py request_validation_exception_handler).
 */
const STATUS: Record<ErrorCode, number> = {
  /** No credentials (HTTP Basic expected). */
  unauthenticated: 401,
  /** Wrong username or token. */
  invalid_credentials: 401,
  /** The token lacks the scope. */
  forbidden: 403,
  /** Unknown account, connector or order (another user's is unknown too). */
  not_found: 404,
  /** A check before placing failed: price missing, pair unsupported, below minimum. */
  bad_request: 400,
  conflict: 409,
  /** The order cannot be changed in its state (already finished). */
  invalid_state: 400,
  rate_limited: 429,
  /** Trading rules not available (the venue is down). */
  unavailable: 503,
};

/** One item of FastAPI's 422 list. */
export interface ValidationItem extends PydanticError {
  loc: (string | number)[];
  input: unknown;
}

/** The value at `path` inside what the client sent (undefined past its end). */
function valueAt(input: unknown, path: (string | number)[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * A schema issue as pydantic reports it: the trading contracts attach pydantic's own error
 * (lib/contracts/pydantic.ts); zod's "missing" is pydantic's (whose `input` is the object the field
 * is missing from), and a body that is no JSON object is a model_attributes_type.
 */
function validationItem(issue: FieldError, part: string, input: unknown): ValidationItem {
  const path = issue.path ?? [issue.field];
  const loc = [part, ...path];
  const pydantic = issue.params?.pydantic as PydanticError | undefined;
  if (pydantic?.type === "missing" || (!pydantic && issue.kind === "missing"))
    return { type: "missing", loc, msg: "Field required", input: valueAt(input, path.slice(0, -1)) ?? null };
  if (pydantic) return { ...pydantic, loc, input: valueAt(input, path) ?? null };
  if (path.length === 0 && issue.kind === "invalid_type")
    return {
      type: "model_attributes_type",
      loc,
      msg: "Input should be a valid dictionary or object to extract fields from",
      input: input ?? null,
    };
  return {
    type: "value_error",
    loc,
    msg: `Value error, ${issue.message}`,
    input: valueAt(input, path) ?? null,
  };
}

/** Node's JSON.parse messages in the words of Python's json module (which FastAPI reports). */
const PYTHON_JSON_ERRORS: [RegExp, string][] = [
  [/^Unexpected end of JSON input/, "Expecting value"],
  [
    /^Expected (property name or '}'|double-quoted property name)/,
    "Expecting property name enclosed in double quotes",
  ],
  [/^Expected ':' after property name/, "Expecting ':' delimiter"],
  [/^Expected ',' or [}\]] after/, "Expecting ',' delimiter"],
  [/^Unexpected non-whitespace character after JSON/, "Extra data"],
  [/^Unterminated string/, "Unterminated string starting at"],
  [/^Bad control character/, "Invalid control character at"],
  [/^Bad (escaped character|Unicode escape)/, "Invalid \\escape"],
  [/^Unexpected token/, "Expecting value"],
];

/**
 * fastapi/routing.py's answer to a body that is not JSON: `{type: "json_invalid", loc: ["body",
 * <position>], msg: "JSON decode error", input: {}, ctx: {error: <json's message>}}`.
 */
function jsonInvalidItem(detail: string): ValidationItem {
  const message = detail.replace(/^JSON parse error - /, "");
  const position = /at position (\d+)/.exec(message);
  const python = PYTHON_JSON_ERRORS.find(([pattern]) => pattern.test(message))?.[1];
  return {
    type: "json_invalid",
    loc: ["body", position ? Number(position[1]) : 0],
    msg: "JSON decode error",
    input: {},
    ctx: { error: python ?? message },
  };
}

const validation = (items: ValidationItem[]) =>
  new AppError("bad_request", "Validation error", { details: { validation: items } });

export const tradingDialect: Dialect = {
  name: "trading",
  errorResponse(error: AppError) {
    const items = error.details?.validation;
    if (Array.isArray(items)) return Response.json({ detail: items }, { status: 422 });
    // No `WWW-Authenticate: Basic`: it would make a browser prompt for, and then cache, credentials
    // that a cross-site form could send. Bots send their Authorization header unasked.
    return Response.json({ detail: error.message }, { status: STATUS[error.code] });
  },
  internalErrorResponse: (requestId) =>
    Response.json({ detail: `Internal server error (request ${requestId})` }, { status: 500 }),
  validationError: (issues, part, input) =>
    validation(issues.map((issue) => validationItem(issue, part, input))),
  malformedBodyError: (detail) => validation([jsonInvalidItem(detail)]),
};
