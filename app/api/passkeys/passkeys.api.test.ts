import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { db } from "@/lib/server/db";
import { addPasskey, browserUser, passkeyStepUp } from "@/lib/server/auth/testing/browser-user";
import { SoftAuthenticator } from "@/lib/server/auth/testing/soft-authenticator";
import { GET as listPasskeys } from "./route";
import { PATCH as renamePasskey, DELETE as deletePasskey } from "./[id]/route";
import { POST as registerOptions } from "./register/options/route";
import { POST as registerVerify } from "./register/verify/route";
import { POST as stampOptions } from "./stamp/options/route";

beforeAll(() => {
  process.env.WEBAUTHN_RP_ID = "localhost";
  process.env.WEBAUTHN_ORIGINS = "http://localhost:3000";
});

describe("[PASSKEYS] register from Settings", () => {
  it("issues creation options that require a discoverable, user-verifying passkey for this site", async () => {
    const browser = await browserUser();
    const options = await call(registerOptions, { method: "POST", headers: browser.headers });
    expect(options.status).toBe(200);
    expect(options.body.options).toMatchObject({
      rp: { id: "localhost", name: "Tranche" },
      user: { name: browser.email },
      attestation: "none",
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      excludeCredentials: [],
    });
    expect(options.body.options.challenge).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The user handle is the user's id, so a discoverable sign-in finds the account.
    expect(Buffer.from(options.body.options.user.id, "base64url").toString()).toBe(browser.user.id);
  });

  it("stores a verified passkey under its name and lists it; a second one excludes the first", async () => {
    const browser = await browserUser();
    const { authenticator, created } = await addPasskey(browser, "MacBook Touch ID");
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: authenticator.credentialId,
      name: "MacBook Touch ID",
      device_type: "singleDevice",
      backed_up: false,
      transports: ["internal"],
      created_at: expect.any(String),
      last_used_at: null,
    });
    const list = await call(listPasskeys, { headers: browser.headers });
    expect(list.body.passkeys).toEqual([created.body]);
    expect(JSON.stringify(list.body)).not.toMatch(/publicKey|counter/);

    // With a passkey, adding another needs a step-up with it: a stolen session cannot add its own.
    const bare = await call(registerOptions, { method: "POST", headers: browser.headers });
    expect(bare.status).toBe(403);
    expect(bare.body).toEqual({
      detail:
        "Confirm with your passkey first: POST /api/auth/step_up/options, then send step_up {challenge_id, response}.",
    });
    const byPassword = await call(registerOptions, {
      method: "POST",
      headers: browser.headers,
      body: { step_up: { password: browser.password } },
    });
    expect(byPassword.status).toBe(403);
    const next = await call(registerOptions, {
      method: "POST",
      headers: browser.headers,
      body: { step_up: await passkeyStepUp(browser, authenticator) },
    });
    expect(next.status).toBe(200);
    expect(next.body.options.excludeCredentials).toEqual([
      { id: authenticator.credentialId, type: "public-key", transports: ["internal"] },
    ]);
    const second = await addPasskey(browser, "YubiKey", undefined, authenticator);
    expect(second.created.status).toBe(201);
    const both = await call(listPasskeys, { headers: browser.headers });
    expect(both.body.passkeys.map((p: { name: string }) => p.name)).toEqual(["MacBook Touch ID", "YubiKey"]);
  });

  it("uses each registration challenge once (a replayed response is refused)", async () => {
    const browser = await browserUser();
    const { response, created } = await addPasskey(browser);
    expect(created.status).toBe(201);
    const replay = await call(registerVerify, {
      method: "POST",
      headers: browser.headers,
      body: { name: "again", response },
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe(
      "This registration's challenge is unknown, expired or already used. Start again from Settings.",
    );
    expect((await call(listPasskeys, { headers: browser.headers })).body.passkeys).toHaveLength(1);
  });

  it("refuses an expired challenge, and another user's challenge", async () => {
    const alice = await browserUser();
    const options = await call(registerOptions, { method: "POST", headers: alice.headers });
    const response = new SoftAuthenticator().register({ challenge: options.body.options.challenge });

    const bob = await browserUser();
    const stolen = await call(registerVerify, {
      method: "POST",
      headers: bob.headers,
      body: { name: "x", response },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error).toMatch(/challenge is unknown, expired or already used/);

    const prisma = await db();
    await prisma.webAuthnChallenge.updateMany({
      where: { challenge: options.body.options.challenge },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await call(registerVerify, {
      method: "POST",
      headers: alice.headers,
      body: { name: "x", response },
    });
    expect(late.status).toBe(400);
    expect(late.body.error).toMatch(/challenge is unknown, expired or already used/);
    expect(await prisma.passkey.count({ where: { userId: { in: [alice.user.id, bob.user.id] } } })).toBe(0);
    // Taken challenges are gone, expired or not.
    expect(
      await prisma.webAuthnChallenge.count({ where: { challenge: options.body.options.challenge } }),
    ).toBe(0);
  });

  it("refuses a passkey made on another origin or without user verification", async () => {
    const browser = await browserUser();
    for (const [bend, message] of [
      [{ origin: "https://evil.example" }, /origin/],
      [{ userVerified: false }, /User verification was required/],
    ] as const) {
      const options = await call(registerOptions, { method: "POST", headers: browser.headers });
      const response = new SoftAuthenticator().register({
        challenge: options.body.options.challenge,
        ...bend,
      });
      const refused = await call(registerVerify, {
        method: "POST",
        headers: browser.headers,
        body: { name: "x", response },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(/^The passkey could not be verified: /);
      expect(refused.body.error).toMatch(message);
    }
    expect((await call(listPasskeys, { headers: browser.headers })).body.passkeys).toEqual([]);
  });

  it("refuses to add a passkey with an API token (a stolen token must not become a sign-in)", async () => {
    const { token } = await createTestUser();
    const refused = await call(registerOptions, { method: "POST", token });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      detail: "Passkeys are added from a signed-in browser session, not with an API token.",
    });
    const anonymous = await call(registerOptions, { method: "POST" });
    expect(anonymous.status).toBe(401);
  });

  it("validates the body: name and response, naming the field", async () => {
    const browser = await browserUser();
    const options = await call(registerOptions, { method: "POST", headers: browser.headers });
    const response = new SoftAuthenticator().register({ challenge: options.body.options.challenge });
    const cases: [unknown, string][] = [
      [{ response }, "name"],
      [{ name: "   ", response }, "name"],
      [{ name: "x".repeat(101), response }, "name"],
      [{ name: "x" }, "response"],
      [{ name: "x", response: { ...response, type: "password" } }, "response.type"],
      [{ name: "x", response: { ...response, response: { attestationObject: "a+b" } } }, "response.response"],
    ];
    for (const [body, field] of cases) {
      const answer = await call(registerVerify, { method: "POST", headers: browser.headers, body });
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.errors.join(" ")).toContain(field);
    }
    const malformed = await call(registerVerify, { method: "POST", headers: browser.headers, body: "{oops" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/JSON parse error/);
  });
});

describe("[PASSKEYS] rename, delete, and another user's passkey", () => {
  it("renames and deletes one's own passkey", async () => {
    const browser = await browserUser();
    const { authenticator } = await addPasskey(browser, "Old name");
    const renamed = await call(renamePasskey, {
      method: "PATCH",
      headers: browser.headers,
      params: { id: authenticator.credentialId },
      body: { name: "  Work laptop " },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: authenticator.credentialId, name: "Work laptop" });
    expect((await call(listPasskeys, { headers: browser.headers })).body.passkeys[0].name).toBe(
      "Work laptop",
    );

    const deleted = await call(deletePasskey, {
      method: "DELETE",
      headers: browser.headers,
      params: { id: authenticator.credentialId },
    });
    expect(deleted.status).toBe(204);
    expect((await call(listPasskeys, { headers: browser.headers })).body.passkeys).toEqual([]);
    expect(await (await db()).passkey.count({ where: { id: authenticator.credentialId } })).toBe(0);
  });

  it("answers another user's passkey with a 404 exactly like a missing one, and changes nothing", async () => {
    const alice = await browserUser();
    const { authenticator } = await addPasskey(alice, "Alice's key");
    const bob = await browserUser();
    const missing = { id: "bm90LWEta2V5" };
    for (const [handler, method, body] of [
      [renamePasskey, "PATCH", { name: "mine now" }],
      [deletePasskey, "DELETE", undefined],
    ] as const) {
      const theirs = await call(handler, {
        method,
        headers: bob.headers,
        params: { id: authenticator.credentialId },
        body,
      });
      const absent = await call(handler, { method, headers: bob.headers, params: missing, body });
      expect(theirs.status).toBe(404);
      expect(theirs.body).toEqual(absent.body);
      expect(theirs.body).toEqual({ error: "Passkey not found." });
    }
    expect((await call(listPasskeys, { headers: alice.headers })).body.passkeys).toMatchObject([
      { id: authenticator.credentialId, name: "Alice's key" },
    ]);
    expect((await call(listPasskeys, { headers: bob.headers })).body.passkeys).toEqual([]);
  });

  it("refuses a malformed id and an empty name with 400", async () => {
    const browser = await browserUser();
    const { authenticator } = await addPasskey(browser);
    const badId = await call(deletePasskey, {
      method: "DELETE",
      headers: browser.headers,
      params: { id: "not/base64" },
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error).toContain("id");
    const emptyName = await call(renamePasskey, {
      method: "PATCH",
      headers: browser.headers,
      params: { id: authenticator.credentialId },
      body: { name: "" },
    });
    expect(emptyName.status).toBe(400);
    expect(emptyName.body.error).toBe("name: name is required");
  });
});

describe("[PASSKEYS] stamp options", () => {
  it("answers the RP ID and only the caller's credentials, with user verification required", async () => {
    const alice = await browserUser();
    const one = await addPasskey(alice, "one");
    const two = await addPasskey(alice, "two", undefined, one.authenticator);
    await addPasskey(await browserUser(), "someone else's");
    const options = await call(stampOptions, { method: "POST", headers: alice.headers });
    expect(options.status).toBe(200);
    expect(options.body).toEqual({
      rpId: "localhost",
      allowCredentials: [
        { id: one.authenticator.credentialId, type: "public-key", transports: ["internal"] },
        { id: two.authenticator.credentialId, type: "public-key", transports: ["internal"] },
      ],
      userVerification: "required",
      timeout: 300000,
    });
  });
});
