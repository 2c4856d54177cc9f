// Types for migrations-core.mjs (plain ESM, shared by scripts/prisma-migrate.mjs and the app).

/** Runs one SQL statement (with params) or, without params, a whole script. Must stay on ONE connection. */
export type MigrationQuery = (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface LocalMigration {
  /** Directory name, e.g. `20261121055702_init`. */
  name: string;
  /** Contents of `<name>/migration.sql`. */
  sql: string;
  /** sha256 (hex) of `sql`, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface ApplyMigrationsOptions {
  /** A pg `Client`/`PoolClient` query (not `Pool#query`: the advisory lock is per session), or PGlite `query`. */
  query: MigrationQuery;
  /** Runs a multi-statement migration.sql as one script; default `query(sql)` (pg simple protocol). PGlite: `db.exec`. */
  exec?: (sql: string) => Promise<unknown>;
  /** Absolute path of `prisma/migrations`. */
  migrationsDir: string;
  /** Progress lines: `Applied: <name>`, `No pending migrations.`, warnings. Default: silent. */
  log?: (line: string) => void;
}

/** Error thrown by applyMigrations; `code` is Prisma's: P3005, P3009 or P3018. */
export interface MigrateError extends Error {
  code: "P3005" | "P3009" | "P3018";
  /** P3018: the migration that failed. */
  migrationName?: string;
}

/** Prisma's advisory lock key (72707369), held around a deploy. */
export const MIGRATE_ADVISORY_LOCK: number;

/** Apply pending migrations like `prisma migrate deploy`; resolves with the names applied now. */
export function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }>;

/** Folder vs database: applied, pending, failed, edited after applying, applied but missing locally. */
export function migrationStatus(options: { query: MigrationQuery; migrationsDir: string }): Promise<{
  local: LocalMigration[];
  applied: string[];
  failed: MigrationRow[];
  pending: string[];
  edited: string[];
  missingLocally: string[];
}>;

export function readMigrations(migrationsDir: string): Promise<LocalMigration[]>;
export function readAppliedMigrations(query: MigrationQuery): Promise<MigrationRow[] | null>;
export function checksumMatches(sql: string, checksum: string): boolean;
