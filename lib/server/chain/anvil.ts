import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The embedded chain: Anvil (Foundry's EVM node) from the npm package `@foundry-rs/anvil`, whose
 * binary ships inside the platform package (`@foundry-rs/anvil-linux-amd64` here): nothing is
 * downloaded at run time. It binds 127.0.0.1 on a port the OS picks, and with a state file loads it
 * at start and writes it every second and on exit.
 */
export interface AnvilNode {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const PLATFORM_ARCH: Record<string, string> = { x64: "amd64", arm64: "arm64" };
const START_TIMEOUT_MS = 20_000;

export function anvilBinary(): string {
  if (process.env.TRANCHE_ANVIL_BIN) return process.env.TRANCHE_ANVIL_BIN;
  const arch = PLATFORM_ARCH[process.arch];
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch ?? process.arch}`;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(
      `Anvil is not installed for ${process.platform}-${process.arch} (npm package ${pkg}, an optional dependency of @foundry-rs/anvil): run npm install, or set TRANCHE_CHAIN_RPC_URL to use another EVM node.`,
    );
  }
  return path.join(dir, "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * The state file is one node's: `anvil.pid` beside it holds "<node pid> <owner pid>". A node whose
 * owner is alive means another Tranche process runs this chain (refused: several processes share
 * one chain through TRANCHE_CHAIN_RPC_URL); a node whose owner died (killed without stopping it)
 * would keep writing the state, and is stopped first.
 */
function claimStateDir(pidFile: string): void {
  let node: number;
  let owner: number;
  try {
    [node, owner] = fs.readFileSync(pidFile, "utf8").trim().split(/\s+/).map(Number) as [number, number];
  } catch {
    return;
  }
  if (!Number.isSafeInteger(node) || node <= 1 || !alive(node)) return;
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${node}/cmdline`, "utf8");
  } catch {
    return;
  }
  if (!cmdline.includes("anvil") || !cmdline.includes(path.dirname(pidFile))) return;
  if (owner !== process.pid && Number.isSafeInteger(owner) && alive(owner))
    throw new Error(
      `The embedded chain's state in ${path.dirname(pidFile)} is in use by process ${owner}. One process runs the embedded chain: ` +
        "stop that one, or run one EVM node and point every process at it with TRANCHE_CHAIN_RPC_URL.",
    );
  process.kill(node, "SIGTERM");
  for (let i = 0; i < 100 && alive(node); i++)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

export async function startAnvil(options: {
  chainId: number;
  stateFile: string | null;
  /** 0 (the default): a port the OS picks. */
  port?: number;
}): Promise<AnvilNode> {
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(options.port ?? 0),
    "--chain-id",
    String(options.chainId),
  ];
  let pidFile: string | null = null;
  if (options.stateFile) {
    fs.mkdirSync(path.dirname(options.stateFile), { recursive: true });
    pidFile = path.join(path.dirname(options.stateFile), "anvil.pid");
    claimStateDir(pidFile);
    args.push("--state", options.stateFile, "--state-interval", "1");
  }
  const child: ChildProcess = spawn(anvilBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Anvil did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://${match[1]}`);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Anvil exited at start (${code ?? signal}):\n${output.slice(-2000)}`));
    });
  });
  // After the start, its chatter (one line per request) is not ours to keep.
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  if (pidFile && child.pid) fs.writeFileSync(pidFile, `${child.pid} ${process.pid}\n`);
  // Whatever way this process ends, the node goes with it (it writes its state on SIGTERM).
  const onExit = () => child.kill("SIGTERM");
  process.once("exit", onExit);
  let stopped: Promise<void> | null = null;
  return {
    url,
    pid: child.pid ?? 0,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        process.off("exit", onExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          if (pidFile) fs.rmSync(pidFile, { force: true });
          resolve();
        });
        child.kill("SIGTERM");
      });
      return stopped;
    },
  };
}
