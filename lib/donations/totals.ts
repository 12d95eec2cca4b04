import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sets a campaign's raised amount (net of refunds) and donor count from its recorded donations.
 * Call it inside the transaction that changed a donation, so totals and donations never disagree;
 * pages then read two columns instead of summing donations per request.
 *
 * The sums themselves are kept by a trigger on "Donation" in "CampaignTotals" (migration
 * 20261127050001_campaign_running_totals), updated row by row in the same transaction: this
 * copies two numbers, however many gifts the campaign has (re-summing every gift under the
 * campaign's lock cost ~200 ms per webhook at 100 000 gifts: docs/performance.md).
 */
export async function refreshCampaignTotals(tx: Prisma.TransactionClient, campaignId: string): Promise<void> {
  // Lock first, as its own statement: the UPDATE below then takes a snapshot that already
  // includes every concurrent transaction that changed this campaign's donations and committed.
  // NO KEY UPDATE, not UPDATE: inserting a donation holds a KEY SHARE lock on the campaign (the
  // foreign key), and FOR UPDATE conflicts with it, so two concurrent webhooks for one campaign
  // would deadlock. Refreshers still queue here.
  await tx.$queryRaw`SELECT 1 FROM "Campaign" WHERE "id" = ${campaignId} FOR NO KEY UPDATE`;
  await tx.$executeRaw`
    UPDATE "Campaign" AS c SET
      "raisedAmount" = COALESCE(t."raised", 0),
      "donorCount" = COALESCE(t."donors", 0)
    FROM (SELECT ${campaignId}::text AS "id") AS wanted
    LEFT JOIN "CampaignTotals" AS t ON t."campaignId" = wanted."id"
    WHERE c."id" = wanted."id"`;
}
