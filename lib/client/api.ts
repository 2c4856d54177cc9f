/**
 * The dashboard's HTTP client: the same route handlers scripts use, with the session cookie.
 * Errors come back in each dialect's shape; `ApiError` normalises them for the UI.
 */
export class ApiError extends Error {
  readonly status: number;
  /** Field → message, when the server named the fields at fault. */
  readonly fieldErrors: Record<string, string>;
  readonly body: unknown;

  constructor(status: number, message: string, fieldErrors: Record<string, string>, body: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.body = body;
  }
}

function messageOf(body: unknown, status: number): string {
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    for (const key of ["detail", "error", "message"]) {
      if (typeof record[key] === "string") return record[key] as string;
    }
    if (Array.isArray(record.errors) && typeof record.errors[0] === "string") return record.errors.join("; ");
    if (typeof record.errors === "string") return record.errors;
  }
  return `Request failed (${status})`;
}

/**
 * Sentences the Core Order API words without a "field: " prefix (its documented messages), and the
 * request fields each is about. Everything else in an `errors` list reads as "field: message".
 */
const CORE_SENTENCES: {
  pattern: RegExp;
  fields: (match: RegExpExecArray) => string[];
  /** What to show beside each field; the sentence itself by default. */
  message?: string;
}[] = [
  {
    pattern: /^(?:Need one of|Cannot have more than one of) the qty fields/,
    fields: () => ["base_asset_qty", "quote_asset_qty", "sell_token_amount"],
  },
  { pattern: /^Limit price must be/, fields: () => ["limit_price"] },
  { pattern: /^Invalid (strategy|super_strategy|buy_token|sell_token)\b/, fields: (m) => [m[1]!] },
  {
    // {"error": "Missing required fields: ['pair', 'accounts']"}: each named field is missing.
    pattern: /^Missing required fields: \[(.*)\]$/,
    fields: (m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((name) => name[1]!),
    message: "is required",
  },
  { pattern: /^Account display name '.*' not found for user$/, fields: () => ["accounts"] },
];

function fieldErrorsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== "object") return out;
  const record = body as { errors?: unknown; error?: unknown };
  const sentence = (entry: string) => {
    const known = CORE_SENTENCES.find(({ pattern }) => pattern.test(entry));
    if (!known) return false;
    for (const field of known.fields(known.pattern.exec(entry)!)) out[field] ??= known.message ?? entry;
    return true;
  };
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors) {
      if (typeof entry !== "string" || sentence(entry)) continue;
      const colon = entry.indexOf(": ");
      if (colon > 0 && !entry.slice(0, colon).includes(" "))
        out[entry.slice(0, colon)] ??= entry.slice(colon + 2);
    }
  }
  // A lone `{"error": …}` names a field only in the Core sentences above (an unknown account, …).
  if (typeof record.error === "string") sentence(record.error);
  return out;
}

export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
    credentials: "same-origin",
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok)
    throw new ApiError(response.status, messageOf(body, response.status), fieldErrorsOf(body), body);
  return body as T;
}
