import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { webAuthnConfig } from "../auth/webauthn-config";
import type { Dialect } from "./dialect";

/** The largest request body read, in bytes, however it is sent (declared length or chunked). */
export const MAX_BODY_BYTES = 1_000_000;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const isUnsafeMethod = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

/**
 * The body as text, read as a stream and abandoned past MAX_BODY_BYTES: a chunked upload without
 * Content-Length cannot make the server buffer more than the limit.
 */
export async function readBodyText(request: Request, dialect: Dialect): Promise<string> {
  const tooLarge = () => dialect.malformedBodyError("Request body is too large (limit 1 MB).");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * A body must be declared JSON. Browsers send `text/plain` and form bodies cross-site without a
 * preflight; refusing anything but `application/json` (or `+json`) closes that door even where the
 * Origin check cannot apply.
 */
export function assertJsonContentType(request: Request, dialect: Dialect): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return;
  throw dialect.malformedBodyError(
    `Content-Type must be application/json${type ? `, not ${type}` : " (none was sent)"}.`,
  );
}

/** The origins a signed-in browser may send changes from: this host, NEXTAUTH_URL's, WEBAUTHN_ORIGINS. */
function allowedOrigins(request: Request): Set<string> {
  const allowed = new Set(webAuthnConfig().origins);
  const appUrl = process.env.NEXTAUTH_URL;
  if (appUrl) {
    try {
      allowed.add(new URL(appUrl).origin);
    } catch {
      // a malformed NEXTAUTH_URL is reported at startup
    }
  }
  const host = request.headers.get("host");
  if (host) {
    const scheme = new URL(request.url).protocol;
    allowed.add(`${scheme}//${host}`);
  }
  return allowed;
}

/**
 * Cross-site request forgery: a change authenticated by the session cookie must come from one of
 * the app's own pages. The browser says where a request comes from (`Origin`, and
 * `Sec-Fetch-Site`); a cookie request that says neither is refused too. API tokens are not sent
 * by browsers on their own and need no such check.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (allowedOrigins(request).has(origin.replace(/\/+$/, ""))) return;
    throw new AppError("forbidden", `Cross-site request refused: origin ${origin} is not this app.`);
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return;
  throw new AppError(
    "forbidden",
    site
      ? `Cross-site request refused (Sec-Fetch-Site: ${site}).`
      : "Cross-site request refused: a signed-in browser's change must carry its Origin.",
  );
}
