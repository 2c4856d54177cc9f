/** Compile solidity/*.sol with solc-js; the text of solidity/artifacts.ts and the compiler version. */
export function compileContracts(): { text: string; version: string };
