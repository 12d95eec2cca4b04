import { ImageResponse } from "next/og";

// The site-wide share image (campaign pages have their own, with live progress).
export const alt = "Safe Passage: fund rescue missions for people in hiding";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function SiteImage() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        padding: 72,
        background: "#0a4347",
        color: "#fbfaf7",
      }}
    >
      <div style={{ display: "flex", fontSize: 88, fontWeight: 700 }}>Safe Passage</div>
      <div style={{ display: "flex", fontSize: 40, marginTop: 24 }}>
        Fund rescue missions, and follow each one until people are safe.
      </div>
    </div>,
    size,
  );
}
