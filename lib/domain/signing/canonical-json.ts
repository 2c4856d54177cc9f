/**
 * Canonical JSON for the payload envelopes the server issues and clients sign: object keys in
 * ascending UTF-16 code-unit order (as RFC 8785 sorts them), no whitespace, strings escaped as
 * JSON.stringify does. The signed bytes are the UTF-8 of this text, so the same envelope always
 * gives the same bytes in any process. Amounts travel as decimal strings: a non-finite number or a
 * bigint is refused rather than silently rounded.
 */

export type CanonicalValue =
  null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  return write(value, "$");
}

function write(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => write(item === undefined ? null : item, `${path}[${index}]`)).join(",")}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError(`${path}: only plain objects are canonical JSON (got ${describe(value)})`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} has no canonical JSON form`);
  }
}

const describe = (value: object): string => value.constructor?.name ?? "an exotic object";

/** True when `text` is exactly the canonical form of what it parses to. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text) as CanonicalValue) === text;
  } catch {
    return false;
  }
}
