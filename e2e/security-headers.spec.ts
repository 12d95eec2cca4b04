// Every kind of response carries the security headers; pages carry a per-request CSP nonce.
import { expect, test } from "@playwright/test";

const PATHS = ["/", "/api/health", "/no-such-page"];

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const path of PATHS) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("geolocation=()");
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("each page view gets its own nonce and the page's scripts carry it", async ({ page, request }) => {
  const first = (await request.get("/")).headers()["content-security-policy"];
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).not.toBe(first);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = await page.locator("script").evaluateAll((nodes) =>
    nodes.map((node) => (node as HTMLScriptElement).nonce),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
});

test("static assets carry the static headers", async ({ page, request }) => {
  await page.goto("/");
  const asset = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  expect(asset).toBeTruthy();
  const response = await request.get(asset ?? "");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the policy blocks nothing the site itself needs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
