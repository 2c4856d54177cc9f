// Prisma Migrate's `deploy`, reimplemented in plain JS so it runs where Prisma's native schema engine
// cannot be downloaded: at app startup and in scripts/prisma-migrate.mjs (the one implementation).
// On-disk and in-database formats are exactly Prisma's (`<dir>/migration.sql`, `_prisma_migrations`),
// so the real `prisma migrate deploy/status` agrees with it on any machine that has the binary.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** Prisma's advisory lock key for migrations on PostgreSQL (the same number the native engine uses). */
export const MIGRATE_ADVISORY_LOCK = 72707369;

const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** Prisma's checksum: sha256 (hex) of migration.sql; CRLF and LF checkouts of one file both match. */
export function checksumMatches(sql, checksum) {
  const lf = sql.replace(/\r\n/g, "\n");
  return [sql, lf, lf.replace(/\n/g, "\r\n")].some((variant) => sha256(variant) === checksum);
}

/** The migrations folder: `[{ name, sql, checksum }]` sorted by name, as Prisma orders them. */
export async function readMigrations(migrationsDir) {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch((error) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const sql = await fs.readFile(file, "utf8").catch((error) => {
        throw new Error(`Migration ${name} has no readable migration.sql (${file}): ${error.message}`);
      });
      return { name, sql, checksum: sha256(sql) };
    }),
  );
}

/** Rows of `_prisma_migrations` in order, or null when the table does not exist yet. */
export async function readAppliedMigrations(query) {
  const { rows } = await query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
  if (!rows[0].exists) return null;
  const result = await query(
    `SELECT "id", "checksum", "migration_name", "started_at", "finished_at", "rolled_back_at", "logs"
       FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
  );
  return result.rows;
}

/**
 * Compare the folder with the database: what is applied, pending, failed (started, never finished,
 * not rolled back: blocks deploy like Prisma's P3009), edited after being applied, or applied but
 * missing from the folder.
 */
export async function migrationStatus({ query, migrationsDir }) {
  const local = await readMigrations(migrationsDir);
  const rows = (await readAppliedMigrations(query)) ?? [];
  const live = rows.filter((r) => r.rolled_back_at === null);
  const done = live.filter((r) => r.finished_at !== null);
  const byName = new Map(local.map((m) => [m.name, m]));
  return {
    local,
    applied: done.map((r) => r.migration_name),
    failed: live.filter((r) => r.finished_at === null),
    pending: local.filter((m) => !live.some((r) => r.migration_name === m.name)).map((m) => m.name),
    edited: done
      .filter(
        (r) => byName.has(r.migration_name) && !checksumMatches(byName.get(r.migration_name).sql, r.checksum),
      )
      .map((r) => r.migration_name),
    missingLocally: done.filter((r) => !byName.has(r.migration_name)).map((r) => r.migration_name),
  };
}

function migrateError(code, message) {
  return Object.assign(new Error(message), { code });
}

const resolveHint = (name) =>
  "Fix the cause (and the database, if the script committed anything itself), then mark it rolled back with " +
  `\`node scripts/prisma-migrate.mjs resolve --rolled-back ${name}\` and deploy again; or reset a development database.`;

/**
 * Apply every pending migration of `migrationsDir`, in name order, like `prisma migrate deploy`.
 *
 * `query(sql, params?)` must run on ONE connection (a pg `Client`/`PoolClient`, or PGlite): the
 * advisory lock that keeps two deployers apart is held by the session. Each migration.sql is sent
 * whole through `exec(sql)` (default: `query(sql)` without params, i.e. pg's simple query protocol),
 * so PostgreSQL runs the multi-statement script as one implicit transaction: all of it or nothing.
 * With PGlite pass `exec: (sql) => db.exec(sql)` (its `query` is single-statement).
 *
 * Throws (`error.code`): P3005 non-empty database without `_prisma_migrations`; P3009 a failed
 * migration blocks the history; P3018 a migration failed now (it is recorded as failed first).
 */
export async function applyMigrations({ query, exec = (sql) => query(sql), migrationsDir, log = () => {} }) {
  const local = await readMigrations(migrationsDir);
  await query(`SELECT pg_advisory_lock(${MIGRATE_ADVISORY_LOCK})`);
  try {
    let rows = await readAppliedMigrations(query);
    if (rows === null) {
      const { rows: objects } = await query(
        `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f'))
              + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                  WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')) AS "n"`,
      );
      if (Number(objects[0].n) > 0 && local.length > 0) {
        throw migrateError(
          "P3005",
          "P3005: The database schema is not empty, and it has no _prisma_migrations table, so these migrations " +
            "would run on top of unknown tables. Use an empty database, or baseline it (https://pris.ly/d/migrate-baseline).",
        );
      }
      await query(TABLE);
      rows = [];
    }
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      const lines = failed.map(
        (r) =>
          `The \`${r.migration_name}\` migration started at ${new Date(r.started_at).toISOString()} failed.`,
      );
      throw migrateError(
        "P3009",
        `P3009: Found failed migrations in the target database; new migrations will not be applied.\n${lines.join("\n")}\n` +
          resolveHint(failed[0].migration_name),
      );
    }
    const live = rows.filter((r) => r.rolled_back_at === null);
    for (const r of live) {
      const m = local.find((l) => l.name === r.migration_name);
      if (!m)
        log(`Warning: ${r.migration_name} is applied to the database but missing from ${migrationsDir}.`);
      else if (!checksumMatches(m.sql, r.checksum))
        log(`Warning: ${r.migration_name} was modified after it was applied.`);
    }
    const pending = local.filter((m) => !live.some((r) => r.migration_name === m.name));
    for (const m of pending) {
      const id = randomUUID();
      await query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "started_at", "migration_name", "applied_steps_count")
         VALUES ($1, $2, now(), $3, 0)`,
        [id, m.checksum, m.name],
      );
      try {
        await exec(m.sql);
      } catch (error) {
        await query("ROLLBACK").catch(() => {}); // only matters if the script opened its own BEGIN
        if (/cannot insert multiple commands into a prepared statement/.test(error.message)) {
          await query(`DELETE FROM "_prisma_migrations" WHERE "id" = $1`, [id]); // a wiring bug, not a failed migration
          throw new Error(
            `applyMigrations: ${m.name} went through a prepared statement, which takes one statement: ` +
              "pass `exec` (PGlite: `(sql) => db.exec(sql)`), or a query that uses pg's simple protocol without params.",
          );
        }
        const logs =
          `Database error code: ${error.code ?? "unknown"}\n\nDatabase error:\n${error.message}` +
          (error.detail ? `\nDETAIL: ${error.detail}` : "") +
          (error.position ? `\nPosition: ${error.position}` : "");
        await query(`UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2`, [logs, id]);
        throw Object.assign(
          migrateError(
            "P3018",
            `P3018: Migration ${m.name} failed; its transaction was rolled back and it is recorded as failed.\n\n${logs}\n\n${resolveHint(m.name)}`,
          ),
          { migrationName: m.name, cause: error },
        );
      }
      await query(
        `UPDATE "_prisma_migrations" SET "applied_steps_count" = "applied_steps_count" + 1, "finished_at" = now() WHERE "id" = $1`,
        [id],
      );
      log(`Applied: ${m.name}`);
    }
    if (pending.length === 0) log("No pending migrations.");
    return { applied: pending.map((m) => m.name) };
  } finally {
    await query(`SELECT pg_advisory_unlock(${MIGRATE_ADVISORY_LOCK})`).catch(() => {});
  }
}
