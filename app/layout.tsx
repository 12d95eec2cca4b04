import type { Metadata } from "next";
import "./globals.css";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  metadataBase: new URL(env.appUrl),
  title: { default: "Safe Passage", template: "%s · Safe Passage" },
  description: "Fund rescue missions for people in hiding, and follow each mission until they are safe.",
  // Defaults for pages without their own (public pages set theirs with lib/seo.ts pageMetadata).
  openGraph: { siteName: "Safe Passage", type: "website", locale: "en_GB" },
  twitter: { card: "summary_large_image" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
