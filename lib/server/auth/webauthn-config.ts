import "server-only";

/**
 * Where passkeys are valid. A WebAuthn assertion names the origin the browser was on and is bound
 * to the RP ID (a registrable domain, never an IP address: browsers refuse IPs). Both come from the
 * environment so one build serves any host:
 * - `WEBAUTHN_RP_ID`: default the hostname of `NEXTAUTH_URL`, else "localhost";
 * - `WEBAUTHN_ORIGINS`: comma-separated origins, default the origin of `NEXTAUTH_URL`, else
 *   "http://localhost:3000".
 */
export interface WebAuthnConfig {
  rpId: string;
  rpName: string;
  origins: string[];
}

const RP_NAME = "Tranche";

function nextAuthUrl(env: NodeJS.ProcessEnv): URL | null {
  try {
    return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL) : null;
  } catch {
    return null;
  }
}

export function webAuthnConfig(env: NodeJS.ProcessEnv = process.env): WebAuthnConfig {
  const appUrl = nextAuthUrl(env);
  const rpId = env.WEBAUTHN_RP_ID?.trim() || appUrl?.hostname || "localhost";
  const configured = (env.WEBAUTHN_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  const origins = configured.length > 0 ? configured : [appUrl?.origin ?? "http://localhost:3000"];
  return { rpId, rpName: RP_NAME, origins };
}
