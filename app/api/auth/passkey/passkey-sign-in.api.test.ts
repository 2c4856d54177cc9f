import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { db } from "@/lib/server/db";
import { authOptions } from "@/lib/server/auth/next-auth";
import { SoftAuthenticator } from "@/lib/server/auth/testing/soft-authenticator";
import { utf8 } from "@/lib/domain/signing/encoding";
import { POST as loginOptions } from "./options/route";

beforeAll(() => {
  process.env.WEBAUTHN_RP_ID = "localhost";
  process.env.WEBAUTHN_ORIGINS = "http://localhost:3000";
});

/** The configured providers' ids (next-auth merges a provider's `options` over its defaults). */
const providerIds = async () =>
  (await authOptions()).providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);

/** next-auth's "passkey" provider's authorize, as the callback route runs it. */
async function authorizePasskey(credentials: Record<string, string>) {
  const providers = (await authOptions()).providers as (CredentialsConfig & { options: CredentialsConfig })[];
  const provider = providers.find((p) => p.options?.id === "passkey");
  if (!provider) throw new Error("no passkey provider");
  return provider.options.authorize(credentials, {
    headers: {},
    body: credentials,
    method: "POST",
    query: {},
  });
}

async function userWithPasskey() {
  const created = await createTestUser();
  const authenticator = new SoftAuthenticator();
  await (
    await db()
  ).passkey.create({
    data: {
      id: authenticator.credentialId,
      userId: created.user.id,
      name: "Laptop",
      publicKey: authenticator.cosePublicKey(),
      counter: 0n,
      transports: ["internal"],
      deviceType: "singleDevice",
      backedUp: false,
    },
  });
  return { ...created, authenticator };
}

/** The login page's steps: fetch a challenge, let the authenticator answer it. */
async function signInAttempt(
  authenticator: SoftAuthenticator,
  bend: Partial<Parameters<SoftAuthenticator["assert"]>[0]> = {},
) {
  const options = await call(loginOptions, { method: "POST" });
  expect(options.status).toBe(200);
  const response = authenticator.authenticationResponse({
    challenge: options.body.options.challenge,
    ...bend,
  });
  return { challengeId: options.body.challenge_id as string, response: JSON.stringify(response) };
}

describe("[AUTH] passkey sign-in", () => {
  it("issues a public, single-use challenge that any discoverable passkey may answer", async () => {
    const options = await call(loginOptions, { method: "POST" });
    expect(options.status).toBe(200);
    expect(options.body).toEqual({
      challenge_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      options: {
        challenge: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
        rpId: "localhost",
        userVerification: "required",
        timeout: 300000,
      },
    });
    const row = await (
      await db()
    ).webAuthnChallenge.findUniqueOrThrow({ where: { id: options.body.challenge_id } });
    expect(row).toMatchObject({
      purpose: "authentication",
      userId: null,
      challenge: options.body.options.challenge,
    });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(5 * 60_000);
  });

  it("signs the owner in, advances the counter, and works once per challenge", async () => {
    const { user, email, authenticator } = await userWithPasskey();
    const attempt = await signInAttempt(authenticator, { userHandle: utf8(user.id) });
    expect(await authorizePasskey(attempt)).toEqual({ id: user.id, email, role: "trader" });
    const stored = await (
      await db()
    ).passkey.findUniqueOrThrow({ where: { id: authenticator.credentialId } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
    // The same challenge and assertion again: the challenge is gone.
    expect(await authorizePasskey(attempt)).toBeNull();
    expect(await (await db()).webAuthnChallenge.count({ where: { id: attempt.challengeId } })).toBe(0);
  });

  const refusals: [string, Partial<Parameters<SoftAuthenticator["assert"]>[0]>, RegExp][] = [
    ["without user verification", { userVerified: false }, /User verification required/],
    ["on another origin", { origin: "https://evil.example" }, /origin "https:\/\/evil\.example"/],
    ["for another RP ID", { rpId: "evil.example" }, /Unexpected RP ID hash/],
    [
      "for another challenge",
      { challenge: "c29tZS1vdGhlci1jaGFsbGVuZ2UtdGhhdC13YXMtbmV2ZXItaXNzdWVk" },
      /Unexpected authentication response challenge/,
    ],
    [
      "with the user handle of someone else",
      { userHandle: utf8("00000000-0000-4000-8000-000000000000") },
      /user handle does not match/,
    ],
  ];
  it.each(refusals)("refuses an assertion %s", async (_name, bend, reason) => {
    const { authenticator } = await userWithPasskey();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await authorizePasskey(await signInAttempt(authenticator, bend))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(reason));
    warn.mockRestore();
    const stored = await (
      await db()
    ).passkey.findUniqueOrThrow({ where: { id: authenticator.credentialId } });
    expect(stored.lastUsedAt).toBeNull();
  });

  it("refuses a replayed counter (a cloned authenticator), an expired challenge and an unknown passkey", async () => {
    const { authenticator } = await userWithPasskey();
    expect(await authorizePasskey(await signInAttempt(authenticator, { counter: 7 }))).not.toBeNull();
    expect(await authorizePasskey(await signInAttempt(authenticator, { counter: 7 }))).toBeNull();
    expect(await authorizePasskey(await signInAttempt(authenticator, { counter: 3 }))).toBeNull();
    expect(await authorizePasskey(await signInAttempt(authenticator, { counter: 8 }))).not.toBeNull();

    const late = await signInAttempt(authenticator);
    await (
      await db()
    ).webAuthnChallenge.update({
      where: { id: late.challengeId },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await authorizePasskey(late)).toBeNull();

    expect(await authorizePasskey(await signInAttempt(new SoftAuthenticator()))).toBeNull();
  });

  it("never signs in a disabled user or with a deleted passkey, and shrugs off garbage", async () => {
    const disabled = await userWithPasskey();
    await (await db()).user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    expect(await authorizePasskey(await signInAttempt(disabled.authenticator))).toBeNull();

    const removed = await userWithPasskey();
    await (await db()).passkey.delete({ where: { id: removed.authenticator.credentialId } });
    expect(await authorizePasskey(await signInAttempt(removed.authenticator))).toBeNull();

    const { challengeId } = await signInAttempt(removed.authenticator);
    expect(await authorizePasskey({ challengeId, response: "{not json" })).toBeNull();
    expect(await authorizePasskey({ challengeId, response: JSON.stringify({ id: "x" }) })).toBeNull();
    expect(await authorizePasskey({ challengeId: "", response: "" })).toBeNull();
  });

  it("keeps the password provider next to it", async () => {
    expect(await providerIds()).toEqual(["password", "passkey"]);
  });
});
