// Starts the built app the way `npm start` does (scripts/start.mjs builds first when the sources
// changed), on a free port, with a temporary embedded database and a known admin; stops it and
// removes every temporary file afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export interface AppServer {
  baseUrl: string;
  admin: { email: string; password: string; token: string };
  /** Server output so far (the build's too), for a failure report. */
  log: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function apiToken(): string {
  let body = "";
  for (const byte of randomBytes(64)) if (byte < 248 && body.length < 40) body += BASE62[byte % 62];
  return `trn_${body}`;
}

export async function startApp(options: {
  root: string;
  paperBalances: Record<string, string>;
  /** How long the start (and a build, if one is needed) may take. */
  timeoutMs: number;
  onOutput?: (line: string) => void;
}): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tranche-bench-ui-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: "bench@ui.local", password: "bench-ui-password-123", token: apiToken() };
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(options.root, "scripts/start.mjs")], {
    cwd: options.root,
    // Its own process group, so stopping it stops `next start` (and a build) with it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: baseUrl,
      DATABASE_URL: `pglite:${path.join(dir, "db")}`,
      TRANCHE_ADMIN_EMAIL: admin.email,
      TRANCHE_ADMIN_PASSWORD: admin.password,
      TRANCHE_ADMIN_TOKEN: admin.token,
      // Kept in memory only: nothing is written under ./data.
      TRANCHE_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      TRANCHE_PAPER_BALANCES: JSON.stringify(options.paperBalances),
      TRANCHE_QUIET_MIGRATIONS: "1",
    },
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    for (const line of text.split("\n")) if (line.trim()) options.onOutput?.(line);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the app exited (${child.exitCode}) before it was up:\n${output.slice(-4000)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not up within ${options.timeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    try {
      const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, admin, log: () => output, stop };
}
