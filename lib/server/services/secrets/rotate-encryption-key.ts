import "server-only";
import { db } from "../../db";
import { seal, unseal } from "../../signer/seal";
import { walletContext } from "../../signer/wallets";
import { SEALED_SETTINGS } from "../../auth/secret";

/**
 * Re-seal every secret kept at rest from the old encryption key to the new one, in one transaction:
 * either all of them open under the new key afterwards, or nothing changed (a wrong old key fails
 * on the first secret). Run with the app stopped, then start it with the new key.
 */
export async function rotateEncryptionKey({ from, to }: { from: Buffer; to: Buffer }) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const wallets = await tx.custodialWallet.findMany();
    for (const wallet of wallets) {
      const context = walletContext(wallet.userId, wallet.chainId, wallet.address);
      const secret = unseal(wallet.encryptedKey, context, from);
      await tx.custodialWallet.update({
        where: { id: wallet.id },
        data: { encryptedKey: seal(secret, context, to) },
      });
    }
    let settings = 0;
    for (const { key, context } of SEALED_SETTINGS) {
      const row = await tx.setting.findUnique({ where: { key } });
      if (!row) continue;
      await tx.setting.update({
        where: { key },
        data: { value: seal(unseal(row.value, context, from), context, to) },
      });
      settings += 1;
    }
    return { wallets: wallets.length, settings };
  });
}
