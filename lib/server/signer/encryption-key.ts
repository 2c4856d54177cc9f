import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { databaseTarget } from "../db/config";

/**
 * The 32-byte key that encrypts secrets at rest (custodial signing keys, the generated session
 * secret): `TRANCHE_ENCRYPTION_KEY` (64 hex characters, or base64 / base64url of 32 bytes). Unset, it
 * is read from `TRANCHE_ENCRYPTION_KEY_FILE` (default `./secrets/encryption.key` — beside `./data`,
 * never inside it, so a copy of the data is not a copy of its key), generated there (mode 0600) on
 * first use with a warning. A key left in `./data/encryption.key` by an earlier version is moved
 * there. With a throwaway in-memory database (`pglite:memory://`) the key is throwaway too. An
 * exposed deployment must set the variable (lib/server/deployment.ts).
 */
export const ENCRYPTION_KEY_FILE = path.join("secrets", "encryption.key");
const LEGACY_KEY_FILE = path.join("data", "encryption.key");

export const encryptionKeyFile = (env: NodeJS.ProcessEnv = process.env): string =>
  path.resolve(env.TRANCHE_ENCRYPTION_KEY_FILE?.trim() || ENCRYPTION_KEY_FILE);

const state = globalThis as unknown as { __trancheEncryptionKey?: Buffer };

export function encryptionKey(): Buffer {
  return (state.__trancheEncryptionKey ??= loadKey());
}

/** Parse the variable's value: 64 hex characters, or base64(url) of exactly 32 bytes. */
export function parseEncryptionKey(text: string): Buffer {
  const value = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64")
      : null;
  if (!bytes || bytes.length !== 32) {
    throw new Error(
      "TRANCHE_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -hex 32`).",
    );
  }
  return bytes;
}

function loadKey(): Buffer {
  const fromEnv = process.env.TRANCHE_ENCRYPTION_KEY;
  if (fromEnv) return parseEncryptionKey(fromEnv);
  const target = databaseTarget();
  if (target.kind === "pglite" && target.dataDir === "memory://") return randomBytes(32);
  const file = encryptionKeyFile();
  const legacy = path.resolve(LEGACY_KEY_FILE);
  if (!fs.existsSync(file) && fs.existsSync(legacy)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.renameSync(legacy, file);
    console.warn(`  [security] moved the encryption key out of the data directory: ${legacy} → ${file}`);
  }
  try {
    return parseEncryptionKey(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: when two processes start at once, one writes and the other reads what it wrote.
    fs.writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    console.warn(
      [
        "",
        `  [security] TRANCHE_ENCRYPTION_KEY is not set: generated a key in ${file} (mode 0600).`,
        "  It encrypts the custodial signing keys and the session secret at rest. Back it up apart from",
        "  the database; without it they cannot be decrypted. Set TRANCHE_ENCRYPTION_KEY when several",
        "  instances share a database, and always on a server others can reach.",
        "",
      ].join("\n"),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseEncryptionKey(fs.readFileSync(file, "utf8"));
}
