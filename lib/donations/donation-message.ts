import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Hides a donor's message from the campaign page (or shows it again); the gift itself is unchanged. */
export async function setDonationMessageHidden(actor: Actor, id: string, hidden: boolean) {
  const actorId = assertMayUse(actor, "donations");
  await db.$transaction(async (tx) => {
    const before = await tx.donation.findUnique({ where: { id }, select: { messageHidden: true } });
    if (!before) throw new AppError("NOT_FOUND", "This donation does not exist.");
    await tx.donation.update({ where: { id }, data: { messageHidden: hidden } });
    await writeAudit(tx, {
      actorId,
      action: hidden ? "donation.hide_message" : "donation.show_message",
      entityType: "Donation",
      entityId: id,
      changes: { messageHidden: { before: before.messageHidden, after: hidden } },
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}
