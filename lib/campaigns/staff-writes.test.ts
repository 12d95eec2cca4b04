import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SupportedCurrency } from "@/lib/money";
import { makeCampaign, makeDonation, makeUser } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { updateCampaign, STALE_CAMPAIGN } = await import("./edit-campaign");
const { moveMissionStage } = await import("./record-mission-update");
const { revalidateTag } = await import("next/cache");

let coordinator: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  coordinator = await makeUser(db, "coordinator");
});
afterAll(() => db.$disconnect());

const input = (slug: string) => ({
  title: "New title",
  slug,
  summary: "s",
  story: "",
  goal: "20000",
  goalAmount: 20_000n,
  currency: "JPY" as SupportedCurrency,
  deadline: undefined,
  peopleCount: 3,
});

describe("campaign edits", () => {
  it("saves against the current version, refuses the stale one, and audits only what happened", async () => {
    const c = await makeCampaign(db, { goalAmount: 10_000n });
    await updateCampaign(coordinator, { ...input(c.slug), id: c.id, version: c.version });
    await expect(
      updateCampaign(coordinator, { ...input(c.slug), title: "Late", id: c.id, version: c.version }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: STALE_CAMPAIGN });
    const saved = await db.campaign.findUniqueOrThrow({
      where: { id: c.id },
      select: { title: true, version: true, goalAmount: true },
    });
    expect(saved).toEqual({ title: "New title", version: c.version + 1, goalAmount: 20_000n });
    const audit = await db.auditLog.findMany({ where: { entityId: c.id }, select: { action: true, changes: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({ title: { after: "New title" }, goalAmount: { before: "10000", after: "20000" } });
    expect(revalidateTag).toHaveBeenCalledWith("campaigns", { expire: 0 });
  });

  it("cannot change the currency once the campaign has gifts", async () => {
    const c = await makeCampaign(db);
    await makeDonation(db, c, { status: "pending" });
    await expect(
      updateCampaign(coordinator, { ...input(c.slug), currency: "USD", id: c.id, version: c.version }),
    ).rejects.toMatchObject({ field: "currency" });
  });
});

describe("mission moves", () => {
  it("records a legal move with its audit entry, without the private note", async () => {
    const c = await makeCampaign(db);
    await moveMissionStage(coordinator, {
      campaignId: c.id,
      fromStage: "awaiting_funds",
      stage: "funded",
      publicNote: "Paid",
      privateNote: "secret place",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: c.id, action: "mission.update" },
      select: { changes: true, actorId: true },
    });
    expect(audit.actorId).toBe(coordinator.id);
    expect(audit.changes).toMatchObject({ stage: { before: "awaiting_funds", after: "funded" } });
    expect(JSON.stringify(audit.changes)).not.toContain("secret place");
  });

  it("refuses an illegal move at the stage field and leaves no trace", async () => {
    const c = await makeCampaign(db);
    await expect(
      moveMissionStage(coordinator, {
        campaignId: c.id,
        fromStage: "awaiting_funds",
        stage: "completed",
        publicNote: "",
        privateNote: "",
      }),
    ).rejects.toMatchObject({ field: "stage", code: "ILLEGAL_STAGE_MOVE" });
    expect(await db.missionUpdate.count({ where: { campaignId: c.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: c.id } })).toBe(0);
  });
});
