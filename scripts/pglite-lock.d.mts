// Types for pglite-lock.mjs: one process per PGlite data directory.

/** `<dataDir>/../<basename>.lock`. */
export function pgliteLockPath(dataDir: string): string;

/**
 * Take the lock (creating the parent directory if missing) or throw an Error saying which live
 * process holds the directory. Stale locks (dead pid) are taken over. Returns the lock file path.
 */
export function acquirePgliteLock(dataDir: string): string;

/** Remove the lock if this process holds it; safe to call twice. */
export function releasePgliteLock(dataDir: string): void;
