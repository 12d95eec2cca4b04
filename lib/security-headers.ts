// Security headers for every response. The Content-Security-Policy carries a fresh nonce per
// request (set in proxy.ts); Next.js reads it from the request's CSP header and puts it on its
// own inline scripts, so no script without the nonce can run.

export type SecurityOptions = {
  nonce: string;
  /** next dev needs eval for fast refresh. */
  dev: boolean;
  /** HSTS and upgrade-insecure-requests only when the site is served over https. */
  https: boolean;
  /** Origins a form may post or redirect to (e.g. Stripe Checkout). */
  formTargets: string[];
};

export function contentSecurityPolicy({ nonce, dev, https, formTargets }: SecurityOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Next set style attributes; scripts, not styles, are what an attacker needs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers that do not depend on the request; also sent with static files and API answers. */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload" } : {}),
  };
}

/** 128 random bits, base64: what a CSP nonce needs. Uses Web Crypto (proxy runs anywhere). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
