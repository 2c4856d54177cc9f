import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { authSecret } from "./secret";

const state = globalThis as unknown as { __trancheAuthSecret?: Promise<string> };
const fromEnv = process.env.NEXTAUTH_SECRET;

afterEach(() => {
  process.env.NEXTAUTH_SECRET = fromEnv;
  state.__trancheAuthSecret = undefined;
});

describe("[SECURITY] the generated session secret", () => {
  it("is stored sealed under the encryption key, and a secret an earlier version kept in clear is sealed and removed", async () => {
    delete process.env.NEXTAUTH_SECRET;
    state.__trancheAuthSecret = undefined;
    const prisma = await db();
    await prisma.setting.deleteMany({
      where: { key: { in: ["nextauth_secret", "nextauth_secret_sealed"] } },
    });
    await prisma.setting.create({ data: { key: "nextauth_secret", value: "legacy-secret-in-clear" } });

    expect(await authSecret()).toBe("legacy-secret-in-clear");
    const rows = await prisma.setting.findMany({ where: { key: { startsWith: "nextauth_secret" } } });
    expect(rows.map((row) => row.key)).toEqual(["nextauth_secret_sealed"]);
    expect(rows[0]!.value).toMatch(/^v1:/);
    expect(rows[0]!.value).not.toContain("legacy-secret-in-clear");

    // Another process (fresh state) reads the same secret back.
    state.__trancheAuthSecret = undefined;
    expect(await authSecret()).toBe("legacy-secret-in-clear");
  });
});
