-- AlterTable
ALTER TABLE "Placement" ADD COLUMN     "workerId" TEXT;
