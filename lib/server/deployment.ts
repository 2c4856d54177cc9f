import "server-only";
import { loginThrottle } from "./auth/login";
import { trustedProxyHops } from "./http/client-ip";
import { rateLimits } from "./http/rate-limit";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", ""]);

/**
 * Whether this server is reachable by others: served over https (NEXTAUTH_URL), or bound to an
 * interface other than loopback (HOST). Then generated secrets are not acceptable.
 */
export function isExposed(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://") || !LOOPBACK.has((env.HOST ?? "").trim());
}

/**
 * Check the configuration before serving, so a mistake stops the start with its reason instead of
 * surfacing later: the throttle, proxy and rate-limit settings parse, and an exposed server has
 * NEXTAUTH_SECRET and TRANCHE_ENCRYPTION_KEY from its environment (generated ones live on the same
 * machine as the data they protect, and differ between instances).
 */
export function checkDeploymentConfig(env: NodeJS.ProcessEnv = process.env): void {
  loginThrottle(env);
  trustedProxyHops(env);
  rateLimits(env);
  if (!isExposed(env)) return;
  const missing = [
    env.NEXTAUTH_SECRET || env.AUTH_SECRET ? null : "NEXTAUTH_SECRET",
    env.TRANCHE_ENCRYPTION_KEY ? null : "TRANCHE_ENCRYPTION_KEY",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(" and ")} must be set on a server others can reach (HOST=${env.HOST ?? ""}, NEXTAUTH_URL=${env.NEXTAUTH_URL ?? ""}): generate them with \`openssl rand -hex 32\` and keep them apart from the database.`,
    );
  }
}
