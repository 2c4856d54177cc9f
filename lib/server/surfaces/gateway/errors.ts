import { AppError, type ErrorCode } from "@/lib/domain/shared/errors";
import type { Dialect } from "../../http/dialect";

/**
 * Gateway dialect (True Markets): every error is `{"message": "..."}` with the seed's codes.
 */
const STATUS: Record<ErrorCode, number> = {
  /** No credentials (Bearer token or session cookie expected). */
  unauthenticated: 401,
  /** Unknown, revoked or expired token; a session that is no longer valid. */
  invalid_credentials: 401,
  /** The token lacks the scope; a stamp does not verify, or its key or passkey is not the caller's. */
  forbidden: 403,
  /** No such order, or another user's (indistinguishable). */
  not_found: 404,
  /** Malformed request, a create rule broken, payloads expired, the wrong number of signatures. */
  bad_request: 400,
  /** The order is not in the state the call needs (a second execute); a concurrent execute won. */
  conflict: 409,
  /** The order's status does not allow this (cancel a finished order). */
  invalid_state: 409,
  /** Too many attempts. */
  rate_limited: 429,
  /** The venue (the DeFi chain or the exchange) cannot take the order right now. */
  unavailable: 503,
};

export const gatewayDialect: Dialect = {
  name: "gateway",
  errorResponse: (error: AppError) =>
    Response.json({ message: error.message }, { status: STATUS[error.code] }),
  internalErrorResponse: (requestId) =>
    Response.json({ message: `Internal server error (request ${requestId}).` }, { status: 500 }),
  validationError: (issues) =>
    new AppError(
      "bad_request",
      issues
        .map((issue) => (issue.field === "(root)" ? issue.message : `${issue.field}: ${issue.message}`))
        .join("; "),
      { fieldErrors: issues },
    ),
  malformedBodyError: (detail) => new AppError("bad_request", `Malformed JSON body: ${detail}`),
};
