import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/** The people a mission protects, private fields included: only roles that may see them. */
export async function listBeneficiaries(actor: Actor, campaignId: string) {
  assertMayUse(actor, "beneficiaries");
  return db.beneficiary.findMany({
    where: { campaignId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      publicLabel: true,
      privateName: true,
      privateLocation: true,
      privateContact: true,
      privateNotes: true,
      version: true,
    },
  });
}
