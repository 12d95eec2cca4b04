// customer.subscription.deleted: the monthly gift ended (cancelled by the donor or unpaid).
import "server-only";
import type { EventOf } from "./shapes";
import { type Changed, lockSubscriptionOrigin, type Tx } from "./shared";

export async function handleSubscriptionDeleted(tx: Tx, event: EventOf<"customer.subscription.deleted">): Promise<Changed> {
  const subscription = event.data.object;
  const originalId = subscription.metadata?.donationId;
  // After this lock, the statements below see every renewal committed before it (and a renewal
  // committed after it copies the end from the gift it renews).
  await lockSubscriptionOrigin(tx, originalId ?? null, subscription.id);
  const where = {
    subscriptionEndedAt: null,
    OR: [{ stripeSubscriptionId: subscription.id }, ...(originalId ? [{ id: originalId }] : [])],
  };
  const donations = await tx.donation.findMany({ where, select: { campaignId: true } });
  if (donations.length === 0) return [];
  await tx.donation.updateMany({
    where,
    data: { subscriptionEndedAt: new Date((subscription.ended_at ?? event.created) * 1000) },
  });
  return [...new Set(donations.map((d) => d.campaignId))];
}
