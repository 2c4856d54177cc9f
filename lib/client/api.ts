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

function fieldErrorsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== "object") return out;
  const errors = (body as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      if (typeof entry !== "string") continue;
      const colon = entry.indexOf(": ");
      if (colon > 0 && !entry.slice(0, colon).includes(" "))
        out[entry.slice(0, colon)] = entry.slice(colon + 2);
    }
  }
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
