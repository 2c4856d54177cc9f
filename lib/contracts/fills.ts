import { z } from "zod";
import { PAIR_PATTERN, queryIsoTime } from "./common";
import { csvList, MAX_PAGE_SIZE } from "./core/common";

/**
 * GET /api/fills/ and GET /api/fills/export.csv — every fill of the caller's orders, newest first,
 * with the same filters on both. App-internal endpoints (the dashboard's Fills page): errors are the
 * app's `{error, errors: ["field: message"]}`. Decimals are strings, exactly as stored.
 */

/** The keyset cursor: the last fill of a page (its time and id), base64url. */
export interface FillCursor {
  time: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeFillCursor(cursor: FillCursor): string {
  const text = `${cursor.time}.${cursor.id}`;
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeFillCursor(text: string): FillCursor | null {
  try {
    const decoded = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const dot = decoded.indexOf(".");
    const time = Number(decoded.slice(0, dot));
    const id = decoded.slice(dot + 1);
    if (dot <= 0 || !Number.isSafeInteger(time) || !UUID.test(id)) return null;
    return { time, id: id.toLowerCase() };
  } catch {
    return null;
  }
}

/** The filters both endpoints share. */
const filters = {
  pair: z
    .string()
    .trim()
    .regex(PAIR_PATTERN, "must be BASE-QUOTE, e.g. BTC-USDT")
    .optional()
    .meta({ description: "One pair, e.g. BTC-USDT." }),
  side: z.enum(["buy", "sell"], { error: "must be buy or sell" }).optional(),
  account_names: csvList("account_names")
    .optional()
    .meta({ description: "Account names, comma-separated; all the caller's accounts when absent." }),
  order_id: z
    .string()
    .trim()
    .regex(UUID, "must be an order UUID")
    .transform((id) => id.toLowerCase())
    .optional()
    .meta({ description: "Only this order's fills." }),
  from: queryIsoTime("ISO 8601: fills at or after this time."),
  to: queryIsoTime("ISO 8601: fills before this time."),
};

const checkRange = (query: { from?: number; to?: number }, ctx: z.RefinementCtx) => {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
};

/** Default and largest page of GET /api/fills/. */
export const FILLS_PAGE_SIZE = 100;

/** GET /api/fills/ */
export const ZListFillsQuery = z
  .object({
    ...filters,
    cursor: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === "") return undefined;
        const cursor = decodeFillCursor(value.trim());
        if (!cursor) {
          ctx.addIssue({ code: "custom", message: "is not a cursor this endpoint handed out" });
          return z.NEVER;
        }
        return cursor;
      })
      .meta({ description: "next_cursor of the previous page; the first page without it." }),
    page_size: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === "") return FILLS_PAGE_SIZE;
        const size = Number(value);
        if (!/^\s*\d+\s*$/.test(value) || size < 1 || size > MAX_PAGE_SIZE) {
          ctx.addIssue({ code: "custom", message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` });
          return z.NEVER;
        }
        return size;
      })
      .meta({ description: `Fills per page (default ${FILLS_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
  })
  .superRefine(checkRange);
export type TListFillsQuery = z.output<typeof ZListFillsQuery>;

/** GET /api/fills/export.csv: the same filters, every matching fill. */
export const ZExportFillsQuery = z.object(filters).superRefine(checkRange);
export type TExportFillsQuery = z.output<typeof ZExportFillsQuery>;

/** One fill of one of the caller's orders. */
export const ZFill = z.object({
  id: z.guid(),
  time: z.string().meta({ description: "ISO 8601, UTC." }),
  order_id: z.guid(),
  placement_id: z.guid(),
  account_name: z.string(),
  venue: z.string(),
  pair: z.string(),
  side: z.enum(["buy", "sell"]),
  role: z.enum(["MAKE", "TAKE"]),
  strategy: z.string().meta({ description: "The parent order's strategy." }),
  price: z.string(),
  qty: z.string().meta({ description: "Base units." }),
  notional: z.string().meta({ description: "Quote units." }),
  fee: z.string(),
  fee_asset: z.string(),
  external_id: z.string().meta({ description: "The venue's id of the fill." }),
});
export type TFill = z.infer<typeof ZFill>;

export const ZFillPage = z.object({
  fills: z.array(ZFill),
  page_size: z.int(),
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as cursor for older fills; null at the end." }),
});
export type TFillPage = z.infer<typeof ZFillPage>;

/** The CSV's columns, in order (the header row). */
export const FILL_CSV_COLUMNS = [
  "time",
  "fill_id",
  "order_id",
  "placement_id",
  "account",
  "venue",
  "pair",
  "side",
  "role",
  "strategy",
  "price",
  "qty",
  "notional",
  "fee",
  "fee_asset",
  "external_id",
] as const;
