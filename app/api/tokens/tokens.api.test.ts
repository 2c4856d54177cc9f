import { describe, expect, it } from "vitest";
import { call, createTestUser, ADMIN_TOKEN } from "@/lib/server/testing/api-client";
import { browserUser } from "@/lib/server/auth/testing/browser-user";
import { GET as listTokens, POST as createToken } from "./route";
import { DELETE as revokeToken } from "./[id]/route";
import { GET as me } from "../me/route";
import { POST as createUser } from "../users/route";

describe("[TOKENS] /api/tokens/", () => {
  it("creates a token shown once, which then authenticates with exactly its scopes", async () => {
    const { headers } = await browserUser();
    const created = await call(createToken, {
      method: "POST",
      headers,
      body: { label: "reader bot", scopes: ["read"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      label: "reader bot",
      scopes: ["read"],
      revoked_at: null,
      last_used_at: null,
    });
    expect(created.body.token).toMatch(/^trn_[0-9A-Za-z]{40}$/);
    expect(created.body.prefix).toBe(created.body.token.slice(0, 8));

    const whoami = await call(me, { token: created.body.token });
    expect(whoami.body.scopes).toEqual(["read"]);

    const list = await call(listTokens, { headers });
    const listed = list.body.tokens.find((t: { id: string }) => t.id === created.body.id);
    expect(listed).toMatchObject({ label: "reader bot", scopes: ["read"] });
    expect(listed.token).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it("records when a token was last used", async () => {
    const { token, tokenId } = await createTestUser();
    await call(me, { token });
    const list = await call(listTokens, { token });
    const row = list.body.tokens.find((t: { id: string }) => t.id === tokenId);
    expect(Date.parse(row.last_used_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("never shows or revokes another user's token: 404 as if missing", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const bobList = await call(listTokens, { token: bob.token });
    expect(bobList.body.tokens.map((t: { id: string }) => t.id)).toEqual([bob.tokenId]);

    const attempt = await call(revokeToken, {
      method: "DELETE",
      token: bob.token,
      params: { id: alice.tokenId },
    });
    const missing = await call(revokeToken, {
      method: "DELETE",
      token: bob.token,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(attempt.status).toBe(404);
    expect(attempt.body).toEqual(missing.body);
    expect((await call(me, { token: alice.token })).status).toBe(200);
  });

  it("a read token cannot mint tokens at all; a session cannot grant a scope its role lacks (403)", async () => {
    const { token: readOnly } = await createTestUser({ scopes: ["read"] });
    const minted = await call(createToken, {
      method: "POST",
      token: readOnly,
      body: { label: "x", scopes: ["read"] },
    });
    expect(minted.status).toBe(403);
    expect(minted.body.detail).toContain("admin-scope token");

    const { headers } = await browserUser();
    const adminScope = await call(createToken, {
      method: "POST",
      headers,
      body: { label: "x", scopes: ["admin"] },
    });
    expect(adminScope.status).toBe(403);
    expect(adminScope.body.detail).toContain("admin");
  });

  it("lets an admin mint a token for another user, and only an admin", async () => {
    const trader = await createTestUser();
    const minted = await call(createToken, {
      method: "POST",
      token: ADMIN_TOKEN(),
      body: { label: "ops", scopes: ["read"], user_id: trader.user.id },
    });
    expect(minted.status).toBe(201);
    expect(minted.body.user_id).toBe(trader.user.id);
    expect((await call(me, { token: minted.body.token })).body.email).toBe(trader.email);

    const other = await createTestUser();
    const refused = await call(createToken, {
      method: "POST",
      token: other.token,
      body: { label: "x", scopes: ["read"], user_id: trader.user.id },
    });
    expect(refused.status).toBe(403);
  });

  it("validates the body with messages naming the field", async () => {
    const { headers } = await browserUser();
    const cases: [unknown, string][] = [
      [{ scopes: ["read"] }, "label"],
      [{ label: "x", scopes: [] }, "scopes"],
      [{ label: "x", scopes: ["root"] }, "scopes"],
      [{ label: "x", scopes: ["read"], user_id: "not-a-uuid" }, "user_id"],
      [{ label: "x", scopes: ["read"], expires_at: "2001-01-01T00:00:00Z" }, "expires_at"],
    ];
    for (const [body, field] of cases) {
      const response = await call(createToken, { method: "POST", headers, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toContain(field);
    }
  });

  it("answers malformed JSON with a 400, never a 500, and creates nothing", async () => {
    const { token, headers } = await browserUser();
    const before = (await call(listTokens, { token })).body.tokens.length;
    for (const body of ['{"label": "x", ', "not json", "[1,2", '{"label":"x","scopes":["read"]}}']) {
      const response = await call(createToken, { method: "POST", headers, body });
      expect(response.status, body).toBe(400);
      expect(response.body.error).toMatch(/JSON parse error/);
    }
    const malformedUser = await call(createUser, { method: "POST", token: ADMIN_TOKEN(), body: "{oops" });
    expect(malformedUser.status).toBe(400);
    expect((await call(listTokens, { token })).body.tokens.length).toBe(before);
  });

  it("rejects a bad UUID in the path with 400", async () => {
    const { token } = await createTestUser();
    const response = await call(revokeToken, { method: "DELETE", token, params: { id: "123" } });
    expect(response.status).toBe(400);
    expect(response.body.error).toContain("id");
  });

  it("expires a token at its expiry time", async () => {
    const { headers } = await browserUser();
    const soon = new Date(Date.now() + 1500).toISOString();
    const created = await call(createToken, {
      method: "POST",
      headers,
      body: { label: "short", scopes: ["read"], expires_at: soon },
    });
    expect(created.status).toBe(201);
    expect((await call(me, { token: created.body.token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await call(me, { token: created.body.token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ detail: "Token has expired." });
  });
});
