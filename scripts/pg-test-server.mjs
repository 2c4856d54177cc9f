// A throwaway PostgreSQL server for the test run: initdb into a temp dir, listen on 127.0.0.1 on a
// free port, trust auth for the local `postgres` role; stopped (and the dir removed) by stop().
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function pgBin(name) {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const file = path.join(base, version, "bin", name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`PostgreSQL's ${name} was not found under ${base}: run scripts/ensure-system-deps.sh`);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

export async function startPostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tranche-pg-"));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the `postgres` system user then.
  const wrap = (cmd, args) => (asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]);
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const [initCmd, initArgs] = wrap(pgBin("initdb"), [
    "-D",
    dir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  execFileSync(initCmd, initArgs, { stdio: "ignore" });
  const port = await freePort();
  const [cmd, args] = wrap(pgBin("postgres"), [
    "-D",
    dir,
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=200",
  ]);
  const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const started = Date.now();
  for (;;) {
    const ready = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (ready && /ready to accept connections/.test(log)) break;
    if (child.exitCode !== null || Date.now() - started > 30_000) {
      throw new Error(`PostgreSQL did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      // runuser does not forward signals: ask the server itself to stop (fast: disconnects clients).
      const [stopCmd, stopArgs] = wrap(pgBin("pg_ctl"), ["stop", "-D", dir, "-m", "fast", "-w", "-t", "30"]);
      try {
        execFileSync(stopCmd, stopArgs, { stdio: "ignore" });
      } catch {
        child.kill("SIGKILL");
      }
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
