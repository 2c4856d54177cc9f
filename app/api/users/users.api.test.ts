import { describe, expect, it } from "vitest";
import { call, createTestUser, ADMIN_TOKEN } from "@/lib/server/testing/api-client";
import { GET as listUsers, POST as createUser } from "./route";
import { PATCH as updateUser } from "./[id]/route";
import { GET as me } from "../me/route";
import { POST as createToken } from "../tokens/route";
import { verifyLogin } from "@/lib/server/auth/login";

describe("[USERS] /api/users/", () => {
  it("lets an admin create a user, answered without secrets, who can then sign in", async () => {
    const response = await call(createUser, {
      method: "POST",
      token: ADMIN_TOKEN(),
      body: { email: "New.Trader@Example.com", password: "a long enough password", role: "trader" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: "new.trader@example.com",
      username: null,
      role: "trader",
      created_at: expect.any(String),
      disabled_at: null,
      api_key_stamps: true,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
    const login = await verifyLogin({
      email: "new.trader@example.com",
      password: "a long enough password",
      ip: "1.1.1.1",
    });
    expect(login?.id).toBe(response.body.id);
  });

  it("refuses a duplicate email with 409", async () => {
    const { email } = await createTestUser();
    const response = await call(createUser, {
      method: "POST",
      token: ADMIN_TOKEN(),
      body: { email, password: "a long enough password", role: "trader" },
    });
    expect(response.status).toBe(409);
  });

  it("needs the admin scope: a trader's token is 403, an admin's read-only token too", async () => {
    const trader = await createTestUser();
    const asTrader = await call(createUser, {
      method: "POST",
      token: trader.token,
      body: { email: "x@test.local", password: "a long enough password" },
    });
    expect(asTrader.status).toBe(403);
    expect(asTrader.body.detail).toContain("admin");

    const admin = await createTestUser({ role: "admin", scopes: ["read"] });
    expect((await call(listUsers, { token: admin.token })).status).toBe(403);
    expect((await call(listUsers, { token: ADMIN_TOKEN() })).status).toBe(200);
  });

  it("validates email, password length and role, naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ email: "not-an-email", password: "a long enough password" }, "email"],
      [{ email: "a@b.co", password: "short" }, "password"],
      [{ email: "a@b.co", password: "a long enough password", role: "root" }, "role"],
    ];
    for (const [body, field] of cases) {
      const response = await call(createUser, { method: "POST", token: ADMIN_TOKEN(), body });
      expect(response.status).toBe(400);
      expect(response.body.error).toContain(field);
    }
  });

  it("disabling a user stops their tokens at once", async () => {
    const trader = await createTestUser();
    expect((await call(me, { token: trader.token })).status).toBe(200);
    const disabled = await call(updateUser, {
      method: "PATCH",
      token: ADMIN_TOKEN(),
      params: { id: trader.user.id },
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled_at).toEqual(expect.any(String));
    expect((await call(me, { token: trader.token })).status).toBe(401);
  });

  it("a demoted admin's token loses the admin scope", async () => {
    const admin = await createTestUser({ role: "admin" });
    await call(updateUser, {
      method: "PATCH",
      token: ADMIN_TOKEN(),
      params: { id: admin.user.id },
      body: { role: "trader" },
    });
    const whoami = await call(me, { token: admin.token });
    expect(whoami.body.scopes).not.toContain("admin");
    const mint = await call(createToken, {
      method: "POST",
      token: admin.token,
      body: { label: "x", scopes: ["admin"] },
    });
    expect(mint.status).toBe(403);
  });
});
