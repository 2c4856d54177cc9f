/**
 * Debian's Chromium, as the e2e specs and bench:ui launch it: never a downloaded browser, and no
 * background networking (this machine's network is closed; Chromium would keep trying).
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
