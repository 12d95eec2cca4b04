import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Recomputes a campaign's raised amount (net of refunds) and donor count from its recorded
 * donations. Call it inside the transaction that changed a donation, so totals and donations
 * never disagree; pages then read two columns instead of summing donations per request.
 */
export async function refreshCampaignTotals(tx: Prisma.TransactionClient, campaignId: string): Promise<void> {
  // Lock first, as its own statement: the UPDATE below then takes a snapshot that already
  // includes every concurrent transaction that changed this campaign's donations and committed.
  // NO KEY UPDATE, not UPDATE: inserting a donation holds a KEY SHARE lock on the campaign (the
  // foreign key), and FOR UPDATE conflicts with it, so two concurrent webhooks for one campaign
  // deadlocked (found by `npm run bench -- --only=ingestion`). Refreshers still queue here.
  await tx.$queryRaw`SELECT 1 FROM "Campaign" WHERE "id" = ${campaignId} FOR NO KEY UPDATE`;
  await tx.$executeRaw`
    UPDATE "Campaign" AS c SET
      "raisedAmount" = t.raised,
      "donorCount" = t.donors
    FROM (
      SELECT COALESCE(SUM(d."amount" - d."refundedAmount"), 0)::int AS raised,
             -- A donor is an e-mail address, else a monthly gift's subscription, else one gift.
             COUNT(DISTINCT COALESCE(lower(d."donorEmail"), d."stripeSubscriptionId", d."id"))
               FILTER (WHERE d."amount" > d."refundedAmount")::int AS donors
        FROM "Donation" d
       WHERE d."campaignId" = ${campaignId} AND d."status" IN ('succeeded', 'refunded')
    ) AS t
    WHERE c."id" = ${campaignId}`;
}
