import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./e2e/chromium";

// The app under test: `npm start` (the README's start command) on its own port and a fresh PGlite
// directory, with a known admin. Debian's Chromium; never a downloaded browser.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `tranche-e2e-${PORT}`);
/** The embedded chain of the app under test, on a known port so specs can act as maker wallets. */
export const E2E_CHAIN_PORT = PORT + 1000;

export const E2E_ADMIN = {
  email: "admin@e2e.local",
  password: "e2e-admin-password-123",
  token: "trn_e2eAdminToken000000000000000000000000000",
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    // Every run starts from an empty embedded database.
    command: `rm -rf "${dataDir}" "${dataDir}.lock" "${dataDir}-chain" && node scripts/start.mjs`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      DATABASE_URL: `pglite:${dataDir}`,
      NEXTAUTH_URL: baseURL,
      TRANCHE_ADMIN_EMAIL: E2E_ADMIN.email,
      TRANCHE_ADMIN_PASSWORD: E2E_ADMIN.password,
      TRANCHE_ADMIN_TOKEN: E2E_ADMIN.token,
      TRANCHE_CHAIN_STATE: `${dataDir}-chain/state.json`,
      TRANCHE_CHAIN_PORT: String(E2E_CHAIN_PORT),
    },
  },
});
