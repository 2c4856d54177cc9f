import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../db";
import { hashPassword, verifyPassword } from "./password";

/**
 * Password sign-in with throttling. Within a sliding window, an email that failed
 * TRANCHE_LOGIN_MAX_FAILURES times since its last success, or a client IP that failed ten times as
 * often, is refused with `rate_limited` (429) until the oldest counted failure leaves the window.
 */
const maxFailuresPerEmail = () => Number(process.env.TRANCHE_LOGIN_MAX_FAILURES ?? 5);
const maxFailuresPerIp = () => maxFailuresPerEmail() * 10;
const windowMs = () => Number(process.env.TRANCHE_LOGIN_WINDOW_SECONDS ?? 900) * 1000;

// Verifying against a real hash for unknown emails keeps response time from revealing which exist.
let dummyHash: Promise<string> | undefined;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Client IP as the proxy in front reports it, else "local". */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "local";
}

/** Throws `rate_limited` when this email or IP must wait. */
export async function assertLoginAllowed({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip: string;
  now?: Date;
}) {
  const prisma = await db();
  const since = new Date(now.getTime() - windowMs());
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
  });
  const emailFailures = await prisma.loginAttempt.findMany({
    where: { email, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: maxFailuresPerEmail(),
    select: { createdAt: true },
  });
  const ipFailures = await prisma.loginAttempt.findMany({
    where: { ip, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: maxFailuresPerIp(),
    select: { createdAt: true },
  });
  const blockedUntil = (failures: { createdAt: Date }[], limit: number): number | null =>
    failures.length >= limit ? failures[failures.length - 1]!.createdAt.getTime() + windowMs() : null;
  const until = Math.max(
    blockedUntil(emailFailures, maxFailuresPerEmail()) ?? 0,
    blockedUntil(ipFailures, maxFailuresPerIp()) ?? 0,
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

/** Check email + password, record the attempt, and answer the user or null. */
export async function verifyLogin({
  email: rawEmail,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string;
}): Promise<VerifiedLogin | null> {
  const email = normalizeEmail(rawEmail);
  await assertLoginAllowed({ email, ip });
  const prisma = await db();
  const user = await prisma.user.findFirst({ where: { OR: [{ email }, { username: email }] } });
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await (dummyHash ??= hashPassword("not-a-user"))).then(() => false);
  const success = ok && !!user && !user.disabledAt;
  await prisma.loginAttempt.create({ data: { email, ip, success } });
  return success && user ? { id: user.id, email: user.email, role: user.role } : null;
}
