
-- CreateTable
CREATE TABLE "CampaignTotals" (
    "campaignId" TEXT NOT NULL,
    "raised" INTEGER NOT NULL DEFAULT 0,
    "donors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignTotals_pkey" PRIMARY KEY ("campaignId")
);

-- CreateTable
CREATE TABLE "CampaignDonor" (
    "campaignId" TEXT NOT NULL,
    "donorKey" TEXT NOT NULL,
    "gifts" INTEGER NOT NULL,

    CONSTRAINT "CampaignDonor_pkey" PRIMARY KEY ("campaignId","donorKey")
);

-- AddForeignKey
ALTER TABLE "CampaignTotals" ADD CONSTRAINT "CampaignTotals_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDonor" ADD CONSTRAINT "CampaignDonor_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Running totals, kept by a trigger in the transaction that changes a donation, whoever writes it
-- (the app, a seed, a SQL console). refreshCampaignTotals then copies two numbers into "Campaign"
-- instead of re-summing every gift of the campaign (linear in its gifts: ~200 ms per webhook at
-- 100 000 gifts, while holding the campaign's lock). Same rules as the recompute it replaces:
-- raised = Σ(amount − refundedAmount) over succeeded and refunded gifts; donors = distinct donor
-- keys among those with amount > refundedAmount; key = e-mail (any case), else subscription,
-- else the gift itself. Stored as md5 so donor e-mails are not copied into another table.
CREATE FUNCTION "campaign_running_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD."status" IN ('succeeded', 'refunded');
  new_counted boolean := TG_OP <> 'DELETE' AND NEW."status" IN ('succeeded', 'refunded');
  old_net integer := 0;
  new_net integer := 0;
  old_donor boolean := false;
  new_donor boolean := false;
  old_key text;
  new_key text;
  left_gifts integer;
BEGIN
  IF old_counted THEN
    old_net := OLD."amount" - OLD."refundedAmount";
    old_donor := OLD."amount" > OLD."refundedAmount";
    old_key := md5(COALESCE(lower(OLD."donorEmail"), OLD."stripeSubscriptionId", OLD."id"));
  END IF;
  IF new_counted THEN
    new_net := NEW."amount" - NEW."refundedAmount";
    new_donor := NEW."amount" > NEW."refundedAmount";
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

CREATE TRIGGER "Donation_campaign_running_totals"
  AFTER INSERT OR UPDATE OR DELETE ON "Donation"
  FOR EACH ROW EXECUTE FUNCTION "campaign_running_totals"();

-- Backfill from the gifts already recorded.
INSERT INTO "CampaignDonor" ("campaignId", "donorKey", "gifts")
SELECT "campaignId", md5(COALESCE(lower("donorEmail"), "stripeSubscriptionId", "id")), COUNT(*)::int
  FROM "Donation"
 WHERE "status" IN ('succeeded', 'refunded') AND "amount" > "refundedAmount"
 GROUP BY 1, 2;

INSERT INTO "CampaignTotals" ("campaignId", "raised", "donors")
SELECT c."id",
       COALESCE((SELECT SUM(d."amount" - d."refundedAmount") FROM "Donation" d
                  WHERE d."campaignId" = c."id" AND d."status" IN ('succeeded', 'refunded')), 0)::int,
       (SELECT COUNT(*) FROM "CampaignDonor" k WHERE k."campaignId" = c."id")::int
  FROM "Campaign" c;
