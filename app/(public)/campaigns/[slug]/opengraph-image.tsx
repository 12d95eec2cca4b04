import { ImageResponse } from "next/og";
import { connection } from "next/server";
import { getPublicCampaign } from "@/lib/campaigns/public-campaign";
import { formatMoney, progressPercent } from "@/lib/money";

// The campaign's share image: title and live progress. Uses next/og's bundled font (no network).
export const alt = "Campaign progress on Safe Passage";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function CampaignImage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const campaign = await getPublicCampaign((await params).slug);
  const title = campaign?.title ?? "Safe Passage";
  const percent = campaign ? progressPercent(campaign.raisedAmount, campaign.goalAmount) : 0;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#fbfaf7",
        color: "#1c2430",
      }}
    >
      <div style={{ display: "flex", fontSize: 32, color: "#0a4347" }}>Safe Passage</div>
      <div style={{ display: "flex", fontSize: 64, lineHeight: 1.15, fontWeight: 700 }}>{title}</div>
      {campaign ? (
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ display: "flex", fontSize: 36 }}>
            {`${formatMoney(campaign.raisedAmount, campaign.currency)} raised of ${formatMoney(campaign.goalAmount, campaign.currency)} · ${percent}%`}
          </div>
          <div
            style={{
              display: "flex",
              marginTop: 24,
              height: 28,
              width: "100%",
              background: "#e3e0d8",
              borderRadius: 14,
            }}
          >
            <div
              style={{
                display: "flex",
                width: `${percent}%`,
                height: "100%",
                background: "#0f5e63",
                borderRadius: 14,
              }}
            />
          </div>
        </div>
      ) : (
        <div style={{ display: "flex" }} />
      )}
    </div>,
    size,
  );
}
