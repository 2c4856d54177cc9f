import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";

const SECRET_KEY = "nextauth_secret";
const state = globalThis as unknown as { __trancheAuthSecret?: Promise<string> };

/**
 * The key that signs and encrypts session cookies: NEXTAUTH_SECRET when set, otherwise one generated
 * at first start and kept in the database, so every instance sharing it agrees and restarts keep
 * sessions valid.
 */
export function authSecret(): Promise<string> {
  const fromEnv = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  return (state.__trancheAuthSecret ??= (async () => {
    const prisma = await db();
    const candidate = randomBytes(32).toString("base64url");
    // Insert-if-absent, then read: concurrent first starts all end with the same stored value.
    await prisma.setting.upsert({
      where: { key: SECRET_KEY },
      create: { key: SECRET_KEY, value: candidate },
      update: {},
    });
    const stored = await prisma.setting.findUniqueOrThrow({ where: { key: SECRET_KEY } });
    return stored.value;
  })().catch((error) => {
    state.__trancheAuthSecret = undefined;
    throw error;
  }));
}

/** next-auth names its cookie `__Secure-…` when the app is served over https. */
export const secureCookies = (): boolean => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const sessionCookieName = (): string =>
  secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
