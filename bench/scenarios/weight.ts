// Scenario 3: page weight (gzip JS/CSS per public page type, against the emptiest page of the
// same build) with Playwright + the system Chromium, and Lighthouse category scores.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { EMPTY_PAGE_PATH, measurePageWeight, type PageWeight } from "@/test/support/page-weight";
import { PATHS } from "../config";
import { capture } from "../lib/processes";
import { fmt, table, type BenchContext, type Scenario, type ScenarioResult } from "../lib/types";

const CHROMIUM = "/usr/bin/chromium";
const CHROME_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const LIGHTHOUSE_CLI = "node_modules/lighthouse/cli/index.js";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

type Scores = Partial<Record<(typeof CATEGORIES)[number], number>>;

function publicPages(ctx: BenchContext): { name: string; path: string }[] {
  return [
    { name: "home", path: PATHS.home },
    ...(ctx.slugs.campaign ? [{ name: "campaign", path: PATHS.campaign(ctx.slugs.campaign) }] : []),
    ...(ctx.slugs.post ? [{ name: "news", path: PATHS.news(ctx.slugs.post) }] : []),
  ];
}

async function lighthouse(url: string): Promise<Scores> {
  const output = await capture(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=--headless=new ${CHROME_FLAGS.join(" ")}`,
    ],
    180_000,
    { ...process.env, CHROME_PATH: CHROMIUM },
  );
  const report = JSON.parse(output) as { categories: Record<string, { score: number | null }> };
  return Object.fromEntries(CATEGORIES.map((c) => [c, (report.categories[c]?.score ?? Number.NaN) * 100]));
}

export const weight: Scenario = {
  name: "weight",
  title: "3. Page weight (gzip JS/CSS) and Lighthouse",
  async run(ctx): Promise<ScenarioResult> {
    const notes: string[] = [];
    if (!existsSync(CHROMIUM)) return { status: "skipped", notes: [`no Chromium at ${CHROMIUM}`], markdown: "", data: {} };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
    const weights: (PageWeight & { name: string })[] = [];
    try {
      // Bytes, not policy: the prerendered 404 page carries no CSP nonce, so its scripts would not load.
      const page = await browser.newPage({ bypassCSP: true });
      const empty = await measurePageWeight(page, ctx.app.base + EMPTY_PAGE_PATH);
      weights.push({ name: "empty (404 page of the same build)", ...empty });
      for (const { name, path } of publicPages(ctx)) {
        const measured = await measurePageWeight(page, ctx.app.base + path);
        if (measured.status !== 200) notes.push(`${name} ${path} answered ${measured.status}: skipped.`);
        else weights.push({ name, ...measured });
      }
    } finally {
      await browser.close();
    }
    if (!ctx.slugs.post) notes.push("news page skipped: no published post in the database.");
    const baseline = weights[0];

    const scores = new Map<string, Scores>();
    if (!existsSync(LIGHTHOUSE_CLI)) notes.push("Lighthouse is not installed (devDependency lighthouse@12.2.3): scores not measured.");
    else {
      for (const w of weights.slice(1)) {
        try {
          scores.set(w.name, await lighthouse(w.url));
        } catch (error) {
          notes.push(`Lighthouse could not run on ${w.name}: ${error instanceof Error ? error.message.slice(0, 300) : error}`);
        }
      }
      notes.push("Lighthouse performance uses its simulated throttling; on a busy machine it is noisy.");
    }

    const markdown = table(
      ["page", "JS gzip B", "JS files", "CSS gzip B", "JS over empty page", "perf", "a11y", "best practices", "SEO"],
      weights.map((w) => {
        const s = scores.get(w.name) ?? {};
        return [
          w.name,
          w.jsGzipBytes,
          w.jsFiles.length,
          w.cssGzipBytes,
          w === baseline ? "–" : w.jsGzipBytes - (baseline?.jsGzipBytes ?? 0),
          fmt(s.performance, 0),
          fmt(s.accessibility, 0),
          fmt(s["best-practices"], 0),
          fmt(s.seo, 0),
        ];
      }),
    );
    return {
      status: notes.some((n) => /skipped|could not/.test(n)) ? "partial" : "ok",
      notes,
      markdown,
      data: { weights, scores: Object.fromEntries(scores) },
    };
  },
};
