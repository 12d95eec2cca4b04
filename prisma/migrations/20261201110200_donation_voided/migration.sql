-- An offline gift recorded by mistake is voided: still listed for staff, never counted (the
-- running-totals trigger counts only 'succeeded' and 'refunded').

-- AlterEnum
ALTER TYPE "DonationStatus" ADD VALUE 'voided';
