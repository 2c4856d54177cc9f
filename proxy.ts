import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/server/http/security-headers";

/**
 * Every page and API response carries the security headers; pages get a Content-Security-Policy
 * with a fresh nonce, which Next.js puts on its own scripts (and the root layout on the theme
 * script) — no inline script runs without it.
 */
export function proxy(request: NextRequest) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build assets are immutable files: no policy to carry.
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
