import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";

// Per request, so the sitemap address follows APP_URL at run time, not at build time.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/dashboard", "/api", "/sign-in"] },
    sitemap: `${env.appUrl}/sitemap.xml`,
  };
}
