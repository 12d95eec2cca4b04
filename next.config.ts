import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The Prisma client and pg are server-only; keep them out of the bundler.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  async headers() {
    // HSTS is added per request by proxy.ts (it depends on the runtime APP_URL).
    const headers = Object.entries(staticSecurityHeaders(false)).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
