-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "chainId" UUID,
ADD COLUMN     "chainPriority" INTEGER,
ADD COLUMN     "parentOrderId" UUID;

-- CreateTable
CREATE TABLE "MultiOrder" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "exposureTolerance" DECIMAL(10,6) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "customOrderId" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MultiOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderChain" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "stopReason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderChain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MultiOrder_userId_createdAt_idx" ON "MultiOrder"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderChain_userId_createdAt_idx" ON "OrderChain"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_parentOrderId_idx" ON "Order"("parentOrderId");

-- CreateIndex
CREATE INDEX "Order_chainId_chainPriority_idx" ON "Order"("chainId", "chainPriority");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_parentOrderId_fkey" FOREIGN KEY ("parentOrderId") REFERENCES "MultiOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "OrderChain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MultiOrder" ADD CONSTRAINT "MultiOrder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderChain" ADD CONSTRAINT "OrderChain_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
