import "server-only";
import { encodeFunctionData, maxUint256, parseEther, type Address } from "viem";
import { RFQSettlement, TrancheUSD } from "@/solidity/artifacts";
import { db } from "../../db";
import { takerGasEther } from "../../chain/config";
import { sendTransaction } from "../../chain/transactions";
import { custodialSigner } from "../../signer";
import type { Desk } from "./desk";

const state = globalThis as unknown as { __trancheTakerSetup?: Map<string, Promise<Address>> };

/**
 * The taker's desk wallet: the user's custodial address on the chain, made ready to fill once —
 * gas from the operator (TRANCHE_CHAIN_TAKER_GAS ether), the TAKER_ROLE on RFQSettlement, and the
 * stablecoin approved to it (a sell's taker pays the principal). Each step is skipped when the
 * chain already shows it done, so a setup that died half-way just continues.
 */
export function ensureTakerWallet(desk: Desk, userId: string): Promise<Address> {
  const running = (state.__trancheTakerSetup ??= new Map());
  const key = `${desk.open.chainId}:${userId}`;
  let setup = running.get(key);
  if (!setup) {
    setup = setUp(desk, userId).finally(() => running.delete(key));
    running.set(key, setup);
  }
  return setup;
}

async function setUp(desk: Desk, userId: string): Promise<Address> {
  const prisma = await db();
  const chainId = desk.open.chainId;
  const row = await prisma.rfqTakerWallet.findUnique({ where: { userId_chainId: { userId, chainId } } });
  if (row?.whitelistedAt) return row.address as Address;
  const address = (await custodialSigner().addressFor(prisma, userId, chainId)) as Address;
  await prisma.rfqTakerWallet.createMany({ data: [{ userId, chainId, address }], skipDuplicates: true });
  const { client, operator } = desk.open;
  const { settlement, stablecoin } = desk.contracts;
  const operatorSigner = { kind: "operator" as const, account: operator };

  const gas = parseEther(takerGasEther());
  if ((await client.getBalance({ address })) < gas / 2n)
    await sendTransaction(
      prisma,
      desk.open,
      operatorSigner,
      { to: address, data: "0x", value: gas },
      "rfq.taker-gas",
    );
  const role = await client.readContract({
    address: settlement,
    abi: RFQSettlement.abi,
    functionName: "TAKER_ROLE",
  });
  const whitelisted = await client.readContract({
    address: settlement,
    abi: RFQSettlement.abi,
    functionName: "hasRole",
    args: [role, address],
  });
  if (!whitelisted)
    await sendTransaction(
      prisma,
      desk.open,
      operatorSigner,
      {
        to: settlement,
        data: encodeFunctionData({
          abi: RFQSettlement.abi,
          functionName: "grantRole",
          args: [role, address],
        }),
      },
      "rfq.whitelist",
    );
  const allowance = await client.readContract({
    address: stablecoin,
    abi: TrancheUSD.abi,
    functionName: "allowance",
    args: [address, settlement],
  });
  if (allowance < maxUint256 / 2n)
    await sendTransaction(
      prisma,
      desk.open,
      { kind: "custodial", userId, address },
      {
        to: stablecoin,
        data: encodeFunctionData({
          abi: TrancheUSD.abi,
          functionName: "approve",
          args: [settlement, maxUint256],
        }),
      },
      "rfq.taker-approve",
    );
  await prisma.rfqTakerWallet.update({
    where: { userId_chainId: { userId, chainId } },
    data: { whitelistedAt: new Date() },
  });
  return address;
}
