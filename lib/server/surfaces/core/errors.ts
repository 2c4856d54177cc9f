import type { ErrorCode } from "@/lib/domain/shared/errors";
import { AppError } from "@/lib/domain/shared/errors";
import type { Dialect } from "../../http/dialect";

/**
 * Core Order API (tread.fi dialect). Its documented error bodies vary by kind: authentication
 * failures are Django REST Framework's `{"detail"}`, request and lookup errors `{"error"}`,
 * validation of an order `{"errors": [...]}`. This table is the one place that decides.
 */
const STATUS: Record<ErrorCode, number> = {
  /** No credentials on a route that needs them. */
  unauthenticated: 401,
  /** Unknown, revoked or expired token. */
  invalid_credentials: 401,
  /** Token without the needed scope, or a non-admin on an admin route. */
  forbidden: 403,
  /** Missing, or another user's (indistinguishable by design). */
  not_found: 404,
  /** Malformed request: bad JSON, a bad UUID, a field out of range. */
  bad_request: 400,
  /** Duplicate or conflicting request. */
  conflict: 409,
  /** The order is in a status that does not allow the action (the docs use 422 here). */
  invalid_state: 422,
  /** Too many attempts. */
  rate_limited: 429,
  /** A venue or dependency is down. */
  unavailable: 503,
};

function body(error: AppError): Record<string, unknown> {
  switch (error.code) {
    case "unauthenticated":
    case "invalid_credentials":
    case "forbidden":
    case "rate_limited":
      return { detail: error.message };
    case "bad_request":
      return error.fieldErrors.length > 0
        ? {
            error: error.message,
            errors: error.fieldErrors.map((issue) => `${issue.field}: ${issue.message}`),
          }
        : { error: error.message };
    default:
      return { error: error.message, ...(error.details ?? {}) };
  }
}

export const coreDialect: Dialect = {
  name: "core",
  errorResponse: (error) => Response.json(body(error), { status: STATUS[error.code] }),
  internalErrorResponse: (requestId) =>
    Response.json({ error: "Something went wrong", request_id: requestId }, { status: 500 }),
  validationError: (issues) =>
    new AppError("bad_request", issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "), {
      fieldErrors: issues,
    }),
  malformedBodyError: (detail) => new AppError("bad_request", detail),
};
