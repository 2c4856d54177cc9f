-- CreateTable
CREATE TABLE "EngineWorker" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EngineWorker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EngineWorker_seenAt_idx" ON "EngineWorker"("seenAt");
