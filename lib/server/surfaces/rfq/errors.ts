import { AppError, type ErrorCode } from "@/lib/domain/shared/errors";
import type { RfqReason } from "@/lib/domain/rfq/errors";
import type { Dialect } from "../../http/dialect";

/**
 * RFQ dialect (Stove): success is `{code: 0, data}`, an error `{code: <6-digit>, message, details}`.
 * Codes `100xxx` are the generic ones (the last three digits are the HTTP status); `2xxxxx` name an
 * RFQ rule. One table, declared once.
 */
const GENERIC: Record<ErrorCode, { status: number; code: number }> = {
  /** No credentials: an X-API-Key (takers), a maker session (makers), or the dashboard's session. */
  unauthenticated: { status: 401, code: 100401 },
  /** Unknown, revoked or expired API key or maker session. */
  invalid_credentials: { status: 401, code: 100402 },
  /** The key lacks the `taker` (or `admin`) scope; the order is not the maker's. */
  forbidden: { status: 403, code: 100403 },
  /** No such order (another maker's is missing too). */
  not_found: { status: 404, code: 100404 },
  /** Malformed request: bad JSON, a missing or malformed field. */
  bad_request: { status: 400, code: 100400 },
  /** The request conflicts with the order's current state. */
  conflict: { status: 409, code: 100409 },
  /** The order's status does not allow this. */
  invalid_state: { status: 409, code: 100410 },
  /** Too many attempts. */
  rate_limited: { status: 429, code: 100429 },
  /** The chain is unreachable, or lost the desk's contracts. */
  unavailable: { status: 503, code: 100503 },
};

const REASONS: Record<RfqReason, number> = {
  /** The signature is not `order.maker`'s over this exact order (forged, or the order was changed). */
  invalid_signature: 200101,
  /** The order's deadline has passed (or is not in the future, at creation). */
  order_expired: 200102,
  /** The maker already used this nonce (here or on-chain), or invalidated it. */
  nonce_used: 200103,
  /** No listing for the ticker and exchange, or the asset is not its token. */
  unknown_instrument: 200104,
  /** The paying side does not hold enough (stablecoin for a buy, shares for a sell). */
  insufficient_balance: 200105,
  /** The paying side has not approved enough to the settlement contract. */
  insufficient_allowance: 200106,
  /** `order.maker` is not the signed-in maker's wallet. */
  maker_mismatch: 200107,
  /** The order differs from the one signed under its (maker, nonce): it was tampered with. */
  order_mismatch: 200108,
  /** A fill or unlock of an order that is not locked (or whose lock ran out). */
  order_not_locked: 200201,
  /** Another taker holds the lock. */
  locked_by_other: 200202,
  /** `fill_quantity` is above what is left of the order (or zero). */
  fill_exceeds_remainder: 200203,
  /** `taker_incentive` is above the fill's pro-rata share of the order's incentive. */
  incentive_too_high: 200204,
  /** Another fill of this order is being settled. */
  fill_in_progress: 200205,
  /** The fill's transaction reverted on the chain; nothing was recorded. */
  fill_reverted: 200206,
  /** `taker_address` is not the caller's desk wallet. */
  taker_address_mismatch: 200207,
  /** The order's status does not allow this action. */
  invalid_status: 200208,
  /** The Sign-In with Ethereum message or its signature does not verify. */
  siwe_invalid: 200301,
  /** The sign-in nonce is unknown, used, expired, or another wallet's. */
  siwe_nonce_invalid: 200302,
  /** The chain id is not the desk's chain. */
  wrong_chain: 200303,
  /** The desk's chain is unreachable or lost its contracts. */
  chain_unavailable: 200501,
};

/** The success envelope. */
export const rfqOk = <T>(data: T) => ({ code: 0 as const, data });

export const rfqDialect: Dialect = {
  name: "rfq",
  errorResponse(error: AppError) {
    const generic = GENERIC[error.code];
    const { reason, ...rest } = (error.details ?? {}) as { reason?: RfqReason } & Record<string, unknown>;
    const details: Record<string, unknown> = { ...rest };
    if (error.fieldErrors.length > 0)
      details.fields = error.fieldErrors.map(({ field, message }) => ({ field, message }));
    if (reason) details.reason = reason;
    return Response.json(
      { code: (reason && REASONS[reason]) || generic.code, message: error.message, details },
      { status: generic.status },
    );
  },
  internalErrorResponse: (requestId) =>
    Response.json(
      {
        code: 100500,
        message: `Internal server error (request ${requestId}).`,
        details: { request_id: requestId },
      },
      { status: 500 },
    ),
  validationError: (issues, part) =>
    new AppError(
      "bad_request",
      issues
        .map((issue) => (issue.field === "(root)" ? issue.message : `${issue.field}: ${issue.message}`))
        .join("; "),
      { fieldErrors: issues, details: { part } },
    ),
  malformedBodyError: (detail) => new AppError("bad_request", `Malformed JSON body: ${detail}`),
};
