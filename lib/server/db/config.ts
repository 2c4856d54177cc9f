import path from "node:path";

export type DatabaseTarget =
  { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | "memory://"; url: string };

/**
 * `DATABASE_URL` selects the database: `postgresql://…` for a server, `pglite:<dir>` (or
 * `pglite:memory://`) for the embedded default. Unset means `pglite:./data/pglite`.
 */
export function databaseTarget(url = process.env.DATABASE_URL || "pglite:./data/pglite"): DatabaseTarget {
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return { kind: "postgres", url };
  if (url.startsWith("pglite:")) {
    const rest = url.slice("pglite:".length);
    if (rest === "memory://" || rest === "") return { kind: "pglite", dataDir: "memory://", url };
    return { kind: "pglite", dataDir: path.resolve(rest), url };
  }
  throw new Error(
    `DATABASE_URL must start with postgresql:// or pglite: (got "${url.slice(0, 24)}…"); see README, Configuration.`,
  );
}
