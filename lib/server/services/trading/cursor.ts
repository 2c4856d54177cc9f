import { AppError } from "@/lib/domain/shared/errors";

/**
 * Keyset cursors `<ISO time>|<id>` (hummingbot-api's form): a page is the rows strictly older than
 * the cursor in (time desc, id desc) order, so rows that arrive meanwhile never shift later pages
 * and every row is returned exactly once. An unreadable cursor is a 400, never "start over".
 */
export interface Keyset {
  time: Date;
  id: string;
}

export const encodeCursor = (time: Date, id: string): string => `${time.toISOString()}|${id}`;

export function decodeCursor(cursor: string, route: string): Keyset {
  const bar = cursor.indexOf("|");
  const time = new Date(bar > 0 ? cursor.slice(0, bar) : "invalid");
  const id = bar > 0 ? cursor.slice(bar + 1) : "";
  if (Number.isNaN(time.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError(
      "bad_request",
      `Invalid cursor '${cursor}': pass back the next_cursor of a previous ${route} page`,
    );
  }
  return { time, id };
}

/** The Prisma `where` for rows strictly after the cursor in (time desc, id desc). */
export function olderThan(field: "createdAt" | "time", keyset: Keyset | null) {
  if (!keyset) return {};
  return {
    OR: [{ [field]: { lt: keyset.time } }, { [field]: keyset.time, id: { lt: keyset.id } }],
  };
}
