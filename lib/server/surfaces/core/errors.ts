import type { ErrorCode, FieldError } from "@/lib/domain/shared/errors";
import { AppError } from "@/lib/domain/shared/errors";
import { QTY_MISSING, QTY_MULTIPLE } from "@/lib/domain/orders/quantity";
import { LIMIT_PRICE_MESSAGE } from "@/lib/domain/orders/params";
import { BOTH_QTY_MESSAGE } from "@/lib/domain/orders/amend";
import type { Dialect } from "../../http/dialect";

/**
 * Core Order API (tread.fi dialect): the one table of how its errors look.
 *
 * Its documentation words errors differently per endpoint: authentication failures are Django REST
 * Framework's `{"detail"}`, most request and state errors `{"error"}`, order validation
 * `{"errors": [...]}`, date and bulk problems `{"message"}`, and the single-order GET/DELETE paths
 * answer with a bare JSON string ("No order found with given ID!"). Services throw typed `AppError`s
 * that say what happened (a code, and for a few cases a `details.reason`); the row of the endpoint
 * below decides the HTTP status and the body. Route handlers pick their row with `coreDialectFor`.
 */

/** The body shapes the Core Order API's documentation uses. */
export type CoreBodyShape = "detail" | "error" | "errors" | "message" | "string";

/** How one situation is answered: a body shape, and a fixed text where the docs fix one. */
export interface CoreWording {
  shape: CoreBodyShape;
  /** Replaces the error's own message (e.g. "No order found with given ID!"). */
  message?: string;
  /** Replaces the code's status (a reason the docs answer with another status). */
  status?: number;
}

/**
 * Situations a service marks in `AppError.details.reason` because the docs word them apart from
 * other errors with the same code.
 */
export type CoreReason =
  /** An account name the caller does not have (`{"error": "Account display name 'x' not found for user"}`). */
  | "unknown_account"
  /** Submit without pair, accounts, side, duration or strategy (`{"error": "Missing required fields: [...]"}`). */
  | "missing_fields"
  /** The accounts cannot pay for the order: a 422 `{"errors": ["Insufficient balance for order execution…"]}`. */
  | "insufficient_balance";

export const coreReason = (reason: CoreReason) => ({ reason });

/** HTTP status per error code; the docs use 422 for actions refused by the order's state. */
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
  /** Duplicate or conflicting request (an order changing too fast to update). */
  conflict: 409,
  /** The order is in a status that does not allow the action, or the account cannot pay for it. */
  invalid_state: 422,
  /** Too many attempts. */
  rate_limited: 429,
  /** A venue or dependency is down. */
  unavailable: 503,
};

interface EndpointRow {
  /** Wording per error code; codes not listed use DEFAULT_CODES. */
  codes?: Partial<Record<ErrorCode, CoreWording>>;
  /** Wording per `details.reason`; wins over the code. */
  reasons?: Partial<Record<CoreReason, CoreWording>>;
  /** Shape of a request error by the (first) field it names; wins over the code. */
  fields?: Record<string, CoreBodyShape>;
  /** The 500 body (the cause is logged with the request id, which is in X-Request-Id). */
  internal: CoreWording & { message: string };
}

const DETAIL: CoreWording = { shape: "detail" };
const ERROR: CoreWording = { shape: "error" };

const DEFAULT_CODES: Record<ErrorCode, CoreWording> = {
  unauthenticated: DETAIL,
  invalid_credentials: DETAIL,
  forbidden: DETAIL,
  rate_limited: DETAIL,
  not_found: ERROR,
  bad_request: ERROR,
  conflict: ERROR,
  invalid_state: ERROR,
  unavailable: ERROR,
};

const DEFAULT_REASONS: Record<CoreReason, CoreWording> = {
  unknown_account: ERROR,
  missing_fields: ERROR,
  insufficient_balance: { shape: "errors", status: 422 },
};

const NO_ORDER = "No order found with given ID!";
/** GET /api/order_summary/{id}, GET and DELETE /api/order/{id}: bare JSON strings. */
const PATH_ID: Partial<Record<ErrorCode, CoreWording>> = {
  bad_request: { shape: "string" },
  not_found: { shape: "string", message: NO_ORDER },
};
const SOMETHING_WRONG = { shape: "error", message: "Something went wrong" } as const;
const UNEXPECTED = {
  shape: "errors",
  message: "An unexpected error occurred. Please try again later.",
} as const;
/** The bulk and stats endpoints document their 401 as `{"error": "Unauthorized"}`. */
const UNAUTHORIZED: Partial<Record<ErrorCode, CoreWording>> = {
  unauthenticated: { shape: "error", message: "Unauthorized" },
  invalid_credentials: { shape: "error", message: "Unauthorized" },
};

/** Every Core Order API endpoint and how its documentation words its errors. */
const ENDPOINTS = {
  /** App-internal endpoints (health, me, tokens, users): `{"error"}` plus the field list. */
  app: { internal: SOMETHING_WRONG },
  "GET /api/orders/": {
    // "Invalid after date format" is a `{"message"}`; account names an `{"error"}`.
    fields: { after: "message", before: "message" },
    internal: UNEXPECTED,
  },
  "GET /api/active_orders/": { internal: UNEXPECTED },
  "POST /api/orders/": {
    codes: { bad_request: { shape: "errors" }, invalid_state: { shape: "errors" } },
    // An unknown or unusable account is an `{"error"}` like on every other endpoint.
    fields: { accounts: "error" },
    internal: SOMETHING_WRONG,
  },
  "GET /api/order_summary/{id}": { codes: PATH_ID, internal: SOMETHING_WRONG },
  "GET /api/orders_with_stats/": { codes: UNAUTHORIZED, internal: SOMETHING_WRONG },
  "GET /api/order/{id}": { codes: PATH_ID, internal: { shape: "message", message: "Something went wrong" } },
  "DELETE /api/order/{id}": { codes: PATH_ID, internal: SOMETHING_WRONG },
  "GET /api/order_errors/": { internal: SOMETHING_WRONG },
  "POST /api/order_messages/": { internal: SOMETHING_WRONG },
  "POST /api/pause_order/": {
    codes: { not_found: { shape: "error", message: NO_ORDER } },
    internal: SOMETHING_WRONG,
  },
  "POST /api/resume_order/": {
    codes: { not_found: { shape: "error", message: "Order not found." } },
    internal: { shape: "error", message: "Internal server error" },
  },
  // Its 404 is the service's own "Order <id> not found".
  "POST /api/amend_order/": { internal: UNEXPECTED },
  "POST /api/cancel_all_orders/": { codes: { bad_request: { shape: "message" } }, internal: SOMETHING_WRONG },
  "POST /api/pause_all_orders/": {
    codes: { ...UNAUTHORIZED, bad_request: { shape: "message" } },
    internal: SOMETHING_WRONG,
  },
  "POST /api/resume_all_orders/": {
    codes: { ...UNAUTHORIZED, bad_request: { shape: "message" } },
    internal: SOMETHING_WRONG,
  },
  "GET /api/accounts/": { internal: SOMETHING_WRONG },
  "GET /api/balances/": { internal: SOMETHING_WRONG },
  // Multi-orders and chained orders: a submit answers like POST /api/orders/ (its legs are orders).
  "POST /api/multi_orders/": {
    codes: { bad_request: { shape: "errors" }, invalid_state: { shape: "errors" } },
    fields: { accounts: "error" },
    internal: SOMETHING_WRONG,
  },
  "GET /api/multi_orders/": { internal: SOMETHING_WRONG },
  "GET /api/multi_order/{id}": { internal: SOMETHING_WRONG },
  "DELETE /api/multi_order/{id}": { internal: SOMETHING_WRONG },
  "POST /api/pause_multi_order/": { internal: SOMETHING_WRONG },
  "POST /api/resume_multi_order/": { internal: SOMETHING_WRONG },
  "POST /api/chained_orders/": {
    codes: { bad_request: { shape: "errors" }, invalid_state: { shape: "errors" } },
    internal: SOMETHING_WRONG,
  },
  "GET /api/chained_orders/{id}": { internal: SOMETHING_WRONG },
} satisfies Record<string, EndpointRow>;

export type CoreEndpoint = keyof typeof ENDPOINTS;

/**
 * The documented messages an `{"errors": [...]}` list carries verbatim; any other field error is
 * shown as "field: message" so the client sees which field it is about.
 */
const VERBATIM = new Set([QTY_MISSING, QTY_MULTIPLE, LIMIT_PRICE_MESSAGE, BOTH_QTY_MESSAGE]);
const VERBATIM_PREFIX = /^(Invalid (strategy|super_strategy|buy_token|sell_token)\b|Insufficient balance)/;

/** One field error as the Core Order API lists it. */
export function coreErrorText(error: FieldError): string {
  return VERBATIM.has(error.message) || VERBATIM_PREFIX.test(error.message) || error.field === "(root)"
    ? error.message
    : `${error.field}: ${error.message}`;
}

function wordingFor(row: EndpointRow, error: AppError): CoreWording {
  const reason = error.details?.reason as CoreReason | undefined;
  if (reason) {
    const wording = row.reasons?.[reason] ?? DEFAULT_REASONS[reason];
    if (wording) return wording;
  }
  const field = error.fieldErrors[0]?.field;
  const byField = field === undefined ? undefined : row.fields?.[field];
  if (byField) return { shape: byField };
  return row.codes?.[error.code] ?? DEFAULT_CODES[error.code];
}

function coreBody(wording: CoreWording, error: AppError): unknown {
  const message = wording.message ?? error.message;
  switch (wording.shape) {
    case "detail":
      return { detail: message };
    case "error":
      return { error: message };
    case "message":
      return { message };
    case "string":
      return message;
    case "errors":
      return {
        errors:
          wording.message === undefined && error.fieldErrors.length > 0
            ? [...new Set(error.fieldErrors.map(coreErrorText))]
            : [message],
      };
  }
}

/** The app-internal endpoints' bodies, as they were before the Core rows existed. */
function appBody(error: AppError): unknown {
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
    default: {
      const { reason: _reason, ...details } = error.details ?? {};
      return { error: error.message, ...details };
    }
  }
}

const dialects = new Map<CoreEndpoint, Dialect>();

/** The dialect of one Core endpoint: its row of the table above. */
export function coreDialectFor(endpoint: CoreEndpoint): Dialect {
  let dialect = dialects.get(endpoint);
  if (dialect) return dialect;
  const row: EndpointRow = ENDPOINTS[endpoint];
  const isApp = endpoint === "app";
  dialect = {
    name: `core ${endpoint}`,
    errorResponse: (error) => {
      if (isApp) return Response.json(appBody(error), { status: STATUS[error.code] });
      const wording = wordingFor(row, error);
      return Response.json(coreBody(wording, error), { status: wording.status ?? STATUS[error.code] });
    },
    internalErrorResponse: (requestId) =>
      isApp
        ? Response.json({ error: row.internal.message, request_id: requestId }, { status: 500 })
        : Response.json(coreBody(row.internal, new AppError("unavailable", row.internal.message)), {
            status: 500,
          }),
    // Core schemas carry the documented sentences ("Invalid order ID format"); the app's name the field.
    validationError: (issues) =>
      new AppError(
        "bad_request",
        issues.map((issue) => (isApp ? `${issue.field}: ${issue.message}` : issue.message)).join("; "),
        { fieldErrors: issues },
      ),
    malformedBodyError: (detail) => new AppError("bad_request", detail),
  };
  dialects.set(endpoint, dialect);
  return dialect;
}

/** The app-internal endpoints' dialect (health, me, tokens, users). */
export const coreDialect: Dialect = coreDialectFor("app");
