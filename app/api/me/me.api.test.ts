import { describe, expect, it } from "vitest";
import { call, createTestUser, ADMIN_TOKEN } from "@/lib/server/testing/api-client";
import { GET } from "./route";
import { DELETE as revokeToken } from "../tokens/[id]/route";

describe("[AUTH] GET /api/me with each header form", () => {
  it("accepts Authorization: Token, Bearer, X-API-Key and Basic (email or username) alike", async () => {
    const { user, token, email, tokenId } = await createTestUser({ username: "alice_bot" });
    const forms: Record<string, string>[] = [
      { authorization: `Token ${token}` },
      { authorization: `Bearer ${token}` },
      { "x-api-key": token },
      { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}` },
      { authorization: `Basic ${Buffer.from(`alice_bot:${token}`).toString("base64")}` },
    ];
    for (const headers of forms) {
      const response = await call(GET, { path: "/api/me", headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(response.body).toEqual({
        id: user.id,
        email,
        username: "alice_bot",
        role: "trader",
        auth: "token",
        scopes: ["read", "trade", "taker"],
        token_id: tokenId,
      });
    }
  });

  it("answers the seeded admin for TRANCHE_ADMIN_TOKEN with every scope", async () => {
    const response = await call(GET, { path: "/api/me", token: ADMIN_TOKEN() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      email: "admin@test.local",
      role: "admin",
      scopes: ["read", "trade", "taker", "admin"],
    });
  });

  it("refuses a request without credentials with DRF's message", async () => {
    const response = await call(GET, { path: "/api/me" });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Authentication credentials were not provided." });
  });

  it("refuses unknown tokens, a Basic login that does not own the token, and empty headers", async () => {
    const { token } = await createTestUser();
    const other = await createTestUser();
    const cases: [Record<string, string>, string][] = [
      [{ authorization: "Token trn_doesNotExist" }, "Invalid token."],
      [{ authorization: `Bearer ${token}x` }, "Invalid token."],
      [{ "x-api-key": "nope" }, "Invalid token."],
      [
        { authorization: `Basic ${Buffer.from(`${other.email}:${token}`).toString("base64")}` },
        "Invalid username/token.",
      ],
      [{ authorization: "Token" }, "Invalid token header. No credentials provided."],
      [{ authorization: `Digest ${token}` }, "Invalid token header. Unsupported authorization scheme."],
    ];
    for (const [headers, detail] of cases) {
      const response = await call(GET, { path: "/api/me", headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.body).toEqual({ detail });
    }
  });

  it("refuses a revoked token in every header form", async () => {
    const { token, tokenId } = await createTestUser();
    const revoked = await call(revokeToken, { method: "DELETE", token, params: { id: tokenId } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    const forms: Record<string, string>[] = [{ authorization: `Token ${token}` }, { "x-api-key": token }];
    for (const headers of forms) {
      const response = await call(GET, { path: "/api/me", headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: "Invalid token." });
    }
  });
});
