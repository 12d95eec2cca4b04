import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeDonation, makeUser } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { recordOfflineDonation } = await import("./offline-gift");
const { listDonations } = await import("./staff-donations");
const { decodeCursor } = await import("./donation-cursor");
const { setDonationMessageHidden } = await import("./donation-message");

let coordinator: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  coordinator = await makeUser(db, "coordinator");
});
afterAll(() => db.$disconnect());

describe("offline gifts", () => {
  it("count in the campaign total in the same transaction, in the campaign's currency", async () => {
    const c = await makeCampaign(db, { currency: "USD" });
    const base = {
      campaignId: c.id,
      method: "bank_transfer" as const,
      receivedOn: new Date(),
      reference: "R",
      displayName: "",
      message: "",
      anonymous: false,
    };
    await recordOfflineDonation(coordinator, { ...base, amount: "12.34" });
    await recordOfflineDonation(coordinator, { ...base, amount: "$1,000.66", reference: "R2" });
    const saved = await db.campaign.findUniqueOrThrow({ where: { id: c.id }, select: { raisedAmount: true } });
    expect(saved.raisedAmount).toBe(101_300n);
    const donations = await db.donation.findMany({ where: { campaignId: c.id }, select: { id: true, receiptToken: true, currency: true } });
    expect(new Set(donations.map((d) => d.receiptToken)).size).toBe(2);
    expect(donations.every((d) => d.currency === "USD")).toBe(true);
    const audited = await db.auditLog.count({
      where: { action: "donation.offline", actorId: coordinator.id, entityId: { in: donations.map((d) => d.id) } },
    });
    expect(audited).toBe(2);
  });
});

describe("donation list", () => {
  it("pages by (receivedAt desc, id desc) without gaps or repeats, ties included", async () => {
    const c = await makeCampaign(db);
    const same = new Date("2026-06-01T00:00:00Z");
    await db.donation.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        campaignId: c.id,
        amount: 100 + i,
        currency: "JPY",
        status: "succeeded" as const,
        receivedAt: i < 4 ? same : new Date(same.getTime() + i * 1000),
        receiptToken: `list-${c.id}-${i}`,
      })),
    });
    const seen: string[] = [];
    let after;
    for (;;) {
      const page = await listDonations(coordinator, { campaign: c.id }, after, 3);
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

describe("donor messages", () => {
  it("are hidden and shown again, each time audited", async () => {
    const campaign = await makeCampaign(db);
    const donation = await makeDonation(db, campaign, { message: "Hi" });
    await setDonationMessageHidden(coordinator, donation.id, true);
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).messageHidden).toBe(true);
    await setDonationMessageHidden(coordinator, donation.id, false);
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).messageHidden).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: donation.id } })).toBe(2);
  });
});
