// `npm run rotate:encryption-key`: re-seal the secrets at rest under a new key, with the app stopped.
//   TRANCHE_ENCRYPTION_KEY_OLD=<old key> TRANCHE_ENCRYPTION_KEY=<new key> npm run rotate:encryption-key
// Without TRANCHE_ENCRYPTION_KEY_OLD the old key is the generated file (TRANCHE_ENCRYPTION_KEY_FILE).
import fs from "node:fs";
import { closeDatabase, database } from "../lib/server/db";
import { encryptionKeyFile, parseEncryptionKey } from "../lib/server/signer/encryption-key";
import { rotateEncryptionKey } from "../lib/server/services/secrets/rotate-encryption-key";

async function main() {
  const next = process.env.TRANCHE_ENCRYPTION_KEY;
  if (!next) throw new Error("Set TRANCHE_ENCRYPTION_KEY to the new key (e.g. `openssl rand -hex 32`).");
  const old = process.env.TRANCHE_ENCRYPTION_KEY_OLD ?? fs.readFileSync(encryptionKeyFile(), "utf8");
  await database();
  const done = await rotateEncryptionKey({ from: parseEncryptionKey(old), to: parseEncryptionKey(next) });
  console.log(
    `[rotate] re-sealed ${done.wallets} custodial keys and ${done.settings} settings under the new key.`,
  );
  await closeDatabase();
}

main().catch((error) => {
  console.error(`[rotate] failed, nothing changed: ${(error as Error).message}`);
  process.exit(1);
});
