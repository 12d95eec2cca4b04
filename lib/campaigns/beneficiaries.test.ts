import { afterAll, describe, expect, it, vi } from "vitest";
import { makeBeneficiary, makeCampaign, makeUser } from "@/test/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { db } = await import("@/lib/db");
const { createBeneficiary, updateBeneficiary, deleteBeneficiary, STALE_BENEFICIARY } = await import("./edit-beneficiary");

afterAll(() => db.$disconnect());

const auditOf = (id: string) =>
  db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true, changes: true } });

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
    await updateBeneficiary(coordinator, { ...fields, privateLocation: "Other Secret Town", id: created.id, version: 1 });
    await deleteBeneficiary(coordinator, created.id);
    expect(await db.beneficiary.count({ where: { campaignId: campaign.id } })).toBe(0);
    const entries = await auditOf(created.id);
    expect(entries.map((e) => e.action)).toEqual(["beneficiary.create", "beneficiary.update", "beneficiary.delete"]);
    expect(JSON.stringify(entries)).not.toMatch(/Secret/);
  });

  it("refuse a stale edit instead of undoing another one, and log only the fields that changed (bug 6)", async () => {
    const coordinator = await makeUser(db, "coordinator");
    const person = await makeBeneficiary(db, await makeCampaign(db));
    const opened = await db.beneficiary.findUniqueOrThrow({ where: { id: person.id } });
    const { id, version, publicLabel, privateName, privateLocation, privateContact, privateNotes } = opened;
    const form = { id, version, publicLabel, privateName, privateLocation, privateContact, privateNotes };
    // Tab A changes the name; tab B, opened at the same time, the location.
    await updateBeneficiary(coordinator, { ...form, privateName: "NEW-NAME-A" });
    await expect(updateBeneficiary(coordinator, { ...form, privateLocation: "NEW-PLACE-B" })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: STALE_BENEFICIARY,
    });
    const saved = await db.beneficiary.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ privateName: "NEW-NAME-A", privateLocation, version: version + 1 });
    // Reloaded, B's change goes through on top of A's.
    await updateBeneficiary(coordinator, { ...form, privateName: "NEW-NAME-A", privateLocation: "NEW-PLACE-B", version: saved.version });
    const entries = await auditOf(id);
    expect(entries.map((e) => e.changes)).toEqual([{ privateName: { changed: true } }, { privateLocation: { changed: true } }]);
    expect(JSON.stringify(entries)).not.toMatch(/NEW-|private-(name|location)/);
  });
});
