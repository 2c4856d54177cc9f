-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('scheduled', 'initialized', 'pending', 'active', 'paused', 'finishing', 'cancel_pending', 'complete', 'canceled', 'failed');

-- CreateEnum
CREATE TYPE "OrderSide" AS ENUM ('buy', 'sell');

-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('open', 'filled', 'canceled', 'rejected');

-- CreateEnum
CREATE TYPE "FillRole" AS ENUM ('MAKE', 'TAKE');

-- CreateEnum
CREATE TYPE "MessageLevel" AS ENUM ('INFO', 'WARN', 'ERROR');

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "marketTypes" TEXT[] DEFAULT ARRAY['spot']::TEXT[],
    "isPaper" BOOLEAN NOT NULL DEFAULT true,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Balance" (
    "accountId" UUID NOT NULL,
    "asset" TEXT NOT NULL,
    "amount" DECIMAL(38,18) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Balance_pkey" PRIMARY KEY ("accountId","asset")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "accountIds" UUID[],
    "venue" TEXT NOT NULL,
    "pair" TEXT NOT NULL,
    "baseAsset" TEXT NOT NULL,
    "quoteAsset" TEXT NOT NULL,
    "marketType" TEXT NOT NULL DEFAULT 'spot',
    "side" "OrderSide" NOT NULL,
    "strategy" TEXT NOT NULL,
    "superStrategy" TEXT,
    "qtyField" TEXT NOT NULL,
    "qtyValue" DECIMAL(38,18) NOT NULL,
    "targetQty" DECIMAL(38,18) NOT NULL,
    "targetUnit" TEXT NOT NULL,
    "duration" INTEGER,
    "startAt" TIMESTAMP(3),
    "timeStart" TIMESTAMP(3),
    "timeEnd" TIMESTAMP(3),
    "origTimeEnd" TIMESTAMP(3),
    "limitPrice" DECIMAL(38,18),
    "isReverseLimitPrice" BOOLEAN NOT NULL DEFAULT false,
    "enginePassiveness" DECIMAL(10,6) NOT NULL,
    "scheduleDiscretion" DECIMAL(10,6) NOT NULL,
    "alphaTilt" DECIMAL(10,6) NOT NULL,
    "povTarget" DECIMAL(10,6),
    "povLimit" DECIMAL(10,6),
    "maxOtc" DECIMAL(10,6) NOT NULL DEFAULT 0,
    "strategyParams" JSONB NOT NULL DEFAULT '{}',
    "orderCondition" TEXT,
    "orderConditionVars" JSONB NOT NULL DEFAULT '{}',
    "orderConditionExpiry" TIMESTAMP(3),
    "customOrderId" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "OrderStatus" NOT NULL,
    "failureReason" TEXT NOT NULL DEFAULT '',
    "pausedAt" TIMESTAMP(3),
    "resumedAt" TIMESTAMP(3),
    "amendedAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "executedBase" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "executedQuote" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "totalFee" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "feeAsset" TEXT,
    "arrivalPrice" DECIMAL(38,18),
    "departurePrice" DECIMAL(38,18),
    "intervalVolume" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "intervalNotional" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "algoState" JSONB,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastTickAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "clientId" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "pair" TEXT NOT NULL,
    "side" "OrderSide" NOT NULL,
    "kind" TEXT NOT NULL,
    "tif" TEXT NOT NULL,
    "postOnly" BOOLEAN NOT NULL DEFAULT false,
    "placementType" "FillRole" NOT NULL,
    "price" DECIMAL(38,18),
    "size" DECIMAL(38,18) NOT NULL,
    "filled" DECIMAL(38,18) NOT NULL DEFAULT 0,
    "status" "PlacementStatus" NOT NULL,
    "subStatus" TEXT,
    "reason" TEXT,
    "externalId" TEXT,
    "queueAhead" DECIMAL(38,18),
    "matchedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fill" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "placementId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "venue" TEXT NOT NULL,
    "pair" TEXT NOT NULL,
    "side" "OrderSide" NOT NULL,
    "externalId" TEXT NOT NULL,
    "price" DECIMAL(38,18) NOT NULL,
    "size" DECIMAL(38,18) NOT NULL,
    "notional" DECIMAL(38,18) NOT NULL,
    "fee" DECIMAL(38,18) NOT NULL,
    "feeAsset" TEXT NOT NULL,
    "role" "FillRole" NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderMessage" (
    "id" BIGSERIAL NOT NULL,
    "orderId" UUID NOT NULL,
    "level" "MessageLevel" NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_userId_name_key" ON "Account"("userId", "name");

-- CreateIndex
CREATE INDEX "Order_userId_createdAt_idx" ON "Order"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_userId_status_idx" ON "Order"("userId", "status");

-- CreateIndex
CREATE INDEX "Order_status_leaseExpiresAt_idx" ON "Order"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "Order_userId_customOrderId_idx" ON "Order"("userId", "customOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_clientId_key" ON "Placement"("clientId");

-- CreateIndex
CREATE INDEX "Placement_orderId_createdAt_idx" ON "Placement"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Placement_status_idx" ON "Placement"("status");

-- CreateIndex
CREATE INDEX "Fill_orderId_time_idx" ON "Fill"("orderId", "time");

-- CreateIndex
CREATE INDEX "Fill_userId_time_idx" ON "Fill"("userId", "time");

-- CreateIndex
CREATE INDEX "Fill_venue_pair_time_idx" ON "Fill"("venue", "pair", "time");

-- CreateIndex
CREATE UNIQUE INDEX "Fill_venue_externalId_key" ON "Fill"("venue", "externalId");

-- CreateIndex
CREATE INDEX "OrderMessage_orderId_createdAt_idx" ON "OrderMessage"("orderId", "createdAt");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fill" ADD CONSTRAINT "Fill_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fill" ADD CONSTRAINT "Fill_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderMessage" ADD CONSTRAINT "OrderMessage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Balances never go negative: the engine checks before it places, and the database refuses the rest.
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_amount_nonnegative" CHECK ("amount" >= 0);
