import Link from "next/link";
import type { PublicCampaignCard } from "@/lib/campaigns/public-campaign-list";
import { deadlineText } from "@/lib/campaigns/deadline";
import { ProgressBar } from "./progress-bar";
import { StageBadge } from "./stage-badge";

export function CampaignCard({
  campaign,
  now,
  headingLevel = 3,
}: {
  campaign: PublicCampaignCard;
  now: Date;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const deadline = campaign.status === "closed" ? "Closed" : deadlineText(campaign.deadline, now);
  return (
    <article className="flex h-full flex-col rounded-lg border border-line bg-white p-5">
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <StageBadge stage={campaign.stage} />
        {deadline && <span>{deadline}</span>}
      </div>
      <Heading className="mt-2 font-serif text-xl font-semibold">
        <Link href={`/campaigns/${campaign.slug}`} className="hover:underline">
          {campaign.title}
        </Link>
      </Heading>
      <p className="mt-2 text-muted">{campaign.summary}</p>
      <div className="mt-auto">
        <ProgressBar
          id={`progress-${campaign.slug}`}
          raised={campaign.raisedAmount}
          goal={campaign.goalAmount}
          currency={campaign.currency}
        />
        <p className="mt-1 text-sm text-muted">
          {campaign.donorCount} {campaign.donorCount === 1 ? "donor" : "donors"}
        </p>
      </div>
    </article>
  );
}
