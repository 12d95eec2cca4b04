// Runs before every page and API request: a fresh CSP nonce and the security headers, and a
// convenience redirect to the sign-in page for /dashboard without a session cookie.
// Authorization is NOT done here: it happens where data is read (lib/auth/session.ts and the data layer,
// action and handler). A proxy is a convenience, not a guard.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { declaresTooLargeBody } from "@/lib/http/read-body";
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

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function refuse(status: 400 | 413, message: string): NextResponse {
  const response = new NextResponse(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  // Next.js answers an oversized server-action body with a 500 after reading it; refuse it first.
  if (declaresTooLargeBody(request.headers)) return refuse(413, "The request is too large.");
  // A NUL byte in a path or query can only be an attack or a broken client, and PostgreSQL refuses
  // it in text: a look-up by slug, token or session id failed with a 500 instead of "not found".
  // Likewise a path that is not valid UTF-8 once decoded (e.g. %ED%A0%80): Next.js failed with a 500.
  if (/%00|\u0000/i.test(request.url) || !decodable(request.nextUrl.pathname)) {
    return refuse(400, "The address is not valid.");
  }
  // Prefetches too (Purpose, Sec-Purpose, Next-Router-Prefetch): a browser prefetch is the whole
  // page, and a copy without the policy could be cached and shown to anyone.
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
  // Static files get their headers from next.config.ts. Prefetches come through like any request:
  // a header must be no way around the checks or the policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
