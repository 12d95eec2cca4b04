-- Optimistic concurrency for the people a mission protects: an edit made against an older
-- version is refused instead of silently undoing someone else's.

-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
