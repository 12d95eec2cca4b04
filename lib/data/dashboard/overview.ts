import "server-only";
import { db } from "@/lib/db";

export type CurrencyTotals = { currency: string; allTime: number; thisMonth: number; offline: number };

/** Net raised per currency (succeeded and refunded gifts, minus refunds), all time and this calendar month (UTC). */
export async function getRaisedTotals(now = new Date()): Promise<CurrencyTotals[]> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return db.$queryRaw<CurrencyTotals[]>`
    SELECT "currency",
           COALESCE(SUM("amount" - "refundedAmount"), 0)::int AS "allTime",
           COALESCE(SUM("amount" - "refundedAmount") FILTER (WHERE "receivedAt" >= ${monthStart}), 0)::int AS "thisMonth",
           COALESCE(SUM("amount" - "refundedAmount") FILTER (WHERE "method" <> 'card'), 0)::int AS "offline"
      FROM "Donation"
     WHERE "status" IN ('succeeded', 'refunded')
     GROUP BY "currency"
     ORDER BY "currency"`;
}

export type DailyCount = { day: string; count: number };

/** Gifts per UTC day for the last `days` days, zero-filled so the chart has one bar per day. */
export async function getDailyDonationCounts(days = 90, now = new Date()): Promise<DailyCount[]> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const rows = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(date_trunc('day', "receivedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, COUNT(*)::int AS count
      FROM "Donation"
     WHERE "status" IN ('succeeded', 'refunded') AND "receivedAt" >= ${start}
     GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { day, count: byDay.get(day) ?? 0 };
  });
}

export async function getClosestDeadlines(take = 5) {
  return db.campaign.findMany({
    where: { status: "published", deadline: { gte: new Date() } },
    orderBy: { deadline: "asc" },
    take,
    select: { id: true, title: true, deadline: true, goalAmount: true, raisedAmount: true, currency: true },
  });
}

export async function getRecentDonations(take = 8) {
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
