import { afterAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeUser } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { createBeneficiary, updateBeneficiary, deleteBeneficiary } = await import("./edit-beneficiary");

afterAll(() => db.$disconnect());

describe("people a mission protects", () => {
  it("are created, edited and deleted with audit entries that never hold private values", async () => {
    const coordinator = await makeUser(db, "coordinator");
    const campaign = await makeCampaign(db);
    const fields = {
      publicLabel: "two brothers",
      privateName: "Secret Name",
      privateLocation: "Secret Town",
      privateContact: "",
      privateNotes: "",
    };
    await createBeneficiary(coordinator, campaign.id, fields);
    const created = await db.beneficiary.findFirstOrThrow({ where: { campaignId: campaign.id }, select: { id: true } });
    await updateBeneficiary(coordinator, created.id, { ...fields, privateLocation: "Other Secret Town" });
    await deleteBeneficiary(coordinator, created.id);
    expect(await db.beneficiary.count({ where: { campaignId: campaign.id } })).toBe(0);
    const entries = await db.auditLog.findMany({
      where: { entityId: created.id },
      orderBy: { id: "asc" },
      select: { action: true, changes: true },
    });
    expect(entries.map((e) => e.action)).toEqual(["beneficiary.create", "beneficiary.update", "beneficiary.delete"]);
    expect(JSON.stringify(entries)).not.toMatch(/Secret/);
  });
});
