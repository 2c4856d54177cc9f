import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../db";
import { hashPassword, verifyPassword } from "./password";
import { clientIp } from "../http/client-ip";
import { recordAudit } from "../audit/record-audit";

/**
 * Password checks with throttling: sign-in, the step-up password, and a password change. Within a
 * sliding window, an account that failed TRANCHE_LOGIN_MAX_FAILURES times since its last success,
 * or a client IP that failed ten times as often, is refused with `rate_limited` (429) until the
 * oldest counted failure leaves the window. The account is the resolved user (an email and a
 * username of one user count together). Each attempt is claimed — recorded as a failure — before
 * the password is checked, and only the attempts claimed before it count against it, so parallel
 * guesses cannot all slip through between a check and a write.
 */
export interface LoginThrottle {
  maxFailures: number;
  windowMs: number;
}

/** The throttle's settings; a value that is not a positive whole number is a startup error. */
export function loginThrottle(env: NodeJS.ProcessEnv = process.env): LoginThrottle {
  const read = (name: string, fallback: number) => {
    const text = env[name]?.trim() ?? "";
    if (text === "") return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`${name} must be a positive whole number, got "${text}".`);
    }
    return value;
  };
  return {
    maxFailures: read("TRANCHE_LOGIN_MAX_FAILURES", 5),
    windowMs: read("TRANCHE_LOGIN_WINDOW_SECONDS", 900) * 1000,
  };
}

// Verifying against a real hash for unknown emails keeps response time from revealing which exist.
let dummyHash: Promise<string> | undefined;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export { clientIp };

/**
 * Throws `rate_limited` when this account or IP must wait. `beforeId`: count only the attempts
 * claimed before this one (an attempt never counts against itself).
 */
export async function assertLoginAllowed({
  email,
  ip,
  now = new Date(),
  beforeId,
}: {
  email: string;
  ip: string;
  now?: Date;
  beforeId?: bigint;
}) {
  const { maxFailures, windowMs } = loginThrottle();
  const maxFailuresPerIp = maxFailures * 10;
  const prisma = await db();
  const since = new Date(now.getTime() - windowMs);
  const claimed = beforeId === undefined ? {} : { id: { lt: beforeId } };
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since }, ...claimed },
    orderBy: { createdAt: "desc" },
  });
  const emailFailures = await prisma.loginAttempt.findMany({
    where: { email, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since }, ...claimed },
    orderBy: { createdAt: "desc" },
    take: maxFailures,
    select: { createdAt: true },
  });
  const ipFailures = await prisma.loginAttempt.findMany({
    where: { ip, success: false, createdAt: { gte: since }, ...claimed },
    orderBy: { createdAt: "desc" },
    take: maxFailuresPerIp,
    select: { createdAt: true },
  });
  const blockedUntil = (failures: { createdAt: Date }[], limit: number): number | null =>
    failures.length >= limit ? failures[failures.length - 1]!.createdAt.getTime() + windowMs : null;
  const until = Math.max(
    blockedUntil(emailFailures, maxFailures) ?? 0,
    blockedUntil(ipFailures, maxFailuresPerIp) ?? 0,
  );
  if (until > now.getTime()) {
    const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
    throw new AppError(
      "rate_limited",
      `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
}

export interface VerifiedLogin {
  id: string;
  email: string;
  role: "admin" | "trader";
}

/**
 * One throttled password check for `login` (an email or a username): claim the attempt, refuse it
 * (429) if the account or IP must wait, else check the password and record the outcome. Answers
 * the user when the password is right and the user is enabled, else null.
 */
export async function checkPassword({
  login,
  password,
  ip,
}: {
  login: string;
  password: string;
  ip: string;
}): Promise<VerifiedLogin | null> {
  const typed = normalizeEmail(login);
  const prisma = await db();
  const user = await prisma.user.findFirst({ where: { OR: [{ email: typed }, { username: typed }] } });
  const key = user?.email ?? typed;
  const attempt = await prisma.loginAttempt.create({ data: { email: key, ip, success: false } });
  try {
    await assertLoginAllowed({ email: key, ip, beforeId: attempt.id });
  } catch (error) {
    // A refused attempt is not a guess: it does not push the wait further out.
    await prisma.loginAttempt.delete({ where: { id: attempt.id } });
    throw error;
  }
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await (dummyHash ??= hashPassword("not-a-user"))).then(() => false);
  const success = ok && !!user && !user.disabledAt;
  if (success) await prisma.loginAttempt.update({ where: { id: attempt.id }, data: { success: true } });
  return success && user ? { id: user.id, email: user.email, role: user.role } : null;
}

/** Password sign-in: `checkPassword`, and the outcome in the audit log. */
export async function verifyLogin({
  email,
  password,
  ip,
  request,
}: {
  email: string;
  password: string;
  ip: string;
  request?: Request;
}): Promise<VerifiedLogin | null> {
  const user = await checkPassword({ login: email, password, ip });
  await recordAudit(await db(), {
    action: user ? "sign_in" : "sign_in.failed",
    actor: user ? { userId: user.id, via: "session" } : null,
    details: { method: "password", ...(user ? {} : { login: normalizeEmail(email) }) },
    ip,
    request,
  });
  return user;
}
