import "server-only";
import { z } from "zod";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { endOfZonedDay, startOfZonedDay } from "@/lib/time-zone";
import { decodeCursor, type DonationCursor, encodeCursor } from "./donation-cursor";
import type { Prisma } from "@/lib/generated/prisma/client";

export const DONATION_PAGE_SIZE = 50;

export const DONATION_STATUSES = ["pending", "succeeded", "failed", "refunded", "disputed", "voided"] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Filters as they arrive in the URL; anything unparseable is ignored rather than failing the page. */
export const donationFilterSchema = z.object({
  campaign: z.preprocess(blankToUndefined, z.string().max(64).optional()).catch(undefined),
  status: z
    .preprocess(
      blankToUndefined,
      z.enum(DONATION_STATUSES).optional(),
    )
    .catch(undefined),
  method: z
    .preprocess(blankToUndefined, z.enum(["card", "bank_transfer", "cash"]).optional())
    .catch(undefined),
  from: z.preprocess(blankToUndefined, z.iso.date().optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, z.iso.date().optional()).catch(undefined),
});

export type DonationFilters = z.output<typeof donationFilterSchema>;

export function parseDonationFilters(params: Record<string, string | string[] | undefined>): DonationFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return donationFilterSchema.parse(flat);
}

/** Days are the site's (SITE_TIME_ZONE), as everywhere in the dashboard. */
function whereOf(filters: DonationFilters): Prisma.DonationWhereInput {
  const receivedAt: Prisma.DateTimeFilter = {};
  const from = filters.from ? startOfZonedDay(filters.from, env.siteTimeZone) : null;
  // "to" is inclusive: everything before the start of the next day.
  const to = filters.to ? endOfZonedDay(filters.to, env.siteTimeZone) : null;
  if (from) receivedAt.gte = from;
  if (to) receivedAt.lt = to;
  return {
    campaignId: filters.campaign,
    status: filters.status,
    method: filters.method,
    ...(from || to ? { receivedAt } : {}),
  };
}

const listSelect = {
  id: true,
  receivedAt: true,
  amount: true,
  refundedAmount: true,
  currency: true,
  status: true,
  method: true,
  frequency: true,
  anonymous: true,
  displayName: true,
  donorName: true,
  donorEmail: true,
  message: true,
  messageHidden: true,
  offlineReference: true,
  campaign: { select: { id: true, title: true } },
} as const satisfies Prisma.DonationSelect;

/**
 * One page, newest first, keyset-paginated on (receivedAt desc, id desc): the index on
 * (receivedAt, id) makes page 2 000 as cheap as page 1, which OFFSET would not.
 */
export async function listDonations(
  actor: Actor,
  filters: DonationFilters,
  after?: DonationCursor,
  take = DONATION_PAGE_SIZE,
) {
  const where: Prisma.DonationWhereInput = after
    ? {
        AND: [
          whereOf(filters),
          // The plain bound gives PostgreSQL an index range to start from; the OR settles ties.
          { receivedAt: { lte: after.receivedAt } },
          {
            OR: [
              { receivedAt: { lt: after.receivedAt } },
              { receivedAt: after.receivedAt, id: { lt: after.id } },
            ],
          },
        ],
      }
    : whereOf(filters);
  assertMayUse(actor, "donations");
  const rows = await db.donation.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: listSelect,
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return { rows: page, next: rows.length > take && last ? encodeCursor(last) : undefined };
}

/** Every row matching the filters, fetched a batch at a time for the CSV export. */
export async function* iterateDonations(actor: Actor, filters: DonationFilters, batch = 1_000) {
  let after: DonationCursor | undefined;
  for (;;) {
    const { rows, next } = await listDonations(actor, filters, after, batch);
    yield* rows;
    if (!next) return;
    after = decodeCursor(next);
  }
}
