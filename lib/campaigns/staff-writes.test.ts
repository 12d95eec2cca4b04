import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SupportedCurrency } from "@/lib/money";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { updateCampaign, STALE_CAMPAIGN } = await import("./edit-campaign");
const { moveMissionStage } = await import("./move-mission-stage");
const { recordOfflineDonation } = await import("../donations/offline-gift");
const { listDonations, decodeCursor } = await import("../donations/staff-donations");
const { revalidateTag } = await import("next/cache");

let actorId = "";
const suffix = () => randomBytes(4).toString("hex");

async function newCampaign(currency = "JPY") {
  const s = suffix();
  return db.campaign.create({
    data: { slug: `w-${s}`, title: `W ${s}`, summary: "x", goalAmount: 10_000, currency },
    select: { id: true, slug: true, version: true },
  });
}

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: `writer-${suffix()}@test.local`, name: "W. R.", role: "coordinator" },
  });
  actorId = user.id;
});
afterAll(() => db.$disconnect());

const input = (slug: string) => ({
  title: "New title",
  slug,
  summary: "s",
  story: "",
  goal: "20000",
  goalAmount: 20_000,
  currency: "JPY" as SupportedCurrency,
  deadline: undefined,
  peopleCount: 3,
});

describe("campaign edits", () => {
  it("saves against the current version, refuses the stale one, and audits only what happened", async () => {
    const c = await newCampaign();
    await updateCampaign({ ...input(c.slug), id: c.id, version: c.version }, actorId);
    await expect(
      updateCampaign({ ...input(c.slug), title: "Late", id: c.id, version: c.version }, actorId),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: STALE_CAMPAIGN,
    });
    const saved = await db.campaign.findUniqueOrThrow({
      where: { id: c.id },
      select: { title: true, version: true, goalAmount: true },
    });
    expect(saved).toEqual({ title: "New title", version: c.version + 1, goalAmount: 20_000 });
    const audit = await db.auditLog.findMany({
      where: { entityId: c.id },
      select: { action: true, changes: true },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({
      title: { after: "New title" },
      goalAmount: { before: 10_000, after: 20_000 },
    });
    expect(revalidateTag).toHaveBeenCalledWith("campaigns", { expire: 0 });
  });
});

describe("campaign currency", () => {
  it("cannot change once the campaign has gifts", async () => {
    const c = await newCampaign();
    await db.donation.create({
      data: {
        campaignId: c.id,
        amount: 1,
        currency: "JPY",
        receiptToken: randomBytes(24).toString("base64url"),
      },
    });
    await expect(
      updateCampaign({ ...input(c.slug), currency: "USD", id: c.id, version: c.version }, actorId),
    ).rejects.toMatchObject({ field: "currency" });
  });
});

describe("mission moves", () => {
  it("records a legal move with its audit entry, without the private note", async () => {
    const c = await newCampaign();
    await moveMissionStage({
      campaignId: c.id,
      stage: "funded",
      publicNote: "Paid",
      privateNote: "secret place",
      authorId: actorId,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: c.id, action: "mission.update" },
      select: { changes: true },
    });
    expect(audit.changes).toMatchObject({ stage: { before: "awaiting_funds", after: "funded" } });
    expect(JSON.stringify(audit.changes)).not.toContain("secret place");
  });

  it("refuses an illegal move at the stage field and leaves no trace", async () => {
    const c = await newCampaign();
    await expect(
      moveMissionStage({
        campaignId: c.id,
        stage: "completed",
        publicNote: "",
        privateNote: "",
        authorId: actorId,
      }),
    ).rejects.toMatchObject({ field: "stage", code: "ILLEGAL_STAGE_MOVE" });
    expect(await db.missionUpdate.count({ where: { campaignId: c.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: c.id } })).toBe(0);
  });
});

describe("offline gifts", () => {
  it("count in the campaign total in the same transaction, in the campaign's currency", async () => {
    const c = await newCampaign("USD");
    const base = {
      campaignId: c.id,
      method: "bank_transfer" as const,
      receivedOn: new Date(),
      reference: "R",
      displayName: "",
      message: "",
      anonymous: false,
    };
    await recordOfflineDonation({ ...base, amount: "12.34" }, actorId);
    await recordOfflineDonation({ ...base, amount: "0.66" }, actorId);
    const saved = await db.campaign.findUniqueOrThrow({
      where: { id: c.id },
      select: { raisedAmount: true },
    });
    expect(saved.raisedAmount).toBe(1300);
    const donations = await db.donation.findMany({
      where: { campaignId: c.id },
      select: { receiptToken: true, currency: true },
    });
    expect(new Set(donations.map((d) => d.receiptToken)).size).toBe(2);
    expect(donations.every((d) => d.currency === "USD")).toBe(true);
    expect(
      await db.auditLog.count({ where: { action: "donation.offline", actorId } }),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe("audit log", () => {
  it("is append-only in the database", async () => {
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId }, select: { id: true } });
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});

describe("donation list", () => {
  it("pages by (receivedAt desc, id desc) without gaps or repeats, ties included", async () => {
    const c = await newCampaign();
    const same = new Date("2026-06-01T00:00:00Z");
    await db.donation.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        campaignId: c.id,
        amount: 100 + i,
        currency: "JPY",
        status: "succeeded" as const,
        receivedAt: i < 4 ? same : new Date(same.getTime() + i * 1000),
        receiptToken: randomBytes(24).toString("base64url"),
      })),
    });
    const seen: string[] = [];
    let after;
    for (;;) {
      const page = await listDonations({ campaign: c.id }, after, 3);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      after = decodeCursor(page.next);
    }
    const all = await db.donation.findMany({
      where: { campaignId: c.id },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(all.map((d) => d.id));
  });
});
