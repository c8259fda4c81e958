-- AlterTable
ALTER TABLE "AppSecret" ADD COLUMN "expiryNotifiedAt" DATETIME;

-- CreateIndex
CREATE INDEX "AppSecret_expiresAt_idx" ON "AppSecret"("expiresAt");

