import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { PrismaClient } from "../db";

/**
 * Server-side WebAuthn challenges: issued with a lifetime of at most five minutes, and single-use —
 * a challenge is deleted before the response to it is verified, so a second attempt with the same
 * challenge (a replay, or a race) finds nothing.
 */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Unexpired sign-in challenges allowed at once (the options route is public). */
const MAX_OPEN_CHALLENGES = 10_000;

/** `step_up`: a passkey assertion that confirms a sensitive change by a signed-in user. */
export type ChallengePurpose = "registration" | "authentication" | "step_up";

export async function issueChallenge(
  prisma: PrismaClient,
  {
    purpose,
    userId,
    challenge,
    now = new Date(),
  }: { purpose: ChallengePurpose; userId: string | null; challenge: string; now?: Date },
): Promise<{ id: string; expiresAt: Date }> {
  await prisma.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  if ((await prisma.webAuthnChallenge.count()) >= MAX_OPEN_CHALLENGES) {
    throw new AppError("rate_limited", "Too many passkey requests in flight. Try again in a minute.", {
      retryAfterSeconds: 60,
    });
  }
  const row = await prisma.webAuthnChallenge.create({
    data: { purpose, userId, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
  });
  return { id: row.id, expiresAt: row.expiresAt };
}

/**
 * Take a challenge for verification: find it, delete it, and answer it only if this call deleted it
 * and it has not expired. Answers null otherwise (unknown, already used, expired, or not this
 * purpose / user).
 */
export async function takeChallenge(
  prisma: PrismaClient,
  where: { id?: string; challenge?: string; purpose: ChallengePurpose; userId?: string | null },
  now: Date = new Date(),
): Promise<{ id: string; challenge: string; userId: string | null } | null> {
  if (where.id === undefined && where.challenge === undefined) return null;
  const row = await prisma.webAuthnChallenge.findFirst({ where });
  if (!row) return null;
  const { count } = await prisma.webAuthnChallenge.deleteMany({ where: { id: row.id } });
  if (count !== 1 || row.expiresAt <= now) return null;
  return { id: row.id, challenge: row.challenge, userId: row.userId };
}
