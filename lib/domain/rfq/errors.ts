import { AppError, type ErrorCode } from "../shared/errors";

/**
 * Why an RFQ request failed, beyond the generic error codes: the RFQ dialect gives each its own
 * 6-digit code (lib/server/surfaces/rfq/errors.ts). Carried in `AppError.details.reason`.
 */
export type RfqReason =
  | "invalid_signature"
  | "order_expired"
  | "nonce_used"
  | "unknown_instrument"
  | "insufficient_balance"
  | "insufficient_allowance"
  | "maker_mismatch"
  | "order_mismatch"
  | "order_not_locked"
  | "locked_by_other"
  | "fill_exceeds_remainder"
  | "incentive_too_high"
  | "fill_in_progress"
  | "fill_reverted"
  | "taker_address_mismatch"
  | "invalid_status"
  | "siwe_invalid"
  | "siwe_nonce_invalid"
  | "wrong_chain"
  | "chain_unavailable";

export const rfqError = (
  code: ErrorCode,
  reason: RfqReason,
  message: string,
  details: Record<string, unknown> = {},
): AppError => new AppError(code, message, { details: { reason, ...details } });
