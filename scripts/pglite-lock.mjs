// One process per PGlite data directory. PGlite has no cross-process locking: two processes that
// open the same directory both "succeed" and one of them silently loses its writes on close
// (measured, see the embedded-db reference). The app and scripts/prisma-migrate.mjs therefore both
// take `<dataDir>/../<basename>.lock`, a file created exclusively and holding the owner's pid.
import fs from "node:fs";
import path from "node:path";

/** The lock file guarding a PGlite data directory: a sibling `<basename>.lock`. */
export function pgliteLockPath(dataDir) {
  const dir = path.resolve(dataDir);
  return path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM"; // exists, owned by another user
  }
}

function readPid(file) {
  try {
    return Number.parseInt(fs.readFileSync(file, "utf8"), 10);
  } catch (error) {
    if (error.code === "ENOENT") return undefined; // released meanwhile: just retry
    throw error;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Take the lock for `dataDir` (creating its parent directory if missing), or throw if another live
 * process holds it. A lock left by a dead process (or by this very pid, e.g. PID 1 in a restarted
 * container) is stale and taken over. Returns the lock file path.
 */
export function acquirePgliteLock(dataDir) {
  const file = pgliteLockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return file;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const pid = readPid(file);
    if (pid === undefined) continue;
    if (Number.isNaN(pid)) {
      // Empty: the owner created it a moment ago and is writing its pid. Give it time, then treat as stale.
      if (attempt < 10) {
        sleep(50);
        continue;
      }
    } else if (pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The PGlite data directory ${path.resolve(dataDir)} is in use by process ${pid} (lock file ${file}). ` +
          "PGlite allows only one process per data directory: stop that process first, " +
          "or set DATABASE_URL to a PostgreSQL server (postgresql://…) to share a database between processes.",
      );
    }
    // Stale. Move it aside atomically (only one contender can), then make sure we moved the stale one.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw error;
    }
    const moved = readPid(aside);
    if (moved !== pid && !(Number.isNaN(moved) && Number.isNaN(pid))) {
      // A contender took the stale lock over between our read and our rename: put its lock back.
      try {
        fs.linkSync(aside, file);
      } catch {
        /* someone else holds it now; the next attempt will tell */
      }
    }
    fs.rmSync(aside, { force: true });
  }
  throw new Error(`Could not acquire the PGlite lock ${file}: it keeps changing hands.`);
}

/** Release the lock for `dataDir` if this process holds it. Safe to call twice. */
export function releasePgliteLock(dataDir) {
  const file = pgliteLockPath(dataDir);
  if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
}
