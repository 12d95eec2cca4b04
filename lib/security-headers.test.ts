import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allows only scripts that carry this request's nonce", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false, https: true, formTargets: [] });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("lets forms reach the configured checkout origin and nothing else", () => {
    const csp = contentSecurityPolicy({ nonce: "n", dev: true, https: false, formTargets: ["https://checkout.stripe.com"] });
    expect(csp).toContain("form-action 'self' https://checkout.stripe.com;");
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only over https", () => {
    expect(staticSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(staticSecurityHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});
