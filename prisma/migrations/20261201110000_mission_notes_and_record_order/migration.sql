-- A note and a stage move are different acts: a note has no stage. Every update gets its place in
-- the order coordinators acted in (timestamps can tie), which the public timeline is derived from.

-- AlterTable
ALTER TABLE "MissionUpdate" ADD COLUMN     "sequence" BIGSERIAL NOT NULL,
ALTER COLUMN "stage" DROP NOT NULL;

-- Existing updates: record order is the order they were written in.
WITH ordered AS (
  SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "MissionUpdate"
)
UPDATE "MissionUpdate" m SET "sequence" = o.n FROM ordered o WHERE m."id" = o."id";
SELECT setval(
  pg_get_serial_sequence('"MissionUpdate"', 'sequence'),
  COALESCE((SELECT max("sequence") FROM "MissionUpdate"), 0) + 1,
  false
);

-- Existing updates: one without a starting stage started from the default stage; one that stayed
-- in its stage was a note.
UPDATE "MissionUpdate" SET "fromStage" = 'awaiting_funds' WHERE "fromStage" IS NULL;
UPDATE "MissionUpdate" SET "stage" = NULL WHERE "stage" = "fromStage";

-- CreateIndex
CREATE UNIQUE INDEX "MissionUpdate_sequence_key" ON "MissionUpdate"("sequence");
