import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { MarkdownBody } from "@/app/_components/markdown-body";
import { ProgressBar } from "@/app/_components/progress-bar";
import { StageBadge } from "@/app/_components/stage-badge";
import { deadlineText } from "@/lib/campaigns/deadline";
import { getPublicCampaign } from "@/lib/campaigns/public-campaign";
import { formatDate } from "@/lib/format-date";
import { STAGE_LABELS } from "@/lib/campaigns/mission-stages";
import { formatMoney } from "@/lib/money";
import { pageMetadata } from "@/lib/seo";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const campaign = await getPublicCampaign((await params).slug);
  if (!campaign) return { title: "Page not found" };
  return pageMetadata({
    title: campaign.title,
    description: campaign.summary,
    path: `/campaigns/${campaign.slug}`,
    siteImage: false,
  });
}

export default async function CampaignPage({ params }: Props) {
  await connection();
  const campaign = await getPublicCampaign((await params).slug);
  if (!campaign) notFound();
  const now = new Date();
  const { timeline, stage, articles } = campaign;
  const open = campaign.status === "published";
  const deadline = deadlineText(campaign.deadline, now);

  return (
    <article>
      <header>
        <StageBadge stage={stage} />
        <h1 className="mt-2 font-serif text-3xl font-semibold">{campaign.title}</h1>
        <p className="mt-2 max-w-prose text-lg text-muted">{campaign.summary}</p>
      </header>

      <section aria-label="Progress" className="mt-6 max-w-xl rounded-lg border border-line bg-white p-5">
        {!open && <p className="mb-3 font-semibold text-warn">This campaign is closed.</p>}
        <ProgressBar
          id="campaign-progress"
          raised={campaign.raisedAmount}
          goal={campaign.goalAmount}
          currency={campaign.currency}
        />
        <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted">Goal</dt>
          <dd>{formatMoney(campaign.goalAmount, campaign.currency)}</dd>
          <dt className="text-muted">Raised</dt>
          <dd data-testid="raised">{formatMoney(campaign.raisedAmount, campaign.currency)}</dd>
          <dt className="text-muted">Donors</dt>
          <dd data-testid="donors">{campaign.donorCount}</dd>
          <dt className="text-muted">Time left</dt>
          <dd>{open ? (deadline ?? "No deadline") : "Ended"}</dd>
          <dt className="text-muted">People helped</dt>
          <dd>{campaign.peopleCount}</dd>
          <dt className="text-muted">Mission stage</dt>
          <dd data-testid="public-stage">{STAGE_LABELS[stage]}</dd>
        </dl>
        {open && (
          <Link
            href={`/campaigns/${campaign.slug}/donate`}
            className="mt-5 inline-block rounded bg-accent-strong px-5 py-2.5 font-semibold text-white hover:bg-accent"
          >
            Donate
          </Link>
        )}
      </section>

      {campaign.storyHtml && (
        <section aria-labelledby="story-heading" className="mt-10">
          <h2 id="story-heading" className="font-serif text-2xl font-semibold">
            The story
          </h2>
          <MarkdownBody html={campaign.storyHtml} className="mt-3" />
        </section>
      )}

      <section aria-labelledby="timeline-heading" className="mt-10">
        <h2 id="timeline-heading" className="font-serif text-2xl font-semibold">
          Mission timeline
        </h2>
        {timeline.length ? (
          <ol className="mt-3 space-y-4 border-l-2 border-line pl-5" data-testid="timeline">
            {timeline.map((u) => (
              <li key={u.id}>
                <p className="text-sm text-muted">
                  <time dateTime={u.publishAt}>{formatDate(u.publishAt)}</time> · {STAGE_LABELS[u.stage]}
                </p>
                {u.publicNote && <p className="mt-1 max-w-prose">{u.publicNote}</p>}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-3 text-muted">No updates yet. We post each step once it is safe to share.</p>
        )}
      </section>

      {articles.length > 0 && (
        <section aria-labelledby="articles-heading" className="mt-10">
          <h2 id="articles-heading" className="font-serif text-2xl font-semibold">
            Articles about this mission
          </h2>
          <ul className="mt-3 space-y-2">
            {articles.map((a) => (
              <li key={a.slug}>
                <Link href={`/news/${a.slug}`} className="text-accent-strong underline">
                  {a.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="messages-heading" className="mt-10">
        <h2 id="messages-heading" className="font-serif text-2xl font-semibold">
          Messages from donors
        </h2>
        {campaign.messages.length ? (
          <ul className="mt-3 space-y-3" data-testid="donor-messages">
            {campaign.messages.map((m) => (
              <li key={m.id} className="max-w-prose rounded-lg border border-line bg-white p-4">
                <blockquote>{m.message}</blockquote>
                <p className="mt-1 text-sm text-muted">— {m.name ?? "Anonymous"}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-muted">No messages yet.</p>
        )}
      </section>
    </article>
  );
}
