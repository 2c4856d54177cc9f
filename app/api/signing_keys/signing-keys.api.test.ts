import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call, createTestUser } from "@/lib/server/testing/api-client";
import { SoftAuthenticator, softSigningKey } from "@/lib/server/auth/testing/soft-authenticator";
import { addPasskey, browserUser, passkeyStepUp, type Browser } from "@/lib/server/auth/testing/browser-user";
import { db } from "@/lib/server/db";
import { GET as auditLog } from "../audit_log/route";
import { PATCH as updateUser } from "../users/[id]/route";
import { GET as listKeys, POST as createKey } from "./route";
import { DELETE as revokeKey } from "./[id]/route";

/** Settings → Register key in a signed-in browser, confirmed with the password (the user has no passkey). */
const register = (browser: Browser, body: Record<string, unknown>) =>
  call(createKey, {
    method: "POST",
    headers: browser.headers,
    body: { step_up: { password: browser.password }, ...body },
  });

// The P-256 generator's x: a valid compressed key with either prefix.
const G_X = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";

describe("[SIGNING KEYS] /api/signing_keys/", () => {
  it("registers a compressed P-256 key (201 {id, public_key, label, created_at}) and lists it", async () => {
    const browser = await browserUser();
    const { token } = browser;
    const key = softSigningKey();
    const created = await register(browser, {
      public_key: key.publicKey.toUpperCase(),
      label: " rebalancer ",
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      public_key: key.publicKey, // stored lowercase: one key, one spelling
      label: "rebalancer",
      created_at: expect.any(String),
    });
    expect(Date.parse(created.body.created_at)).toBeGreaterThan(Date.now() - 60_000);

    const list = await call(listKeys, { token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      signing_keys: [{ ...created.body, last_used_at: null, revoked_at: null }],
    });
  });

  it("refuses a key registered before, by anyone, with 409", async () => {
    const alice = await browserUser();
    const bob = await browserUser();
    const key = softSigningKey();
    expect((await register(alice, { public_key: key.publicKey, label: "a" })).status).toBe(201);
    for (const browser of [alice, bob]) {
      const again = await register(browser, { public_key: key.publicKey, label: "b" });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({ error: "This public key is already registered." });
    }
    expect((await call(listKeys, { token: bob.token })).body.signing_keys).toEqual([]);
  });

  it("validates the key: hex, 33 bytes, 02/03 prefix, on the curve; and the label", async () => {
    const browser = await browserUser();
    const { token } = browser;
    const cases: [Record<string, unknown>, string][] = [
      [{ label: "x" }, "public_key"],
      [{ public_key: `0x03${G_X}`, label: "x" }, "public_key: must be hex without a 0x prefix"],
      [
        { public_key: `03${G_X.slice(2)}`, label: "x" },
        "public_key: must be a 33-byte compressed P-256 public key (got 32 bytes)",
      ],
      [
        { public_key: `04${G_X}`, label: "x" },
        "public_key: must start with 02 or 03 (compressed point), not 04",
      ],
      [{ public_key: `02${"00".repeat(31)}01`, label: "x" }, "public_key: is not a point on the P-256 curve"],
      [
        { public_key: `04${G_X}${"ab".repeat(32)}`, label: "x" },
        "public_key: is an uncompressed key (65 bytes)",
      ],
      [{ public_key: `03${G_X}` }, "label"],
      [{ public_key: `03${G_X}`, label: "   " }, "label: label is required"],
      [{ public_key: `03${G_X}`, label: "x", extra: 1 }, "extra"],
    ];
    for (const [body, message] of cases) {
      const response = await register(browser, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toContain(message);
    }
    expect((await call(listKeys, { token })).body.signing_keys).toEqual([]);
  });

  it("revokes a key (idempotent) and keeps it listed as revoked", async () => {
    const browser = await browserUser();
    const { token } = browser;
    const created = await register(browser, { public_key: softSigningKey().publicKey, label: "bot" });
    const revoked = await call(revokeKey, { method: "DELETE", token, params: { id: created.body.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, revoked_at: expect.any(String) });
    const again = await call(revokeKey, { method: "DELETE", token, params: { id: created.body.id } });
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
    const list = await call(listKeys, { token });
    expect(list.body.signing_keys).toEqual([
      { ...created.body, last_used_at: null, revoked_at: revoked.body.revoked_at },
    ]);
  });

  it("answers another user's key with a 404 exactly like a missing one, and leaves it active", async () => {
    const alice = await browserUser();
    const bob = await createTestUser();
    const created = await register(alice, { public_key: softSigningKey().publicKey, label: "alice" });
    const theirs = await call(revokeKey, {
      method: "DELETE",
      token: bob.token,
      params: { id: created.body.id },
    });
    const missing = await call(revokeKey, {
      method: "DELETE",
      token: bob.token,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect(theirs.body).toEqual({ error: "Signing key not found." });
    expect((await call(listKeys, { token: alice.token })).body.signing_keys[0].revoked_at).toBeNull();
    const badId = await call(revokeKey, { method: "DELETE", token: bob.token, params: { id: "123" } });
    expect(badId.status).toBe(400);
  });

  it("needs the trade scope to add or revoke a key, read to list", async () => {
    const { token: readOnly } = await createTestUser({ scopes: ["read"] });
    const refused = await call(createKey, {
      method: "POST",
      token: readOnly,
      body: { public_key: softSigningKey().publicKey, label: "x" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("trade");
    expect((await call(listKeys, { token: readOnly })).status).toBe(200);
    expect((await call(listKeys, {})).status).toBe(401);
  });
});

async function keysOf(userId: string) {
  return (await db()).signingKey.findMany({ where: { userId } });
}

async function audit(userId: string) {
  const page = await call(auditLog, { token: ADMIN_TOKEN(), path: `/api/audit_log/?user_id=${userId}` });
  expect(page.status).toBe(200);
  return page.body.events as { action: string; actor_via: string; target_id: string; details: object }[];
}

describe("[SECURITY] registering a signing key needs the person, not just a credential", () => {
  it("refuses a trade token on its own (it once planted a key and executed DeFi orders with it)", async () => {
    const { token, user } = await createTestUser();
    const bare = await call(createKey, {
      method: "POST",
      token,
      body: { public_key: softSigningKey().publicKey, label: "stolen" },
    });
    expect(bare.status).toBe(403);
    expect(bare.body).toEqual({
      detail:
        "Confirm with your password from a signed-in browser session: an API token cannot make this change.",
    });
    // Knowing the password does not help a token either: the password step-up is for browsers.
    const withPassword = await call(createKey, {
      method: "POST",
      token,
      body: {
        public_key: softSigningKey().publicKey,
        label: "stolen",
        step_up: { password: "correct horse battery staple" },
      },
    });
    expect(withPassword.status).toBe(403);
    expect(await keysOf(user.id)).toEqual([]);
  });

  it("takes the password in a browser session for a user without a passkey; a wrong one is refused and audited", async () => {
    const browser = await browserUser();
    const key = softSigningKey();
    const none = await call(createKey, {
      method: "POST",
      headers: browser.headers,
      body: { public_key: key.publicKey, label: "bot" },
    });
    expect(none.status).toBe(403);
    expect(none.body).toEqual({ detail: "Confirm with your password: send step_up {password}." });
    const wrong = await register(browser, {
      public_key: key.publicKey,
      label: "bot",
      step_up: { password: "not my password" },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ detail: "The password is wrong." });
    expect(await keysOf(browser.user.id)).toEqual([]);
    const right = await register(browser, { public_key: key.publicKey, label: "bot" });
    expect(right.status).toBe(201);
    const events = await audit(browser.user.id);
    expect(events.map((event) => event.action)).toEqual(["signing_key.created", "step_up.failed"]);
    expect(events[0]).toMatchObject({
      actor_via: "session",
      target_id: right.body.id,
      details: { label: "bot" },
    });
    expect(events[1]).toMatchObject({ details: { method: "password", reason: "wrong password" } });
  });

  it("needs a fresh assertion of the user's own passkey once they have one: single use, not the password", async () => {
    const browser = await browserUser();
    const laptop = new SoftAuthenticator();
    expect((await addPasskey(browser, "Laptop", laptop)).created.status).toBe(201);
    const key = softSigningKey();

    const byPassword = await register(browser, { public_key: key.publicKey, label: "bot" });
    expect(byPassword.status).toBe(403);
    expect(byPassword.body.detail).toMatch(/^Confirm with your passkey first/);

    // Someone else's passkey answering this user's challenge does not count.
    const stranger = new SoftAuthenticator();
    const forged = await passkeyStepUp(browser, stranger);
    const refused = await register(browser, { public_key: key.publicKey, label: "bot", step_up: forged });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ detail: "The passkey confirmation did not verify." });

    const proof = await passkeyStepUp(browser, laptop);
    const created = await register(browser, { public_key: key.publicKey, label: "bot", step_up: proof });
    expect(created.status).toBe(201);
    const replay = await register(browser, {
      public_key: softSigningKey().publicKey,
      label: "bot2",
      step_up: proof,
    });
    expect(replay.status).toBe(403);
    expect(replay.body).toEqual({
      detail: "The passkey confirmation expired or was already used: ask for a new one.",
    });
    expect((await keysOf(browser.user.id)).map((row) => row.label)).toEqual(["bot"]);
  });

  it("lets an admin token provision a key for a user, audited; a trader cannot name another user", async () => {
    const trader = await createTestUser();
    const key = softSigningKey();
    const provisioned = await call(createKey, {
      method: "POST",
      token: ADMIN_TOKEN(),
      body: { public_key: key.publicKey, label: "provisioned", user_id: trader.user.id },
    });
    expect(provisioned.status).toBe(201);
    expect((await keysOf(trader.user.id)).map((row) => row.publicKey)).toEqual([key.publicKey]);
    const [event] = await audit(trader.user.id);
    expect(event).toMatchObject({
      action: "signing_key.provisioned",
      actor_via: "token",
      target_id: provisioned.body.id,
      details: { public_key: key.publicKey },
    });
    const other = await createTestUser();
    const refused = await call(createKey, {
      method: "POST",
      token: trader.token,
      body: { public_key: softSigningKey().publicKey, label: "x", user_id: other.user.id },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ detail: "Only an admin may register a signing key for another user." });
  });

  it("refuses keys for a user whose api_key stamps an admin turned off", async () => {
    const browser = await browserUser();
    const off = await call(updateUser, {
      method: "PATCH",
      token: ADMIN_TOKEN(),
      params: { id: browser.user.id },
      body: { api_key_stamps: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.api_key_stamps).toBe(false);
    const refused = await register(browser, { public_key: softSigningKey().publicKey, label: "bot" });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      detail: "API-key stamps are turned off for this account by an administrator.",
    });
    expect((await audit(browser.user.id))[0]).toMatchObject({
      action: "user.updated",
      details: { api_key_stamps: false },
    });
  });
});
