-- CreateEnum
CREATE TYPE "RfqOrderStatus" AS ENUM ('pending', 'locked', 'partially_filled', 'filled', 'cancelled', 'expired', 'rejected', 'suspended');

-- CreateTable
CREATE TABLE "ChainDeployment" (
    "chainId" INTEGER NOT NULL,
    "suite" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deployer" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" TIMESTAMP(3),

    CONSTRAINT "ChainDeployment_pkey" PRIMARY KEY ("chainId","suite")
);

-- CreateTable
CREATE TABLE "ChainContract" (
    "chainId" INTEGER NOT NULL,
    "suite" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChainContract_pkey" PRIMARY KEY ("chainId","name")
);

-- CreateTable
CREATE TABLE "ChainSender" (
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "nextNonce" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChainSender_pkey" PRIMARY KEY ("chainId","address")
);

-- CreateTable
CREATE TABLE "ChainTransaction" (
    "hash" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT,
    "nonce" BIGINT NOT NULL,
    "raw" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "blockNumber" BIGINT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChainTransaction_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "RfqOrder" (
    "id" UUID NOT NULL,
    "chainId" INTEGER NOT NULL,
    "orderHash" TEXT NOT NULL,
    "maker" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "isBuy" BOOLEAN NOT NULL,
    "ticker" TEXT NOT NULL,
    "exchange" INTEGER NOT NULL,
    "asset" TEXT NOT NULL,
    "price" DECIMAL(78,0) NOT NULL,
    "quantity" DECIMAL(78,0) NOT NULL,
    "incentive" DECIMAL(78,0) NOT NULL,
    "deadline" BIGINT NOT NULL,
    "nonce" DECIMAL(78,0) NOT NULL,
    "signature" TEXT NOT NULL,
    "status" "RfqOrderStatus" NOT NULL DEFAULT 'pending',
    "filledQuantity" DECIMAL(78,0) NOT NULL DEFAULT 0,
    "lockedByUserId" UUID,
    "lockedBy" TEXT,
    "lockedAt" TIMESTAMP(3),
    "lockExpiresAt" TIMESTAMP(3),
    "fillingTxHash" TEXT,
    "rejectReason" TEXT,
    "suspendedFrom" "RfqOrderStatus",
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RfqOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfqFill" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "takerUserId" UUID NOT NULL,
    "takerAddress" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "fillQuantity" DECIMAL(78,0) NOT NULL,
    "filledAmount" DECIMAL(78,0) NOT NULL,
    "feeAmount" DECIMAL(78,0) NOT NULL,
    "incentiveAmount" DECIMAL(78,0) NOT NULL,
    "status" TEXT NOT NULL,
    "blockNumber" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "minedAt" TIMESTAMP(3),

    CONSTRAINT "RfqFill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfqTakerWallet" (
    "userId" UUID NOT NULL,
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "whitelistedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfqTakerWallet_pkey" PRIMARY KEY ("userId","chainId")
);

-- CreateTable
CREATE TABLE "RfqMakerNonce" (
    "nonce" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfqMakerNonce_pkey" PRIMARY KEY ("nonce")
);

-- CreateTable
CREATE TABLE "RfqMakerSession" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "wallet" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfqMakerSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChainContract_chainId_address_key" ON "ChainContract"("chainId", "address");

-- CreateIndex
CREATE INDEX "ChainTransaction_status_idx" ON "ChainTransaction"("status");

-- CreateIndex
CREATE INDEX "ChainTransaction_chainId_from_nonce_idx" ON "ChainTransaction"("chainId", "from", "nonce");

-- CreateIndex
CREATE UNIQUE INDEX "RfqOrder_orderHash_key" ON "RfqOrder"("orderHash");

-- CreateIndex
CREATE INDEX "RfqOrder_status_createdAt_idx" ON "RfqOrder"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RfqOrder_maker_createdAt_idx" ON "RfqOrder"("maker", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RfqOrder_chainId_maker_nonce_key" ON "RfqOrder"("chainId", "maker", "nonce");

-- CreateIndex
CREATE UNIQUE INDEX "RfqFill_txHash_key" ON "RfqFill"("txHash");

-- CreateIndex
CREATE INDEX "RfqFill_takerUserId_createdAt_idx" ON "RfqFill"("takerUserId", "createdAt");

-- CreateIndex
CREATE INDEX "RfqFill_orderId_idx" ON "RfqFill"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "RfqMakerSession_tokenHash_key" ON "RfqMakerSession"("tokenHash");

-- CreateIndex
CREATE INDEX "RfqMakerSession_wallet_idx" ON "RfqMakerSession"("wallet");

-- AddForeignKey
ALTER TABLE "ChainContract" ADD CONSTRAINT "ChainContract_chainId_suite_fkey" FOREIGN KEY ("chainId", "suite") REFERENCES "ChainDeployment"("chainId", "suite") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqFill" ADD CONSTRAINT "RfqFill_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "RfqOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqFill" ADD CONSTRAINT "RfqFill_takerUserId_fkey" FOREIGN KEY ("takerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqFill" ADD CONSTRAINT "RfqFill_txHash_fkey" FOREIGN KEY ("txHash") REFERENCES "ChainTransaction"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqTakerWallet" ADD CONSTRAINT "RfqTakerWallet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
