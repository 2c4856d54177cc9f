import { describe, expect, it } from "vitest";
import {
  approveSummary,
  floorToPlaces,
  formatAtLeast,
  formatUnits,
  groupThousands,
  slippageRevertReason,
  swapSummary,
} from "./format";
import { DEFI_TOKENS } from "./tokens";

const { ETH, USDC, BTC } = DEFI_TOKENS;

describe("[DEFI] amounts as people read them", () => {
  it.each([
    ["0", "0"],
    ["999", "999"],
    ["1000", "1,000"],
    ["1234567.891", "1,234,567.891"],
    ["-1000.5", "-1,000.5"],
  ])("groups %s as %s", (plain, grouped) => {
    expect(groupThousands(plain)).toBe(grouped);
  });

  it.each([
    [1_000_000_000n, 6, "1,000"],
    [1_000_500_000n, 6, "1,000.5"],
    [1n, 18, "0.000000000000000001"],
  ])("formats %s units with %i decimals exactly as %s", (units, decimals, text) => {
    expect(formatUnits(units, decimals)).toBe(text);
  });

  it.each([
    // minimums round down to 4 significant digits (at least 2 decimals)
    [11_234_567_890_123_456n, 18, "0.01123"],
    [11_200_000_000_000_000n, 18, "0.0112"],
    [31_234_567_891n, 6, "31,234.56"],
    [1_000_000n, 6, "1"],
    [123n, 8, "0.00000123"],
    [0n, 6, "0"],
  ])("a minimum of %s units (%i decimals) reads ≥ %s", (units, decimals, text) => {
    expect(formatAtLeast(units, decimals)).toBe(text);
  });

  it("truncates toward zero, keeping the places asked for", () => {
    expect(floorToPlaces(11_099_999n, 9, 4)).toBe("0.0110");
    expect(floorToPlaces(1_999_999n, 6, 0)).toBe("1");
    expect(floorToPlaces(5n, 2, 6)).toBe("0.05");
  });

  it("writes the summaries a person signs", () => {
    expect(approveSummary(1_000n * 10n ** 6n, USDC)).toBe("Approve 1,000 USDC");
    expect(swapSummary(1_000n * 10n ** 6n, USDC, 11_234_567_890_123_456n, ETH)).toBe(
      "Swap 1,000 USDC for ≥ 0.01123 ETH",
    );
    expect(swapSummary(50_000_000n, BTC, 44_775_123_456n, USDC)).toBe("Swap 0.5 BTC for ≥ 44,775.12 USDC");
  });

  it.each([
    [11_000_000_000_000_000n, 11_200_000_000_000_000n, "output 0.01100 ETH below minimum 0.01120 ETH"],
    [11_199_000_000_000_000n, 11_200_000_000_000_000n, "output 0.01119 ETH below minimum 0.01120 ETH"],
    // the same at 5 places: more places until they differ
    [11_201_000_000_000_000n, 11_209_000_000_000_000n, "output 0.011201 ETH below minimum 0.011209 ETH"],
    [
      11_200_000_000_000_001n,
      11_200_000_000_000_002n,
      "output 0.011200000000000001 ETH below minimum 0.011200000000000002 ETH",
    ],
  ])("a slippage revert of %s against %s reads %s", (out, min, text) => {
    expect(slippageRevertReason(out, min, ETH)).toBe(`Swap reverted: ${text}`);
  });
});
