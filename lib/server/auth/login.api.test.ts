import { describe, expect, it } from "vitest";
import { createTestUser } from "../testing/api-client";
import { db } from "../db";
import { assertLoginAllowed, verifyLogin } from "./login";

describe("[AUTH] password sign-in throttling", () => {
  it("refuses an email with 429 after five failures, even with the right password", async () => {
    const { email, password, user } = await createTestUser();
    for (let i = 0; i < 5; i++) {
      expect(await verifyLogin({ email, password: `wrong-${i}`, ip: "10.0.0.1" })).toBeNull();
    }
    await expect(verifyLogin({ email, password, ip: "10.0.0.2" })).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    // Another account is unaffected.
    const other = await createTestUser();
    expect((await verifyLogin({ email: other.email, password: other.password, ip: "10.0.0.3" }))?.id).toBe(
      other.user.id,
    );
    expect(user.id).not.toBe(other.user.id);
  });

  it("a success resets the per-email count", async () => {
    const { email, password, user } = await createTestUser();
    for (let i = 0; i < 4; i++) await verifyLogin({ email, password: "wrong", ip: "10.1.0.1" });
    expect((await verifyLogin({ email, password, ip: "10.1.0.1" }))?.id).toBe(user.id);
    for (let i = 0; i < 4; i++) await verifyLogin({ email, password: "wrong", ip: "10.1.0.1" });
    await expect(assertLoginAllowed({ email, ip: "10.1.0.9" })).resolves.toBeUndefined();
  });

  it("refuses one IP that fails across many emails", async () => {
    for (let i = 0; i < 50; i++) {
      await verifyLogin({ email: `nobody${i}@test.local`, password: "x", ip: "10.9.9.9" });
    }
    await expect(assertLoginAllowed({ email: "fresh@test.local", ip: "10.9.9.9" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(assertLoginAllowed({ email: "fresh@test.local", ip: "10.9.9.8" })).resolves.toBeUndefined();
  });

  it("treats emails case-insensitively and never signs in a disabled user", async () => {
    const { email, password, user } = await createTestUser();
    expect((await verifyLogin({ email: email.toUpperCase(), password, ip: "10.2.0.1" }))?.id).toBe(user.id);
    const prisma = await db();
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyLogin({ email, password, ip: "10.2.0.1" })).toBeNull();
  });
});
