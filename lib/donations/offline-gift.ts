import "server-only";
import { randomBytes } from "node:crypto";
import { FieldError, NeedsConfirmation } from "@/lib/actions/field-error";
import { parseStaffAmount } from "@/lib/actions/form-fields";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { diffFields, writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney } from "@/lib/money";
import { toZonedDate } from "@/lib/time-zone";
import type { OfflineDonationInput } from "@/lib/validations/offline-gift";
import { refreshCampaignTotals } from "./totals";

/** Offline gifts are the ones staff record by hand: never card gifts, which only Stripe changes. */
const OFFLINE = { in: ["bank_transfer", "cash"] as ("bank_transfer" | "cash")[] };

export const STALE_GIFT = "Someone else changed this gift since you opened it. Reload to see their changes.";

async function campaignCurrency(tx: Prisma.TransactionClient, campaignId: string): Promise<string> {
  const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { currency: true } });
  if (!campaign) throw new FieldError("campaignId", "NOT_FOUND", "This campaign does not exist.");
  return campaign.currency;
}

function minorAmount(input: OfflineDonationInput, currency: string): bigint {
  const parsed = parseStaffAmount(input.amount, currency);
  if (!parsed.ok) throw new FieldError("amount", "INVALID_INPUT", parsed.message);
  return parsed.minor;
}

/**
 * A bank reference or receipt number already on another (not voided) offline gift usually means
 * the same money twice: the coordinator is asked before it is recorded again.
 */
async function confirmNewReference(
  tx: Prisma.TransactionClient,
  input: OfflineDonationInput,
  self: string | null,
  confirmLabel: string,
) {
  if (input.confirmed) return;
  const other = await tx.donation.findFirst({
    where: {
      offlineReference: { equals: input.reference, mode: "insensitive" },
      method: OFFLINE,
      status: { not: "voided" },
      ...(self ? { id: { not: self } } : {}),
    },
    orderBy: { receivedAt: "desc" },
    select: { amount: true, currency: true, receivedAt: true, campaign: { select: { title: true } } },
  });
  if (!other) return;
  throw new NeedsConfirmation(
    `The reference “${input.reference}” is already on a gift of ${formatMoney(other.amount, other.currency)} to ` +
      `“${other.campaign.title}” received on ${toZonedDate(other.receivedAt, env.siteTimeZone)}. ` +
      "Is this a different gift?",
    confirmLabel,
  );
}

function columns(input: OfflineDonationInput, amount: bigint, currency: string) {
  return {
    campaignId: input.campaignId,
    amount,
    currency,
    method: input.method,
    receivedAt: input.receivedOn,
    offlineReference: input.reference,
    displayName: input.displayName || null,
    message: input.message || null,
    anonymous: input.anonymous,
  };
}

/** Records a bank transfer or cash gift in the campaign's currency; it counts in totals at once. */
export async function recordOfflineDonation(actor: Actor, input: OfflineDonationInput): Promise<string> {
  const actorId = assertMayUse(actor, "donations");
  const id = await db.$transaction(async (tx) => {
    const currency = await campaignCurrency(tx, input.campaignId);
    const amount = minorAmount(input, currency);
    await confirmNewReference(tx, input, null, "Yes, record it as well");
    const donation = await tx.donation.create({
      data: {
        ...columns(input, amount, currency),
        status: "succeeded",
        receiptToken: randomBytes(24).toString("base64url"),
        recordedById: actorId,
      },
      select: { id: true },
    });
    await refreshCampaignTotals(tx, input.campaignId);
    await writeAudit(tx, {
      actorId,
      action: "donation.offline",
      entityType: "Donation",
      entityId: donation.id,
      changes: {
        campaignId: { after: input.campaignId },
        amount: { after: amount },
        currency: { after: currency },
        method: { after: input.method },
        reference: { after: input.reference },
      },
    });
    return donation.id;
  });
  invalidate(CACHE_TAGS.campaigns);
  return id;
}

/** The gift as the edit form shows it, with `updatedAt` as the version the form sends back. */
export async function getOfflineDonation(actor: Actor, id: string) {
  assertMayUse(actor, "donations");
  return db.donation.findFirst({
    where: { id, method: OFFLINE },
    select: {
      id: true,
      campaignId: true,
      amount: true,
      currency: true,
      method: true,
      status: true,
      receivedAt: true,
      offlineReference: true,
      displayName: true,
      message: true,
      anonymous: true,
      updatedAt: true,
      campaign: { select: { title: true } },
    },
  });
}

async function lockOfflineGift(tx: Prisma.TransactionClient, id: string, version: Date) {
  const gift = await tx.donation.findFirst({
    where: { id, method: OFFLINE },
    select: {
      campaignId: true,
      amount: true,
      currency: true,
      method: true,
      status: true,
      receivedAt: true,
      offlineReference: true,
      displayName: true,
      message: true,
      anonymous: true,
      updatedAt: true,
    },
  });
  if (!gift) throw new AppError("NOT_FOUND", "This offline gift does not exist.");
  if (gift.updatedAt.getTime() !== version.getTime()) throw new AppError("CONFLICT", STALE_GIFT);
  if (gift.status === "voided") throw new AppError("CONFLICT", "This gift was voided: it can no longer change.");
  const { updatedAt: _version, status: _status, ...fields } = gift;
  return fields;
}

/**
 * Corrects an offline gift (the wrong campaign, amount or date): both campaigns' totals follow in
 * the same transaction. Refused when the gift changed since the form was opened.
 */
export async function updateOfflineDonation(
  actor: Actor,
  input: OfflineDonationInput & { id: string; version: Date },
): Promise<void> {
  const actorId = assertMayUse(actor, "donations");
  await db.$transaction(async (tx) => {
    const before = await lockOfflineGift(tx, input.id, input.version);
    const currency = await campaignCurrency(tx, input.campaignId);
    const amount = minorAmount(input, currency);
    if (input.reference.toLowerCase() !== (before.offlineReference ?? "").toLowerCase()) {
      await confirmNewReference(tx, input, input.id, "Yes, save it anyway");
    }
    const after = columns(input, amount, currency);
    const result = await tx.donation.updateMany({
      where: { id: input.id, updatedAt: input.version },
      data: after,
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_GIFT);
    await refreshCampaignTotals(tx, before.campaignId);
    if (before.campaignId !== input.campaignId) await refreshCampaignTotals(tx, input.campaignId);
    await writeAudit(tx, {
      actorId,
      action: "donation.offline_update",
      entityType: "Donation",
      entityId: input.id,
      changes: diffFields(before, after),
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}

/** Voids an offline gift recorded by mistake: it stays listed for staff and stops counting. */
export async function voidOfflineDonation(
  actor: Actor,
  input: { id: string; version: Date; reason: string },
): Promise<void> {
  const actorId = assertMayUse(actor, "donations");
  await db.$transaction(async (tx) => {
    const before = await lockOfflineGift(tx, input.id, input.version);
    const result = await tx.donation.updateMany({
      where: { id: input.id, updatedAt: input.version },
      data: { status: "voided" },
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_GIFT);
    await refreshCampaignTotals(tx, before.campaignId);
    await writeAudit(tx, {
      actorId,
      action: "donation.void",
      entityType: "Donation",
      entityId: input.id,
      changes: { status: { before: "succeeded", after: "voided" }, reason: { after: input.reason } },
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}
