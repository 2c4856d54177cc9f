-- AlterTable
ALTER TABLE "Fill" ADD COLUMN     "workerId" TEXT;
