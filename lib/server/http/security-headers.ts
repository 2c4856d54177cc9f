/**
 * The security headers of every response (set by proxy.ts). No `server-only`: the proxy imports it.
 * - Content-Security-Policy: scripts only with this response's nonce (and what they load,
 *   `strict-dynamic`), no plugins, no framing (`frame-ancestors 'none'`), forms and the base URL
 *   only to this origin; styles may be inline (the charts set element styles);
 * - X-Content-Type-Options nosniff, Referrer-Policy, X-Frame-Options for older browsers,
 *   a Permissions-Policy that allows only what passkeys need;
 * - Strict-Transport-Security when the app is served over https.
 */
export function securityHeaders({
  nonce,
  https,
  dev = false,
}: {
  nonce: string;
  https: boolean;
  dev?: boolean;
}): Record<string, string> & { "Content-Security-Policy": string } {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), publickey-credentials-get=(self)",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
