// Open Graph and Twitter tags for a public page. Images come from the opengraph-image files
// (a site-wide one at app/, a live one per campaign), which Next adds on its own.
import type { Metadata } from "next";

export const SITE_NAME = "Safe Passage";

export function pageMetadata(input: {
  title: string;
  description: string;
  path: string;
  type?: "website" | "article";
  publishedTime?: string;
}): Metadata {
  const { title, description, path, type = "website" } = input;
  return {
    title,
    description,
    // Repeated on every page: a page's `alternates` replaces the layout's as a whole.
    alternates: { canonical: path, types: { "application/atom+xml": [{ url: "/feed.xml", title: `${SITE_NAME} news` }] } },
    openGraph: {
      title,
      description,
      url: path,
      siteName: SITE_NAME,
      type,
      locale: "en_GB",
      ...(type === "article" && input.publishedTime ? { publishedTime: input.publishedTime } : {}),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}
