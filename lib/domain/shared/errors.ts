/**
 * The application's typed errors. Domain code throws them; each API dialect maps a code to its own
 * HTTP status and body in `lib/server/surfaces/<dialect>/errors.ts`. `message` is safe to show a client.
 */
export type ErrorCode =
  /** No credentials at all on a route that needs them. */
  | "unauthenticated"
  /** Credentials were sent but are unknown, malformed, revoked or expired. */
  | "invalid_credentials"
  /** Authenticated, but the token lacks a scope or the user lacks a role for this call. */
  | "forbidden"
  /** The resource does not exist or belongs to another user (the two are indistinguishable). */
  | "not_found"
  /** The request is malformed: bad JSON, a bad id, a field out of range. */
  | "bad_request"
  /** The request conflicts with current state (a duplicate, a second execute). */
  | "conflict"
  /** The resource is in a state that does not allow this action (illegal status transition). */
  | "invalid_state"
  /** Too many attempts; `retryAfterSeconds` says when to try again. */
  | "rate_limited"
  /** A venue or dependency is unavailable right now. */
  | "unavailable";

export interface FieldError {
  /** Dotted path of the field in the request (`strategy_params.max_clip_size`). */
  field: string;
  message: string;
  /** What kind of problem (the schema validator's issue code), for dialects that report it. */
  kind?: string;
  /** The path as segments (numbers for array indexes), for dialects that report `loc` lists. */
  path?: (string | number)[];
  /** What the schema attached to the issue (a dialect's own error type and context). */
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fieldErrors?: FieldError[];
      retryAfterSeconds?: number;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** A 400 that names the offending field. */
export const fieldError = (field: string, message: string): AppError =>
  new AppError("bad_request", `${field}: ${message}`, { fieldErrors: [{ field, message }] });
