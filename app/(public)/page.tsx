import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CampaignCard } from "@/app/_components/campaign-card";
import { PostList } from "@/app/_components/post-list";
import { isUrgent } from "@/lib/campaigns/deadline";
import { listPublicCampaigns } from "@/lib/campaigns/public-campaign-list";
import { listPublicPosts } from "@/lib/posts/public-post-list";
import { progressPercent } from "@/lib/money";
import { pageMetadata } from "@/lib/seo";

export const metadata: Metadata = pageMetadata({
  title: "Safe Passage",
  description: "Fund rescue missions for people in hiding, and follow each mission until they are safe.",
  path: "/",
});

export default async function HomePage() {
  await connection();
  const now = new Date();
  const [campaigns, posts] = await Promise.all([listPublicCampaigns(), listPublicPosts()]);
  const open = campaigns.filter((c) => c.status === "published");
  // Urgent first, the one furthest from its goal first; percent compares across currencies.
  const urgent = open
    .filter((c) => isUrgent(c, now))
    .sort(
      (a, b) => progressPercent(a.raisedAmount, a.goalAmount) - progressPercent(b.raisedAmount, b.goalAmount),
    );
  const others = [
    ...open.filter((c) => !isUrgent(c, now)),
    ...campaigns.filter((c) => c.status === "closed"),
  ];
  const latest = posts.slice(0, 5);

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Missions that need you now</h1>
      <p className="mt-2 max-w-prose text-muted">
        Every gift goes to a named mission. We publish each step once it is safe to do so.
      </p>

      <section aria-labelledby="urgent-heading" className="mt-8">
        <h2 id="urgent-heading" className="font-serif text-2xl font-semibold">
          Urgent appeals
        </h2>
        {urgent.length ? (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {urgent.map((c) => (
              <li key={c.id}>
                <CampaignCard campaign={c} now={now} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-muted">No urgent appeals right now.</p>
        )}
      </section>

      {others.length > 0 && (
        <section aria-labelledby="other-heading" className="mt-10">
          <h2 id="other-heading" className="font-serif text-2xl font-semibold">
            Other campaigns
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {others.map((c) => (
              <li key={c.id}>
                <CampaignCard campaign={c} now={now} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="news-heading" className="mt-10">
        <h2 id="news-heading" className="font-serif text-2xl font-semibold">
          Latest news
        </h2>
        {latest.length ? (
          <PostList posts={latest} headingLevel={3} />
        ) : (
          <p className="mt-3 text-muted">No news yet.</p>
        )}
        <p className="mt-4">
          <Link href="/news" className="text-accent-strong underline">
            All news
          </Link>
        </p>
      </section>
    </>
  );
}
