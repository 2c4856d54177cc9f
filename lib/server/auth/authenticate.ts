import "server-only";
import { decode } from "next-auth/jwt";
import { AppError } from "@/lib/domain/shared/errors";
import type { TRole, TScope } from "@/lib/contracts/auth";
import { db } from "../db";
import { hashTokenValue } from "./token-secret";
import { authSecret, sessionCookieName } from "./secret";
import { scopesForRole } from "./scopes";
import { assertSameOrigin, isUnsafeMethod } from "../http/request-guards";

export interface Principal {
  userId: string;
  email: string;
  username: string | null;
  role: TRole;
  via: "session" | "token";
  /** What this request may do: the token's scopes (within the role), or the role's for a session. */
  scopes: TScope[];
  tokenId?: string;
}

export interface AuthenticateOptions {
  /** Every scope listed is required. */
  scopes?: TScope[];
}

type Credentials = { kind: "token"; value: string; login?: string } | { kind: "session" } | { kind: "none" };

/** Read credentials in any of the four header forms the API surfaces use, or the session cookie. */
function readCredentials(request: Request): Credentials {
  const apiKey = request.headers.get("x-api-key");
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const space = authorization.indexOf(" ");
    const scheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
    const value = space < 0 ? "" : authorization.slice(space + 1).trim();
    if (!value) throw new AppError("invalid_credentials", "Invalid token header. No credentials provided.");
    if (scheme === "token" || scheme === "bearer") return { kind: "token", value };
    if (scheme === "basic") {
      let decoded: string;
      try {
        decoded = Buffer.from(value, "base64").toString("utf8");
      } catch {
        throw new AppError(
          "invalid_credentials",
          "Invalid basic header. Credentials not correctly base64 encoded.",
        );
      }
      const colon = decoded.indexOf(":");
      if (colon < 1)
        throw new AppError("invalid_credentials", "Invalid basic header. No credentials provided.");
      return {
        kind: "token",
        login: decoded.slice(0, colon).trim().toLowerCase(),
        value: decoded.slice(colon + 1),
      };
    }
    throw new AppError("invalid_credentials", "Invalid token header. Unsupported authorization scheme.");
  }
  if (apiKey !== null) {
    if (!apiKey.trim())
      throw new AppError("invalid_credentials", "Invalid token header. No credentials provided.");
    return { kind: "token", value: apiKey.trim() };
  }
  return request.headers.get("cookie") ? { kind: "session" } : { kind: "none" };
}

function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      cookies[name] = part.slice(eq + 1).trim();
    }
  }
  return cookies;
}

/** The user id in a valid session cookie (next-auth JWT, possibly chunked), or null. */
export async function sessionUserId(request: Request): Promise<string | null> {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const name = sessionCookieName();
  const cookies = parseCookies(header);
  const chunks = Object.keys(cookies)
    .filter((key) => key === name || key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
  if (chunks.length === 0) return null;
  const token = chunks.map((key) => cookies[key]).join("");
  try {
    const payload = await decode({ token, secret: await authSecret() });
    return typeof payload?.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Authenticate a request and check scopes. Throws `unauthenticated` (no credentials),
 * `invalid_credentials` (unknown, revoked or expired token; bad session) or `forbidden` (scope).
 * A token header wins over a session cookie, and a bad token never falls back to the cookie.
 */
export async function authenticate(request: Request, options: AuthenticateOptions = {}): Promise<Principal> {
  const credentials = readCredentials(request);
  const principal =
    credentials.kind === "token"
      ? await principalFromToken(credentials.value, credentials.login)
      : credentials.kind === "session"
        ? await principalFromSession(request)
        : null;
  if (!principal) throw new AppError("unauthenticated", "Authentication credentials were not provided.");
  const missing = (options.scopes ?? []).filter((scope) => !principal.scopes.includes(scope));
  if (missing.length > 0) {
    throw new AppError(
      "forbidden",
      `This ${principal.via === "token" ? "token" : "account"} lacks the ${missing.join(", ")} scope${missing.length > 1 ? "s" : ""} required here.`,
    );
  }
  return principal;
}

async function principalFromToken(value: string, login?: string): Promise<Principal> {
  const prisma = await db();
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashTokenValue(value) },
    include: { user: true },
  });
  const now = new Date();
  if (!token || token.revokedAt || token.user.disabledAt)
    throw new AppError("invalid_credentials", "Invalid token.");
  if (login !== undefined && login !== token.user.email && login !== token.user.username?.toLowerCase()) {
    throw new AppError("invalid_credentials", "Invalid username/token.");
  }
  if (token.expiresAt && token.expiresAt <= now)
    throw new AppError("invalid_credentials", "Token has expired.");
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    // Bounded write: at most once a minute per token, and never in the caller's way.
    prisma.apiToken
      .update({ where: { id: token.id }, data: { lastUsedAt: now } })
      .catch((error) => console.error("[auth] could not record token use", error));
  }
  const allowed = scopesForRole(token.user.role);
  return {
    userId: token.user.id,
    email: token.user.email,
    username: token.user.username,
    role: token.user.role,
    via: "token",
    scopes: token.scopes.filter((scope) => allowed.includes(scope)),
    tokenId: token.id,
  };
}

async function principalFromSession(request: Request): Promise<Principal | null> {
  const userId = await sessionUserId(request);
  if (!userId) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt)
    throw new AppError("invalid_credentials", "Session is no longer valid. Sign in again.");
  // A browser session may change state only from our own pages: refuse cross-site writes (CSRF).
  if (isUnsafeMethod(request.method)) assertSameOrigin(request);
  return {
    userId: user.id,
    email: user.email,
    username: user.username,
    role: user.role,
    via: "session",
    scopes: scopesForRole(user.role),
  };
}
