// deploy/nginx.conf does what its comments promise: public pages are micro-cached per RSC
// variant; private paths, signed-in visitors and cookie-setting responses never are.
// Runs the real nginx (rendered for loopback) in front of a tiny upstream that counts requests.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderProxyConf, startProxy } from "./nginx";
import { cleanupAll } from "./processes";

const hasNginx = existsSync("/usr/sbin/nginx") || existsSync("/usr/bin/nginx");
let upstream: Server;
let base = "";
let hits = 0;
let lastHeaders: IncomingHttpHeaders = {};

beforeAll(async () => {
  if (!hasNginx) return;
  upstream = createServer((req, res) => {
    hits += 1;
    lastHeaders = req.headers;
    if (req.url === "/sets-cookie") res.setHeader("set-cookie", "flash=1; Path=/");
    if (req.url?.startsWith("/page/")) {
      // An app that forgets the CSP on prefetches, as Safe Passage once did (proxy.ts skipped them).
      res.setHeader("content-type", "text/html; charset=utf-8");
      const prefetch = req.headers.purpose ?? req.headers["sec-purpose"] ?? req.headers["next-router-prefetch"];
      if (!prefetch && req.url !== "/page/never-csp") res.setHeader("content-security-policy", `script-src 'nonce-${hits}'`);
    }
    // What Next sends for a dynamic page: nginx must cache it anyway, but only where we say so.
    res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    res.end(`hit ${hits} ${req.headers.rsc ? "rsc" : "html"}`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  base = (await startProxy((upstream.address() as AddressInfo).port)).base;
});

afterAll(async () => {
  await cleanupAll();
  upstream?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  return { body: await response.text(), cache: response.headers.get("x-cache-status"), headers: response.headers };
}

describe.skipIf(!hasNginx)("deploy/nginx.conf", () => {
  it("serves a public page from the cache, and keeps HTML and RSC payloads apart", async () => {
    const first = await get("/campaigns/a");
    const second = await get("/campaigns/a");
    expect(second.body).toBe(first.body);
    expect(second.cache).toBe("HIT");
    const rsc = await get("/campaigns/a", { RSC: "1" });
    expect(rsc.body).toMatch(/rsc$/);
    expect((await get("/campaigns/a")).body).toBe(first.body);
  });

  it("passes the dashboard, sign-in, invites and the API straight through", async () => {
    for (const path of ["/dashboard", "/dashboard/donations", "/sign-in", "/invite/abc", "/api/stripe/webhook"]) {
      const before = hits;
      await get(path);
      await get(path);
      expect(hits - before, path).toBe(2);
    }
  });

  it("never shares a page with a signed-in visitor", async () => {
    await get("/news/b");
    const before = hits;
    const signedIn = await get("/news/b", { cookie: "theme=dark; __Secure-next-auth.session-token=abc" });
    expect(hits - before).toBe(1);
    expect(signedIn.cache).toBe("BYPASS");
  });

  it("never serves a page without its CSP to the next visitor, whatever a prefetch brought back", async () => {
    const prefetches: Record<string, string>[] = [{ purpose: "prefetch" }, { "sec-purpose": "prefetch" }, { "next-router-prefetch": "1" }];
    for (const [i, headers] of prefetches.entries()) {
      await get(`/page/${i}`, headers);
      const normal = await get(`/page/${i}`);
      expect(normal.headers.get("content-security-policy") ?? "(none)", JSON.stringify(headers)).toMatch(/nonce-/);
    }
    // An HTML page without a policy is never stored at all.
    const before = hits;
    await get("/page/never-csp");
    await get("/page/never-csp");
    expect(hits - before).toBe(2);
  });

  it("never stores a response that sets a cookie", async () => {
    const before = hits;
    await get("/sets-cookie");
    await get("/sets-cookie");
    expect(hits - before).toBe(2);
  });

  it("tells Next the client's address and scheme, and caches build assets for a year", async () => {
    await get("/api/x");
    expect(lastHeaders["x-forwarded-for"]).toBe("127.0.0.1");
    expect(lastHeaders["x-forwarded-proto"]).toBe("http");
    const asset = await get("/_next/static/chunks/app.js");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

it("the loopback rendering changes only paths and ports", () => {
  const source = readFileSync("deploy/nginx.conf", "utf8");
  const rendered = renderProxyConf(source, "/tmp/x", 4000, 5000);
  expect(rendered).toContain("server 127.0.0.1:5000;");
  expect(rendered).toContain("listen 127.0.0.1:4000;");
  expect(rendered).not.toContain("/var/");
  for (const rule of ["proxy_no_cache $safe_passage_session $upstream_http_set_cookie $safe_passage_no_csp;", "proxy_cache_valid 200 1s;", "proxy_cache_lock on;"]) {
    expect(rendered).toContain(rule);
  }
  expect(rendered).not.toMatch(/proxy_ignore_headers[^;]*Set-Cookie/i);
});
