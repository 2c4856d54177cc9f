import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileContracts } from "./compile.mjs";

describe("solidity/artifacts.ts", () => {
  it("is what solc 0.8.28 makes of the sources today (run `npm run solidity:compile` after a change)", () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, "artifacts.ts"), "utf8");
    const { text, version } = compileContracts();
    expect(version).toMatch(/^0\.8\.28\+/);
    expect(committed === text).toBe(true);
  }, 60_000);
});
