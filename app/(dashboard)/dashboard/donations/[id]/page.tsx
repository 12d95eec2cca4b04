import Link from "next/link";
import { notFound } from "next/navigation";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listCampaignChoices } from "@/lib/campaigns/staff-campaigns";
import { getOfflineDonation } from "@/lib/donations/offline-gift";
import { formatMoney } from "@/lib/money";
import { ActionForm, Hidden, TextField } from "../../_components/form";
import { siteDay, siteTimeZone } from "../../_components/site-time";
import { voidOfflineDonationAction } from "../actions";
import { OfflineDonationForm } from "../offline-form";

export default async function OfflineGiftPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...ROLES.donations);
  const { id } = await params;
  const [gift, campaigns] = await Promise.all([getOfflineDonation(user, id), listCampaignChoices(user)]);
  if (!gift) notFound();
  const summary = `${formatMoney(gift.amount, gift.currency)} to ${gift.campaign.title}, received ${siteDay(gift.receivedAt)} (${siteTimeZone()})`;
  return (
    <>
      <p>
        <Link href="/dashboard/donations" className="text-accent underline">
          Donations
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">Offline gift</h1>
      <p className="text-muted" data-testid="gift-summary">
        {summary}
      </p>
      {gift.status === "voided" ? (
        <p className="mt-4 rounded border border-line bg-white p-3" data-testid="gift-voided">
          This gift was voided: it is kept for the record and counts in no total. The audit log says who
          voided it and why.
        </p>
      ) : (
        <>
          <section className="mt-6 max-w-2xl" aria-labelledby="edit-gift">
            <h2 id="edit-gift" className="text-lg font-semibold">
              Correct the gift
            </h2>
            <OfflineDonationForm campaigns={campaigns} gift={{ ...gift, method: gift.method === "cash" ? "cash" : "bank_transfer" }} />
          </section>
          <section className="mt-10 max-w-2xl" aria-labelledby="void-gift">
            <h2 id="void-gift" className="text-lg font-semibold">
              Void the gift
            </h2>
            <p className="text-sm text-muted">
              For a gift recorded by mistake. It stays listed for staff and stops counting.
            </p>
            <ActionForm action={voidOfflineDonationAction} submitLabel="Void gift">
              <Hidden name="id" value={gift.id} />
              <Hidden name="version" value={gift.updatedAt.toISOString()} />
              <TextField name="reason" label="Reason" hint="Kept in the audit log." />
            </ActionForm>
          </section>
        </>
      )}
    </>
  );
}
