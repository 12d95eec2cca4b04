-- Each Stripe dispute's own state, and the amount disputes take from a gift. A dispute closed
-- before its "created" event arrived left the gift uncounted for ever, and a lost dispute over
-- part of a charge wrote off the whole gift. Now "Dispute" holds each dispute's latest state and
-- "Donation"."withheldAmount" the amounts of its open and lost disputes; the running totals count
-- a gift as max(amount − refundedAmount − withheldAmount, 0), disputed gifts included.
-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "withheldAmount" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "donationId" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "eventCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dispute_donationId_idx" ON "Dispute"("donationId");

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Gifts disputed before this migration were left out whole while disputed: keep them out (the
-- trigger below counts them as amount − refunded − withheld = 0) until their dispute closes.
-- Runs under the previous trigger function, for which a disputed gift does not count: no change.
UPDATE "Donation" SET "withheldAmount" = "amount" - "refundedAmount" WHERE "status" = 'disputed';

CREATE OR REPLACE FUNCTION "campaign_running_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD."status" IN ('succeeded', 'refunded', 'disputed');
  new_counted boolean := TG_OP <> 'DELETE' AND NEW."status" IN ('succeeded', 'refunded', 'disputed');
  old_net bigint := 0;
  new_net bigint := 0;
  old_donor boolean := false;
  new_donor boolean := false;
  old_key text;
  new_key text;
  left_gifts integer;
BEGIN
  IF old_counted THEN
    old_net := GREATEST(OLD."amount" - OLD."refundedAmount" - OLD."withheldAmount", 0);
    old_donor := old_net > 0;
    old_key := md5(COALESCE(lower(OLD."donorEmail"), OLD."stripeSubscriptionId", OLD."id"));
  END IF;
  IF new_counted THEN
    new_net := GREATEST(NEW."amount" - NEW."refundedAmount" - NEW."withheldAmount", 0);
    new_donor := new_net > 0;
    new_key := md5(COALESCE(lower(NEW."donorEmail"), NEW."stripeSubscriptionId", NEW."id"));
  END IF;
  -- Nothing that counts changed (most updates: references, messages, pending rows).
  IF old_counted = new_counted AND old_net = new_net AND old_donor = new_donor
     AND old_key IS NOT DISTINCT FROM new_key
     AND (TG_OP <> 'UPDATE' OR OLD."campaignId" = NEW."campaignId") THEN
    RETURN NULL;
  END IF;

  IF old_counted THEN
    UPDATE "CampaignTotals" SET "raised" = "raised" - old_net WHERE "campaignId" = OLD."campaignId";
    IF old_donor THEN
      UPDATE "CampaignDonor" SET "gifts" = "gifts" - 1
       WHERE "campaignId" = OLD."campaignId" AND "donorKey" = old_key
       RETURNING "gifts" INTO left_gifts;
      IF left_gifts = 0 THEN
        DELETE FROM "CampaignDonor" WHERE "campaignId" = OLD."campaignId" AND "donorKey" = old_key;
        UPDATE "CampaignTotals" SET "donors" = "donors" - 1 WHERE "campaignId" = OLD."campaignId";
      END IF;
    END IF;
  END IF;

  IF new_counted THEN
    INSERT INTO "CampaignTotals" ("campaignId", "raised", "donors") VALUES (NEW."campaignId", new_net, 0)
      ON CONFLICT ("campaignId") DO UPDATE SET "raised" = "CampaignTotals"."raised" + new_net;
    IF new_donor THEN
      INSERT INTO "CampaignDonor" ("campaignId", "donorKey", "gifts") VALUES (NEW."campaignId", new_key, 1)
        ON CONFLICT ("campaignId", "donorKey") DO UPDATE SET "gifts" = "CampaignDonor"."gifts" + 1
        RETURNING "gifts" INTO left_gifts;
      IF left_gifts = 1 THEN
        UPDATE "CampaignTotals" SET "donors" = "donors" + 1 WHERE "campaignId" = NEW."campaignId";
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
