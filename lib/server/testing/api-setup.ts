import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { closeDatabase } from "../db";
import { closeChain } from "../chain";
import { forgetRfqContracts } from "../chain/suites/rfq";

// Each API test file gets its own empty database: PGlite in memory, or a fresh database on the
// PostgreSQL server named by TEST_DATABASE_URL, dropped when the file ends.
const adminUrl = process.env.TEST_DATABASE_URL;
let created: string | null = null;

process.env.TRANCHE_QUIET_MIGRATIONS = "1";
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
// Custodial keys are sealed under this; a test run never writes ./data/encryption.key.
process.env.TRANCHE_ENCRYPTION_KEY ??= randomBytes(32).toString("hex");
process.env.TRANCHE_ADMIN_EMAIL = "admin@test.local";
process.env.TRANCHE_ADMIN_PASSWORD = "admin-password-for-tests";
process.env.TRANCHE_ADMIN_TOKEN = "trn_testAdminToken0000000000000000000000000";
// The chain, like the database: a throwaway Anvil on 127.0.0.1, started by the first test that
// needs it, with no state file; stopped when the file ends.
process.env.TRANCHE_CHAIN_STATE = "memory";
delete process.env.TRANCHE_CHAIN_RPC_URL;

if (adminUrl) {
  created = `tranche_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${created}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${created}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = "pglite:memory://";
}

afterAll(async () => {
  forgetRfqContracts();
  await closeChain();
  await closeDatabase();
  if (adminUrl && created) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${created} WITH (FORCE)`);
    await client.end();
  }
});
