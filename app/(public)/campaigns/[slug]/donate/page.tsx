import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDonateCampaign } from "@/lib/donations/public-donation";
import { feeRuleFor, formatMoney, progressPercent, suggestedAmounts } from "@/lib/money";
import { stripeConfigured, demoCheckoutEnabled } from "@/lib/payments/stripe";
import { donate } from "./actions";
import { DonateForm } from "./donate-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const campaign = await getDonateCampaign((await params).slug).catch(() => null);
  return { title: campaign?.status === "published" ? `Give to ${campaign.title}` : "Give" };
}

export default async function DonatePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const campaign = await getDonateCampaign(slug);
  if (!campaign) notFound();

  if (campaign.status !== "published") {
    // Drafts stay private: no title, only why there is no form.
    return (
      <section className="mx-auto max-w-prose py-8">
        <h1 className="font-serif text-3xl font-semibold">
          {campaign.status === "closed" ? `${campaign.title} is closed` : "This campaign is not open yet"}
        </h1>
        <p className="mt-3 text-muted">
          {campaign.status === "closed"
            ? "This campaign has closed and no longer accepts gifts. Thank you to everyone who gave."
            : "This campaign is not accepting gifts."}
        </p>
      </section>
    );
  }

  const percent = progressPercent(campaign.raisedAmount, campaign.goalAmount);
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="font-serif text-3xl font-semibold">Give to {campaign.title}</h1>
      <p className="mt-2 text-muted">{campaign.summary}</p>
      <div className="mt-4 rounded-lg border border-line bg-white p-4" aria-label="Progress">
        <p>
          <strong data-testid="raised">{formatMoney(campaign.raisedAmount, campaign.currency)}</strong> raised of{" "}
          {formatMoney(campaign.goalAmount, campaign.currency)} goal ·{" "}
          <span data-testid="donors">
            {campaign.donorCount} {campaign.donorCount === 1 ? "donor" : "donors"}
          </span>
        </p>
        <div className="mt-2 h-2 rounded bg-line" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={`${percent}% of the goal`}>
          <div className="h-2 rounded bg-accent" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {demoCheckoutEnabled() && (
        <p className="mt-4 rounded border border-warn p-3 text-warn">
          Test mode: this site has no payment keys, so gifts go through a test checkout and no real money moves.
        </p>
      )}
      {stripeConfigured() || demoCheckoutEnabled() ? (
        <DonateForm
          action={donate.bind(null, campaign.slug)}
          currency={campaign.currency}
          suggested={[...suggestedAmounts(campaign.currency)]}
          feeRule={feeRuleFor(campaign.currency)}
        />
      ) : (
        <p className="mt-6">Online giving is not set up on this site yet. Please contact us to give.</p>
      )}
    </section>
  );
}
