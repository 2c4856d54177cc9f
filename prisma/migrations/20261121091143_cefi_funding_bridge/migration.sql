-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "fundingAmount" DECIMAL(38,18),
ADD COLUMN     "fundingChain" TEXT;
