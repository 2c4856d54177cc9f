import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { seal, unseal } from "../signer/seal";

const SEALED_KEY = "nextauth_secret_sealed";
/** Where versions before sealing kept the generated secret in clear. */
const PLAIN_KEY = "nextauth_secret";
const CONTEXT = "setting:nextauth_secret";
const state = globalThis as unknown as { __trancheAuthSecret?: Promise<string> };

/**
 * The key that signs and encrypts session cookies: NEXTAUTH_SECRET when set, otherwise one generated
 * at first start and kept in the database sealed under the encryption key (a database dump alone
 * does not let anyone forge a session), so every instance sharing it agrees and restarts keep
 * sessions valid. A secret stored in clear by an earlier version is sealed and the clear row removed.
 */
export function authSecret(): Promise<string> {
  const fromEnv = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  return (state.__trancheAuthSecret ??= (async () => {
    const prisma = await db();
    const legacy = await prisma.setting.findUnique({ where: { key: PLAIN_KEY } });
    const candidate = legacy?.value ?? randomBytes(32).toString("base64url");
    // Insert-if-absent, then read: concurrent first starts all end with the same stored value.
    await prisma.setting.upsert({
      where: { key: SEALED_KEY },
      create: { key: SEALED_KEY, value: seal(Buffer.from(candidate, "utf8"), CONTEXT) },
      update: {},
    });
    if (legacy) await prisma.setting.deleteMany({ where: { key: PLAIN_KEY } });
    const stored = await prisma.setting.findUniqueOrThrow({ where: { key: SEALED_KEY } });
    return unseal(stored.value, CONTEXT).toString("utf8");
  })().catch((error) => {
    state.__trancheAuthSecret = undefined;
    throw error;
  }));
}

/** The sealed settings and their contexts, for key rotation. */
export const SEALED_SETTINGS = [{ key: SEALED_KEY, context: CONTEXT }] as const;

/** next-auth names its cookie `__Secure-…` when the app is served over https. */
export const secureCookies = (): boolean => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const sessionCookieName = (): string =>
  secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
