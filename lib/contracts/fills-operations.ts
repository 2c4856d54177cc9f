import { z } from "zod";
import type { ApiSurface } from "./operations";
import { FILL_CSV_COLUMNS, ZExportFillsQuery, ZFill, ZFillPage, ZListFillsQuery } from "./fills";
import {
  ZExecutionStats,
  ZExecutionStatsGroup,
  ZExecutionStatsQuery,
  ZHistogramBin,
  ZSizeBucketGroup,
} from "./stats";

/** The dashboard's fills and execution-statistics endpoints, for /api/openapi.json. */

const ZAppError = z
  .union([
    z.object({ detail: z.string() }),
    z.object({ error: z.string(), errors: z.array(z.string()).optional() }),
  ])
  .meta({ description: '`{detail}` for authentication, `{error, errors: ["field: message"]}` otherwise.' });
const error = (description: string) => ({ description, schema: ZAppError });
const COMMON = {
  400: error("A filter is malformed (each named in `errors`), or an account name is not the caller's."),
  401: error("Missing or invalid credentials."),
  403: error("The token lacks the read scope."),
};

export const FILLS_SURFACE: ApiSurface = {
  name: "Fills and statistics",
  description:
    "The caller's fills across orders and execution quality of completed orders (the dashboard's Fills page).",
  operations: [
    {
      method: "get",
      path: "/api/fills/",
      summary: "The caller's fills, newest first, filtered, with keyset paging.",
      auth: ["read"],
      query: ZListFillsQuery,
      responses: { 200: { description: "A page of fills.", schema: ZFillPage }, ...COMMON },
    },
    {
      method: "get",
      path: "/api/fills/export.csv",
      summary: "Every fill matching the same filters as CSV (text/csv, streamed).",
      description: `Columns: ${FILL_CSV_COLUMNS.join(", ")}. Decimals exactly as stored, times ISO 8601 UTC.`,
      auth: ["read"],
      query: ZExportFillsQuery,
      responses: { 200: { description: "text/csv with a header row." }, ...COMMON },
    },
    {
      method: "get",
      path: "/api/stats/executions",
      summary: "Slippage vs arrival and interval VWAP of completed orders, by strategy, size and pair.",
      auth: ["read"],
      query: ZExecutionStatsQuery,
      responses: { 200: { description: "The statistics.", schema: ZExecutionStats }, ...COMMON },
    },
  ],
  requestSchemas: {},
  responseSchemas: {
    Fill: ZFill,
    FillPage: ZFillPage,
    ExecutionStats: ZExecutionStats,
    ExecutionStatsGroup: ZExecutionStatsGroup,
    SizeBucketGroup: ZSizeBucketGroup,
    HistogramBin: ZHistogramBin,
  },
};
