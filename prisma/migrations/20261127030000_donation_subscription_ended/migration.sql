
-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "subscriptionEndedAt" TIMESTAMP(3);
