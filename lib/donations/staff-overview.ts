import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export type CurrencyTotals = { currency: string; allTime: bigint; thisMonth: bigint; offline: bigint };

/**
 * Net raised per currency (paid gifts minus refunds and what disputes took back, as the running
 * totals count them), all time and this calendar month (UTC), and how much of it came offline. Nothing here reads every donation: at 100 000
 * donations one scan of the table cost more than the rest of the page (see docs/performance.md).
 * - all time: the campaigns' denormalised totals (refreshCampaignTotals keeps Campaign.raisedAmount
 *   equal to exactly this sum), grouped by the campaign's currency, which is every gift's currency
 *   (checkout and offline gifts take it from the campaign; a campaign with gifts keeps its currency);
 * - this month: an index range on (status, receivedAt);
 * - offline: the few non-card gifts, through the index on method.
 */
export async function getRaisedTotals(actor: Actor, now = new Date()): Promise<CurrencyTotals[]> {
  assertMayUse(actor, "donations");
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return db.$queryRaw<CurrencyTotals[]>`
    WITH all_time AS (
      SELECT "currency", SUM("raisedAmount")::bigint AS total
        FROM "Campaign"
       GROUP BY "currency"
    ), this_month AS (
      SELECT "currency", SUM(GREATEST("amount" - "refundedAmount" - "withheldAmount", 0))::bigint AS total
        FROM "Donation"
       WHERE "status" IN ('succeeded', 'refunded', 'disputed') AND "receivedAt" >= ${monthStart}
       GROUP BY "currency"
    ), offline AS (
      SELECT "currency", SUM(GREATEST("amount" - "refundedAmount" - "withheldAmount", 0))::bigint AS total
        FROM "Donation"
       WHERE "method" IN ('bank_transfer', 'cash') AND "status" IN ('succeeded', 'refunded', 'disputed')
       GROUP BY "currency"
    )
    SELECT c."currency",
           COALESCE(a.total, 0)::bigint AS "allTime",
           COALESCE(m.total, 0)::bigint AS "thisMonth",
           COALESCE(o.total, 0)::bigint AS "offline"
      FROM (SELECT "currency" FROM all_time UNION SELECT "currency" FROM this_month UNION SELECT "currency" FROM offline) c
      LEFT JOIN all_time a ON a."currency" = c."currency"
      LEFT JOIN this_month m ON m."currency" = c."currency"
      LEFT JOIN offline o ON o."currency" = c."currency"
     -- Currencies of campaigns without gifts are left out (a row of zeros says nothing).
     WHERE a.total <> 0 OR m.total IS NOT NULL OR o.total IS NOT NULL
     ORDER BY c."currency"`;
}

export type DailyCount = { day: string; count: number };

/** Gifts per UTC day for the last `days` days, zero-filled so the chart has one bar per day. */
export async function getDailyDonationCounts(actor: Actor, days = 90, now = new Date()): Promise<DailyCount[]> {
  assertMayUse(actor, "donations");
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  // Grouped by a plain date and formatted per day, not per row: to_char on every row was most of
  // this query's time at 100 000 donations. The range comes from the (status, receivedAt) index.
  const rows = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day, n AS count
      FROM (SELECT ("receivedAt" AT TIME ZONE 'UTC')::date AS d, COUNT(*)::int AS n
              FROM "Donation"
             WHERE "status" IN ('succeeded', 'refunded') AND "receivedAt" >= ${start}
             GROUP BY 1) AS per_day`;
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { day, count: byDay.get(day) ?? 0 };
  });
}

export async function getClosestDeadlines(actor: Actor, take = 5) {
  assertMayUse(actor, "campaigns");
  return db.campaign.findMany({
    where: { status: "published", deadline: { gte: new Date() } },
    orderBy: { deadline: "asc" },
    take,
    select: { id: true, title: true, deadline: true, goalAmount: true, raisedAmount: true, currency: true },
  });
}

export async function getRecentDonations(actor: Actor, take = 8) {
  assertMayUse(actor, "donations");
  return db.donation.findMany({
    where: { status: { in: ["succeeded", "refunded"] } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      amount: true,
      currency: true,
      method: true,
      receivedAt: true,
      anonymous: true,
      displayName: true,
      campaign: { select: { title: true } },
    },
  });
}
