// Open Graph and Twitter tags for a public page. A page's own openGraph replaces the one the
// site-wide app/opengraph-image.tsx would give it, so the site image is named here; campaign
// pages pass `siteImage: false` and get their live image from their own opengraph-image file
// (Twitter falls back to og:image).
import type { Metadata } from "next";

export const SITE_NAME = "Safe Passage";

export function pageMetadata(input: {
  title: string;
  description: string;
  path: string;
  type?: "website" | "article";
  publishedTime?: string;
  siteImage?: boolean;
}): Metadata {
  const { title, description, path, type = "website", siteImage = true } = input;
  const images = siteImage
    ? [{ url: "/opengraph-image", width: 1200, height: 630, alt: SITE_NAME }]
    : undefined;
  return {
    title,
    description,
    // Repeated on every page: a page's `alternates` replaces the layout's as a whole.
    alternates: {
      canonical: path,
      types: { "application/atom+xml": [{ url: "/feed.xml", title: `${SITE_NAME} news` }] },
    },
    openGraph: {
      title,
      description,
      url: path,
      siteName: SITE_NAME,
      type,
      locale: "en_GB",
      ...(images ? { images } : {}),
      ...(type === "article" && input.publishedTime ? { publishedTime: input.publishedTime } : {}),
    },
    twitter: { card: "summary_large_image", title, description, ...(images ? { images } : {}) },
  };
}
