// Runs before every page and API request: a fresh CSP nonce and the security headers.
// Authorization is NOT done here (see lib/session.ts): a proxy is a convenience, not a guard.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { checkoutFormTargets } from "@/lib/payments/checkout-origins";
import { contentSecurityPolicy, createNonce, staticSecurityHeaders } from "@/lib/security-headers";

const https = env.appUrl.startsWith("https:");
const formTargets = checkoutFormTargets();

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development", https, formTargets });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files get their headers from next.config.ts; prefetches need no fresh nonce.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
