import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CampaignCard } from "@/app/_components/campaign-card";
import { listPublicCampaigns } from "@/lib/campaigns/public-campaign-list";
import type { MissionStage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS, STAGES } from "@/lib/campaigns/mission-stages";
import { pageMetadata } from "@/lib/seo";

type Props = { searchParams: Promise<{ stage?: string | string[] }> };

function stageParam(value: string | string[] | undefined): MissionStage | null {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value)
    ? (value as MissionStage)
    : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const stage = stageParam((await searchParams).stage);
  return pageMetadata({
    title: stage ? `Campaigns: ${STAGE_LABELS[stage]}` : "Campaigns",
    description:
      "Every rescue and resettlement campaign, open and closed, with the stage each mission has reached.",
    path: stage ? `/campaigns?stage=${stage}` : "/campaigns",
  });
}

export default async function CampaignsPage({ searchParams }: Props) {
  await connection();
  const now = new Date();
  const stage = stageParam((await searchParams).stage);
  const campaigns = await listPublicCampaigns();
  // The filter uses the PUBLIC stage: a held-back move must not be revealed by filtering either.
  const shown = stage ? campaigns.filter((c) => c.stage === stage) : campaigns;

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">
        Campaigns{stage && <span className="text-muted">: {STAGE_LABELS[stage]}</span>}
      </h1>
      <nav aria-label="Filter by mission stage" className="mt-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {[null, ...STAGES].map((s) => (
            <li key={s ?? "all"}>
              <Link
                href={s ? `/campaigns?stage=${s}` : "/campaigns"}
                aria-current={s === stage ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${
                  s === stage
                    ? "border-accent-strong bg-accent-strong text-white"
                    : "border-line bg-white hover:underline"
                }`}
              >
                {s ? STAGE_LABELS[s] : "All"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {shown.length ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {shown.map((c) => (
            <li key={c.id}>
              <CampaignCard campaign={c} now={now} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 text-muted">No campaigns at this stage.</p>
      )}
    </>
  );
}
