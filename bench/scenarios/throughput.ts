// Scenario 1 (+2): page throughput with wrk, beside references measured in the same run:
//   next-static  the page's exact HTML bytes served as a public/ file by the same Next server;
//   nginx-file   the same bytes served as a file by nginx;
//   proxy        the campaign page through deploy/nginx.conf (1 s micro-cache) on loopback.
// Ratios are computed per run, then the median over runs is reported.
import { writeFileSync } from "node:fs";
import { PATHS } from "../config";
import { REFERENCE_NAMES } from "../lib/app";
import { startFileServer, startProxy } from "../lib/nginx";
import { median, percentile, ratio } from "../lib/stats";
import { fmt, table, type BenchContext, type Scenario, type ScenarioResult } from "../lib/types";
import { medianLoad, runWrk, type LoadResult } from "../lib/wrk";

type PageName = (typeof REFERENCE_NAMES)[number];
type Target = { page: PageName; kind: "page" | "next-static" | "nginx-file" | "proxy"; url: string };

async function fetchPage(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

const SPLIT_SAMPLES = 40;

/** One request at a time: p50 of `count` GETs, each after `before()` (e.g. a cache flush). */
async function sequentialP50(url: string, count: number, before?: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await before?.();
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status === 200) times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

function pagePaths(ctx: BenchContext, notes: string[]): Partial<Record<PageName, string>> {
  const paths: Partial<Record<PageName, string>> = { home: PATHS.home };
  if (ctx.slugs.campaign) paths.campaign = PATHS.campaign(ctx.slugs.campaign);
  else notes.push("campaign page skipped: no published campaign in the database.");
  if (ctx.slugs.post) paths.news = PATHS.news(ctx.slugs.post);
  else notes.push("news page skipped: no published post in the database.");
  return paths;
}

export const throughput: Scenario = {
  name: "throughput",
  title: "1–2. Page throughput (wrk) vs static references and the shipped nginx proxy",
  async run(ctx): Promise<ScenarioResult> {
    const notes: string[] = [];
    const { options, app } = ctx;
    const pages: { name: PageName; path: string; html: string }[] = [];
    for (const [name, path] of Object.entries(pagePaths(ctx, notes)) as [PageName, string][]) {
      const { status, html } = await fetchPage(app.base + path);
      if (status !== 200) {
        notes.push(`${name} page ${path} answered ${status}: skipped (not built in this branch yet?).`);
        continue;
      }
      // Same bytes for both static references; Next lists public/ at start, so the files exist already.
      writeFileSync(app.referenceFile(name), html);
      pages.push({ name, path, html });
    }
    if (pages.length === 0) return { status: "skipped", notes, markdown: "", data: {} };

    const files = await startFileServer(Object.fromEntries(pages.map((p) => [`${p.name}.html`, p.html])));
    const proxy = await startProxy(app.port);
    const proxied = pages.find((p) => p.name === "campaign") ?? pages[0];
    if (proxied && proxied.name !== "campaign") notes.push(`proxy measured on the ${proxied.name} page (no campaign page).`);

    const targets: Target[] = pages.flatMap((p) => [
      { page: p.name, kind: "page" as const, url: app.base + p.path },
      { page: p.name, kind: "next-static" as const, url: `${app.base}/bench/${p.name}.html` },
      { page: p.name, kind: "nginx-file" as const, url: `${files.base}/${p.name}.html` },
    ]);
    if (proxied) targets.push({ page: proxied.name, kind: "proxy", url: proxy.base + proxied.path });

    // Check the micro-cache really serves hits before measuring through it.
    if (proxied) {
      const statuses: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(proxy.base + proxied.path);
        await response.arrayBuffer();
        statuses.push(response.headers.get("x-cache-status") ?? "none");
      }
      notes.push(`proxy X-Cache-Status on 3 quick requests: ${statuses.join(", ")}.`);
    }

    // Where a page's time goes, one request at a time (no queueing): cold = data cache just
    // expired (the reads hit the database), warm = every read cached (0 queries, see
    // e2e/query-count.spec.ts), so warm is React rendering alone; static = the same bytes as a file.
    const split: { page: string; coldMs: number; warmMs: number; staticMs: number }[] = [];
    for (const p of pages) {
      const url = app.base + p.path;
      await sequentialP50(url, 5);
      split.push({
        page: p.name,
        coldMs: await sequentialP50(url, SPLIT_SAMPLES, app.flushCache),
        warmMs: await sequentialP50(url, SPLIT_SAMPLES),
        staticMs: await sequentialP50(`${app.base}/bench/${p.name}.html`, SPLIT_SAMPLES),
      });
    }
    await app.flushCache();

    const key = (t: Target) => `${t.page}:${t.kind}`;
    const runs = new Map<string, LoadResult[]>();
    const wrkOptions = { connections: options.connections, threads: options.threads, durationSeconds: options.durationSeconds };
    for (let run = 1; run <= options.runs; run += 1) {
      for (const target of targets) {
        const result = await runWrk(target.url, wrkOptions);
        runs.set(key(target), [...(runs.get(key(target)) ?? []), result]);
        console.log(`  run ${run} ${key(target).padEnd(24)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${fmt(result.p50Ms, 2)} ms  p99 ${fmt(result.p99Ms, 2)} ms${result.errors ? `  errors ${result.errors}` : ""}`);
      }
    }

    const perRunRatio = (a: string, b: string) => {
      const ra = runs.get(a) ?? [];
      const rb = runs.get(b) ?? [];
      return median(ra.map((r, i) => ratio(r.requestsPerSecond, rb[i]?.requestsPerSecond ?? Number.NaN)));
    };
    const rows = targets.map((t) => {
      const m = medianLoad(runs.get(key(t)) ?? []);
      const html = pages.find((p) => p.name === t.page)?.html ?? "";
      const bytes = Buffer.byteLength(html);
      return { target: key(t), url: t.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ""), bytes, ...m };
    });
    const ratios = {
      ...Object.fromEntries(pages.map((p) => [`${p.name}: page / next-static`, perRunRatio(`${p.name}:page`, `${p.name}:next-static`)])),
      ...Object.fromEntries(pages.map((p) => [`${p.name}: page / nginx-file`, perRunRatio(`${p.name}:page`, `${p.name}:nginx-file`)])),
      ...(proxied ? { [`${proxied.name}: proxy / nginx-file`]: perRunRatio(`${proxied.name}:proxy`, `${proxied.name}:nginx-file`) } : {}),
      ...(proxied ? { [`${proxied.name}: proxy / page`]: perRunRatio(`${proxied.name}:proxy`, `${proxied.name}:page`) } : {}),
    };
    if (rows.some((r) => r.errors > 0)) notes.push("some runs had non-2xx responses or socket errors (see the errors column).");

    const markdown = [
      table(
        ["target", "path", "HTML bytes", "req/s (median)", "p50 ms", "p99 ms", "errors"],
        rows.map((r) => [r.target, `\`${r.url}\``, r.bytes, fmt(r.requestsPerSecond, 0), fmt(r.p50Ms, 2), fmt(r.p99Ms, 2), r.errors]),
      ),
      "",
      table(["ratio (req/s, same run, median of runs)", "value"], Object.entries(ratios).map(([k, v]) => [k, fmt(v, 3)])),
      "",
      table(
        ["page (one request at a time, p50 ms)", "cold: data + render", "warm: render only", "same bytes as a file", "data ≈ cold − warm"],
        split.map((s) => [s.page, fmt(s.coldMs, 2), fmt(s.warmMs, 2), fmt(s.staticMs, 2), fmt(s.coldMs - s.warmMs, 2)]),
      ),
    ].join("\n");
    return { status: notes.some((n) => n.includes("skipped")) ? "partial" : "ok", notes, markdown, data: { rows, ratios, split, runs: Object.fromEntries(runs) } };
  },
};
