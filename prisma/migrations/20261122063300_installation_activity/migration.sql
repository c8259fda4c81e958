-- AlterTable
ALTER TABLE "Installation" ADD COLUMN "lastBotTokenAt" DATETIME;
ALTER TABLE "Installation" ADD COLUMN "setupCompletedAt" DATETIME;

