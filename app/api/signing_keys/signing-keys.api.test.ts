import { describe, expect, it } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { softSigningKey } from "@/lib/server/auth/testing/soft-authenticator";
import { GET as listKeys, POST as createKey } from "./route";
import { DELETE as revokeKey } from "./[id]/route";

// The P-256 generator's x: a valid compressed key with either prefix.
const G_X = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";

describe("[SIGNING KEYS] /api/signing_keys/", () => {
  it("registers a compressed P-256 key (201 {id, public_key, label, created_at}) and lists it", async () => {
    const { token } = await createTestUser();
    const key = softSigningKey();
    const created = await call(createKey, {
      method: "POST",
      token,
      body: { public_key: key.publicKey.toUpperCase(), label: " rebalancer " },
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
    const alice = await createTestUser();
    const bob = await createTestUser();
    const key = softSigningKey();
    expect(
      (
        await call(createKey, {
          method: "POST",
          token: alice.token,
          body: { public_key: key.publicKey, label: "a" },
        })
      ).status,
    ).toBe(201);
    for (const token of [alice.token, bob.token]) {
      const again = await call(createKey, {
        method: "POST",
        token,
        body: { public_key: key.publicKey, label: "b" },
      });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({ error: "This public key is already registered." });
    }
    expect((await call(listKeys, { token: bob.token })).body.signing_keys).toEqual([]);
  });

  it("validates the key: hex, 33 bytes, 02/03 prefix, on the curve; and the label", async () => {
    const { token } = await createTestUser();
    const cases: [unknown, string][] = [
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
      const response = await call(createKey, { method: "POST", token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toContain(message);
    }
    expect((await call(listKeys, { token })).body.signing_keys).toEqual([]);
  });

  it("revokes a key (idempotent) and keeps it listed as revoked", async () => {
    const { token } = await createTestUser();
    const created = await call(createKey, {
      method: "POST",
      token,
      body: { public_key: softSigningKey().publicKey, label: "bot" },
    });
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
    const alice = await createTestUser();
    const bob = await createTestUser();
    const created = await call(createKey, {
      method: "POST",
      token: alice.token,
      body: { public_key: softSigningKey().publicKey, label: "alice" },
    });
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
