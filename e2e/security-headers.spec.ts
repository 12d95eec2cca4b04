// Every kind of response carries the security headers; pages carry a per-request CSP nonce, also
// when the request is a prefetch, and nginx (deploy/nginx.conf) never serves a copy without it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startProxy } from "../bench/lib/nginx";
import { cleanupAll } from "../bench/lib/processes";
import { baseURL } from "../playwright.config";

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

// What browsers and Next's router send when they fetch a page ahead of a click.
const PREFETCHES: Record<string, string>[] = [
  { purpose: "prefetch" },
  { "sec-purpose": "prefetch" },
  { "sec-purpose": "prefetch;prerender" },
  { "next-router-prefetch": "1" },
  { rsc: "1" },
  { rsc: "1", "next-router-prefetch": "1" },
];

/** The response's CSP nonce; for HTML also checks that the page's own scripts carry that nonce. */
async function expectPolicy(request: APIRequestContext, url: string, headers: Record<string, string>): Promise<void> {
  const label = `${url} ${JSON.stringify(headers)}`;
  // Next answers a bare RSC request with a redirect that adds its cache-busting `_rsc` parameter.
  const response = await request.get(url, { headers });
  expect(response.status(), label).toBe(200);
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${label}: Content-Security-Policy`).toBeTruthy();
  if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) return;
  const scriptNonces = [...(await response.text()).matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
  expect(scriptNonces.length, label).toBeGreaterThan(0);
  expect(new Set(scriptNonces), label).toEqual(new Set([nonce]));
}

test("every answer to a page request carries the CSP: normal, prefetch and RSC", async ({ request }) => {
  for (const path of ["/", "/news"]) {
    for (const headers of [{}, ...PREFETCHES]) await expectPolicy(request, path, headers);
  }
});

test.describe("through nginx (deploy/nginx.conf)", () => {
  let proxyBase = "";
  test.beforeAll(async () => {
    proxyBase = (await startProxy(Number(new URL(baseURL).port))).base;
  });
  test.afterAll(async () => {
    await cleanupAll();
  });

  test("a prefetch never leaves a copy without the CSP in the cache", async ({ request }) => {
    for (const headers of PREFETCHES.filter((h) => !h.rsc)) {
      // A query string of its own gives each round an empty cache entry to fill.
      const url = `${proxyBase}/news?round=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      await expectPolicy(request, url, headers);
      await expectPolicy(request, url, {});
    }
  });
});
