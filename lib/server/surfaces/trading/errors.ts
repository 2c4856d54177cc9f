import { AppError, type ErrorCode, type FieldError } from "@/lib/domain/shared/errors";
import type { Dialect } from "../../http/dialect";

/**
 * Trading dialect (hummingbot-api, FastAPI): every error is `{"detail": "..."}`, except schema
 * validation, which is FastAPI's 422 `{"detail": [{type, loc, msg, input}]}`.
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

/** zod's issue codes in pydantic's words. */
function pydanticType(kind: string | undefined): string {
  switch (kind) {
    case "missing":
      return "missing";
    case "json_invalid":
      return "json_invalid";
    case "invalid_value":
      return "literal_error";
    case "too_small":
      return "greater_than";
    case "too_big":
      return "less_than_equal";
    case "invalid_type":
      return "type_error";
    default:
      return "value_error";
  }
}

function pydanticMessage(issue: FieldError): string {
  return issue.kind === "missing" ? "Field required" : issue.message;
}

export const tradingDialect: Dialect = {
  name: "trading",
  errorResponse(error: AppError) {
    if (error.details?.validation === true) {
      return Response.json(
        {
          detail: error.fieldErrors.map((issue) => ({
            type: pydanticType(issue.kind),
            loc: [error.details?.part ?? "body", ...(issue.path ?? [issue.field])],
            msg: pydanticMessage(issue),
          })),
        },
        { status: 422 },
      );
    }
    // No `WWW-Authenticate: Basic`: it would make a browser prompt for, and then cache, credentials
    // that a cross-site form could send. Bots send their Authorization header unasked.
    return Response.json({ detail: error.message }, { status: STATUS[error.code] });
  },
  internalErrorResponse: (requestId) =>
    Response.json({ detail: `Internal server error (request ${requestId})` }, { status: 500 }),
  validationError: (issues, part) =>
    new AppError("bad_request", "Validation error", {
      fieldErrors: issues,
      details: { validation: true, part },
    }),
  malformedBodyError: (detail) =>
    new AppError("bad_request", "JSON decode error", {
      fieldErrors: [
        { field: "body", message: `JSON decode error: ${detail}`, kind: "json_invalid", path: [] },
      ],
      details: { validation: true, part: "body" },
    }),
};
