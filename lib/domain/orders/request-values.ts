import { parseDecimal, type Dec } from "../shared/decimal";

/**
 * Reading loosely typed request values the way every surface needs: clients send decimals as JSON
 * numbers or as text, times as ISO 8601 or epoch milliseconds. Numbers go through their shortest
 * text form (`0.1` → "0.1"), never through float arithmetic. Times are UTC: a timestamp without an
 * offset is read as UTC, never as the server's local time, so every process reads it alike.
 */

/** Absent means not given: undefined, null or the empty string (forms send ""). */
export function isAbsent(value: unknown): value is undefined | null | "" {
  return value === undefined || value === null || value === "";
}

/** A decimal from a JSON number or decimal text; null when it is neither or not finite. */
export function toDecimal(value: unknown): Dec | null {
  if (typeof value === "number") return Number.isFinite(value) ? parseDecimal(String(value)) : null;
  if (typeof value === "string") return parseDecimal(value);
  return null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch ms of an ISO 8601 date or date-time (UTC unless an offset is given); null when invalid. */
export function parseIsoTime(text: string): number | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 April over to 1 May: a round trip catches impossible days.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

/** Epoch ms from an ISO 8601 string, an integer epoch-ms number or integer text; null when invalid. */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const ms = Number(text);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  return parseIsoTime(text);
}
