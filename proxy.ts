// Runs before every page and API request: a fresh CSP nonce and the security headers, and a
// convenience redirect to the sign-in page for /dashboard without a session cookie.
// Authorization is NOT done here: it happens where data is read (lib/session.ts in every page,
// action and handler). A proxy is a convenience, not a guard.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { checkoutFormTargets } from "@/lib/payments/checkout-origins";
import { contentSecurityPolicy, createNonce, staticSecurityHeaders } from "@/lib/security-headers";

const https = env.appUrl.startsWith("https:");
const formTargets = checkoutFormTargets();
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const dashboard = pathname === "/dashboard" || pathname.startsWith("/dashboard/");
  return dashboard && !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development", https, formTargets });
  let response: NextResponse;
  if (needsSignIn(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
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
