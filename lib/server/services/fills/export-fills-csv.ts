import "server-only";
import type { FillCursor, TExportFillsQuery } from "@/lib/contracts/fills";
import { db } from "../../db";
import { fillScope, findFillPage } from "./fill-query";
import { FILL_CSV_HEADER, fillCsvLine, serializeFill } from "./serialize-fill";

/** Fills read per database round trip while streaming. */
const BATCH = 1000;

/**
 * GET /api/fills/export.csv: every matching fill of the caller's, newest first, as CSV streamed in
 * batches (keyset paging underneath), so an export of any size never sits in memory. Filters are
 * checked (and an unknown account refused) before the first byte, so errors are still JSON.
 */
export async function exportFillsCsv({
  userId,
  query,
  now = Date.now(),
}: {
  userId: string;
  query: TExportFillsQuery;
  now?: number;
}): Promise<Response> {
  const prisma = await db();
  const { where, accountNames } = await fillScope(prisma, userId, query);
  const encoder = new TextEncoder();
  let cursor: FillCursor | undefined;
  let started = false;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(FILL_CSV_HEADER));
        return;
      }
      if (done) return;
      const rows = await findFillPage(prisma, where, cursor, BATCH);
      if (rows.length > 0) {
        const last = rows[rows.length - 1]!;
        cursor = { time: last.time.getTime(), id: last.id };
        controller.enqueue(
          encoder.encode(rows.map((fill) => fillCsvLine(serializeFill(fill, accountNames))).join("")),
        );
      }
      if (rows.length < BATCH) {
        done = true;
        controller.close();
      }
    },
  });
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tranche-fills-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
