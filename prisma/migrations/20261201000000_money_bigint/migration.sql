-- Amounts and totals as 64-bit integers: a campaign above about ¥2.1 billion (int4's limit) made
-- its webhooks fail. Column types first, then the running-totals trigger with 64-bit locals.
-- AlterTable
ALTER TABLE "Campaign" ALTER COLUMN "goalAmount" SET DATA TYPE BIGINT,
ALTER COLUMN "raisedAmount" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Donation" ALTER COLUMN "amount" SET DATA TYPE BIGINT,
ALTER COLUMN "refundedAmount" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "CampaignTotals" ALTER COLUMN "raised" SET DATA TYPE BIGINT;

CREATE OR REPLACE FUNCTION "campaign_running_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD."status" IN ('succeeded', 'refunded');
  new_counted boolean := TG_OP <> 'DELETE' AND NEW."status" IN ('succeeded', 'refunded');
  old_net bigint := 0;
  new_net bigint := 0;
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
