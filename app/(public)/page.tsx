import { connection } from "next/server";
import { listPublishedCampaigns } from "@/lib/data/campaigns/list-published";

export default async function HomePage() {
  await connection();
  const campaigns = await listPublishedCampaigns();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Missions that need you now</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {campaigns.map((campaign) => (
          <li key={campaign.slug} className="rounded-lg border border-line bg-white p-5">
            <h2 className="font-serif text-xl font-semibold">{campaign.title}</h2>
            <p className="mt-2 text-muted">{campaign.summary}</p>
          </li>
        ))}
      </ul>
      {campaigns.length === 0 && <p className="mt-6 text-muted">No open campaigns right now.</p>}
    </>
  );
}
