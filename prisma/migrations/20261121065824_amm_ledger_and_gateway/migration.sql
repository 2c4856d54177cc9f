-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "chainName" TEXT,
ADD COLUMN     "evmChainId" INTEGER,
ADD COLUMN     "gatewayQtyUnit" TEXT,
ADD COLUMN     "gatewayType" TEXT,
ADD COLUMN     "payloads" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "payloadsExpiresAt" TIMESTAMP(3),
ADD COLUMN     "txHashes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "CustodialWallet" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "encryptedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustodialWallet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerChain" (
    "chainId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "blockNumber" BIGINT NOT NULL DEFAULT 0,
    "router" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerChain_pkey" PRIMARY KEY ("chainId")
);

-- CreateTable
CREATE TABLE "LedgerToken" (
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL,

    CONSTRAINT "LedgerToken_pkey" PRIMARY KEY ("chainId","address")
);

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "nonce" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("chainId","address")
);

-- CreateTable
CREATE TABLE "LedgerBalance" (
    "chainId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerBalance_pkey" PRIMARY KEY ("chainId","token","owner")
);

-- CreateTable
CREATE TABLE "LedgerAllowance" (
    "chainId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "spender" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerAllowance_pkey" PRIMARY KEY ("chainId","token","owner","spender")
);

-- CreateTable
CREATE TABLE "LedgerPool" (
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "token0" TEXT NOT NULL,
    "token1" TEXT NOT NULL,
    "reserve0" DECIMAL(78,0) NOT NULL,
    "reserve1" DECIMAL(78,0) NOT NULL,
    "feeBps" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerPool_pkey" PRIMARY KEY ("chainId","address")
);

-- CreateTable
CREATE TABLE "LedgerTransaction" (
    "hash" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "revertReason" TEXT,
    "method" TEXT NOT NULL,
    "logs" JSONB NOT NULL DEFAULT '[]',
    "raw" TEXT NOT NULL,
    "orderId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerTransaction_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustodialWallet_userId_chainId_key" ON "CustodialWallet"("userId", "chainId");

-- CreateIndex
CREATE UNIQUE INDEX "CustodialWallet_chainId_address_key" ON "CustodialWallet"("chainId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerToken_chainId_symbol_key" ON "LedgerToken"("chainId", "symbol");

-- CreateIndex
CREATE INDEX "LedgerBalance_chainId_owner_idx" ON "LedgerBalance"("chainId", "owner");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerPool_chainId_token0_token1_key" ON "LedgerPool"("chainId", "token0", "token1");

-- CreateIndex
CREATE INDEX "LedgerTransaction_chainId_from_nonce_idx" ON "LedgerTransaction"("chainId", "from", "nonce");

-- CreateIndex
CREATE INDEX "LedgerTransaction_orderId_idx" ON "LedgerTransaction"("orderId");

-- CreateIndex
CREATE INDEX "Order_userId_createdAt_id_idx" ON "Order"("userId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "CustodialWallet" ADD CONSTRAINT "CustodialWallet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
