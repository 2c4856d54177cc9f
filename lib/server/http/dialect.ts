import type { AppError, FieldError } from "@/lib/domain/shared/errors";

/**
 * An API dialect: how one public surface words its errors. Each surface declares its table once in
 * `lib/server/surfaces/<dialect>/errors.ts`; handlers never build error bodies themselves.
 */
export interface Dialect {
  name: string;
  /** The response for a typed application error. */
  errorResponse(error: AppError): Response;
  /** The response for an unexpected failure; the cause is logged server-side under `requestId`. */
  internalErrorResponse(requestId: string): Response;
  /** The error for a request whose JSON, query or path failed schema validation (`input`: as received). */
  validationError(issues: FieldError[], part: "body" | "query" | "params", input?: unknown): AppError;
  /** The error for a body that is not JSON at all. */
  malformedBodyError(detail: string): AppError;
}
