import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startOfZonedDay, toZonedDate } from "@/lib/time-zone";

export type CurrencyTotals = { currency: string; allTime: bigint; thisMonth: bigint; offline: bigint };

/**
 * Net raised per currency (paid gifts minus refunds and what disputes took back, as the running
 * totals count them), all time and this calendar month (in the site's time zone), and how much of
 * it came offline. Nothing here reads every donation: at 100 000
 * donations one scan of the table cost more than the rest of the page (see docs/performance.md).
 * - all time: the campaigns' denormalised totals (refreshCampaignTotals keeps Campaign.raisedAmount
 *   equal to exactly this sum), grouped by the campaign's currency, which is every gift's currency
 *   (checkout and offline gifts take it from the campaign; a campaign with gifts keeps its currency);
 * - this month: an index range on (status, receivedAt);
 * - offline: the few non-card gifts, through the index on method.
 */
export async function getRaisedTotals(actor: Actor, now = new Date(), zone = env.siteTimeZone): Promise<CurrencyTotals[]> {
  assertMayUse(actor, "donations");
  // The month as the NGO lives it: its first day in the site's time zone.
  const monthStart = startOfZonedDay(`${toZonedDate(now, zone).slice(0, 7)}-01`, zone) ?? now;
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

/** Gifts per day (in the site's time zone) for the last `days` days, zero-filled: one bar per day. */
export async function getDailyDonationCounts(
  actor: Actor,
  days = 90,
  now = new Date(),
  zone = env.siteTimeZone,
): Promise<DailyCount[]> {
  assertMayUse(actor, "donations");
  const today = toZonedDate(now, zone);
  const dayList = Array.from({ length: days }, (_, i) => {
    const noon = Date.parse(`${today}T12:00:00Z`) - (days - 1 - i) * 86_400_000;
    return new Date(noon).toISOString().slice(0, 10);
  });
  const start = startOfZonedDay(dayList[0] ?? today, zone) ?? now;
  // Grouped by a plain date and formatted per day, not per row: to_char on every row was most of
  // this query's time at 100 000 donations. The range comes from the (status, receivedAt) index.
  const rows = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day, n AS count
      FROM (SELECT (("receivedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date AS d, COUNT(*)::int AS n
              FROM "Donation"
             WHERE "status" IN ('succeeded', 'refunded') AND "receivedAt" >= ${start}
             GROUP BY 1) AS per_day`;
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  return dayList.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
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
