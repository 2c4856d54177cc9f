import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { databaseTarget } from "../db/config";

/**
 * The 32-byte key that encrypts secrets at rest (custodial signing keys): `TRANCHE_ENCRYPTION_KEY`
 * (64 hex characters, or base64 / base64url of 32 bytes). Unset, it is read from
 * `./data/encryption.key`, generated there (mode 0600) on first use with a warning: back that file
 * up with the database, and set the variable when several instances share one PostgreSQL. With a
 * throwaway in-memory database (`pglite:memory://`) the key is throwaway too.
 */
export const ENCRYPTION_KEY_FILE = path.join("data", "encryption.key");

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
  const file = path.resolve(ENCRYPTION_KEY_FILE);
  try {
    return parseEncryptionKey(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: when two processes start at once, one writes and the other reads what it wrote.
    fs.writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    console.warn(
      [
        "",
        `  [security] TRANCHE_ENCRYPTION_KEY is not set: generated a key in ${file} (mode 0600).`,
        "  It encrypts the custodial signing keys at rest. Back it up with the database; without it",
        "  those keys cannot be decrypted. Set TRANCHE_ENCRYPTION_KEY when several instances share a database.",
        "",
      ].join("\n"),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseEncryptionKey(fs.readFileSync(file, "utf8"));
}
