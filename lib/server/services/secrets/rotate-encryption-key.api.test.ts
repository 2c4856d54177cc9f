import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createTestUser } from "../../testing/api-client";
import { ensureCustodialWallet, walletContext } from "../../signer/wallets";
import { encryptionKey } from "../../signer/encryption-key";
import { unseal } from "../../signer/seal";
import { rotateEncryptionKey } from "./rotate-encryption-key";

describe("[SECURITY] rotating the encryption key", () => {
  it("re-seals every custodial key under the new key in one go, and a wrong old key changes nothing", async () => {
    const { user } = await createTestUser();
    await ensureCustodialWallet(await db(), user.id, 31337);
    const prisma = await db();
    const before = await prisma.custodialWallet.findMany();
    const current = encryptionKey();
    const next = randomBytes(32);

    await expect(rotateEncryptionKey({ from: randomBytes(32), to: next })).rejects.toThrow();
    expect(await prisma.custodialWallet.findMany()).toEqual(before);

    const done = await rotateEncryptionKey({ from: current, to: next });
    expect(done.wallets).toBe(before.length);
    for (const wallet of await prisma.custodialWallet.findMany()) {
      const context = walletContext(wallet.userId, wallet.chainId, wallet.address);
      const old = before.find((row) => row.id === wallet.id)!;
      expect(unseal(wallet.encryptedKey, context, next)).toEqual(unseal(old.encryptedKey, context, current));
      expect(() => unseal(wallet.encryptedKey, context, current)).toThrow();
    }
    // Put the test run's key back for the other tests.
    await rotateEncryptionKey({ from: next, to: current });
  });
});
