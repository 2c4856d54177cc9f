import { z } from "zod";

/**
 * Building blocks of the Core Order API's schemas (tread.fi-compatible). Its clients send lists
 * either comma-separated or as repeated query keys (Python's `requests` turns a list into
 * `?statuses=A&statuses=B`), booleans as `true`/`True`/`1`, and decimals as JSON numbers or text.
 * Every message is the documented sentence or names its field, because the Core dialect shows the
 * message as is.
 */

/** Any 8-4-4-4-12 hex id (what PostgreSQL accepts), so a well-formed id always reaches the lookup. */
export const guid = (message: string) => z.guid({ error: message });

export const INVALID_ORDER_ID = "Invalid order ID format";

/** A comma-separated list, or the same key repeated; items trimmed, empties dropped. */
export const csvList = (field: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${field} must be a comma-separated string` })
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(","))
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    )
    .meta({ description: `Comma-separated values (or the key repeated).` });

const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off"]);

/** A query-string boolean: true/false, 1/0, yes/no (any case, as Python sends `True`). */
export const queryBoolean = (field: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const text = value.trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      ctx.addIssue({ code: "custom", message: `${field} must be true or false` });
      return z.NEVER;
    })
    .meta({ description: `Boolean: true or false (default ${fallback}).` });

/** Upper bound of `page_size` on every paginated Core endpoint, as its docs word the error. */
export const MAX_PAGE_SIZE = 1000;

/** A 1-indexed page number in the query. */
export const queryPage = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return 1;
    const page = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(page) || page < 1) {
      ctx.addIssue({ code: "custom", message: "page must be a positive integer" });
      return z.NEVER;
    }
    return page;
  })
  .meta({ description: "1-indexed page number (default 1)." });

/** A page size in the query: a positive integer, at most 1000. */
export const queryPageSize = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const size = Number(value);
      if (!/^\s*\d+\s*$/.test(value) || !Number.isFinite(size) || size < 1) {
        ctx.addIssue({ code: "custom", message: "page_size must be a positive integer" });
        return z.NEVER;
      }
      if (size > MAX_PAGE_SIZE) {
        ctx.addIssue({ code: "custom", message: `page_size cannot be greater than ${MAX_PAGE_SIZE}` });
        return z.NEVER;
      }
      return size;
    })
    .meta({ description: `Orders per page (default ${fallback}, at most ${MAX_PAGE_SIZE}).` });

/** `{id}` in the path of the single-order endpoints. */
export const ZOrderIdParams = z.object({ id: guid(INVALID_ORDER_ID) });

/** `{"order_id": …}`, the body of pause and resume. */
export const ZOrderIdBody = z.object({
  order_id: z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? "Missing required field: order_id"
          : INVALID_ORDER_ID,
    })
    .pipe(guid(INVALID_ORDER_ID))
    .meta({ description: "UUID of the order." }),
});
export type TOrderIdBody = z.infer<typeof ZOrderIdBody>;

/** Any JSON object (bodies whose fields the domain validates itself, with the documented messages). */
export const ZJsonObject = z.record(z.string(), z.unknown(), { error: "Request body must be a JSON object" });

/** A decimal the Core Order API shows as a JSON number: a number when exact, else decimal text. */
export const ZNumeric = z
  .union([z.number(), z.string()])
  .meta({ description: "Decimal as a JSON number; as a string when a number would lose precision." });

/** A decimal the Core Order API shows as text. */
export const ZDecimalText = z.string().meta({ description: "Decimal as a string (exact)." });

/** A decimal a client may send as a JSON number or as text. */
export const ZDecimalInput = z.union([z.number(), z.string()]);

/** An ISO 8601 time (UTC, with Z). */
export const ZIsoTime = z.string().meta({ description: "ISO 8601 time, UTC." });

/** `{"message": …}`: the answer of the actions (pause, resume, amend, bulk). */
export const ZCoreMessage = z.object({ message: z.string() });
export type TCoreMessage = z.infer<typeof ZCoreMessage>;

/** The error bodies the dialect answers with. */
export const ZCoreErrorBody = z.union([
  z.object({ error: z.string() }),
  z.object({ errors: z.union([z.array(z.string()), z.string()]) }),
  z.object({ message: z.string() }),
  z.object({ detail: z.string() }),
  z.string(),
]);
