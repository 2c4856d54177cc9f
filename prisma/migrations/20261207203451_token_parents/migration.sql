-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "parentId" UUID;

-- CreateIndex
CREATE INDEX "ApiToken_parentId_idx" ON "ApiToken"("parentId");
