/**
 * Keyset cursors `<ISO time>|<id>`: a page is the rows strictly older than the cursor in
 * (time desc, id desc) order, so rows that arrive meanwhile never shift later pages and every row
 * is returned exactly once. A cursor that is not one of ours gives the first page, as
 * hummingbot-api's paginate_by_cursor does for a cursor it does not find (models/pagination.py).
 */
export interface Keyset {
  time: Date;
  id: string;
}

export const encodeCursor = (time: Date, id: string): string => `${time.toISOString()}|${id}`;

/** The position a cursor names; null (the first page) for none or one that is not ours. */
export function decodeCursor(cursor: string | null): Keyset | null {
  if (!cursor) return null;
  const bar = cursor.indexOf("|");
  const time = new Date(bar > 0 ? cursor.slice(0, bar) : "invalid");
  const id = bar > 0 ? cursor.slice(bar + 1) : "";
  if (
    Number.isNaN(time.getTime()) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  )
    return null;
  return { time, id };
}

/** The Prisma `where` for rows strictly after the cursor in (time desc, id desc). */
export function olderThan(field: "createdAt" | "time", keyset: Keyset | null) {
  if (!keyset) return {};
  return {
    OR: [{ [field]: { lt: keyset.time } }, { [field]: keyset.time, id: { lt: keyset.id } }],
  };
}

/** Whether a row comes strictly after the cursor in (time desc, id desc). */
export const isOlderThan = (time: Date, id: string, keyset: Keyset | null): boolean =>
  !keyset || time < keyset.time || (time.getTime() === keyset.time.getTime() && id < keyset.id);
