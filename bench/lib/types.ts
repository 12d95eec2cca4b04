// What every scenario receives and returns.
import type { BenchDatabase } from "./database";
import type { RunningApp } from "./app";

export type BenchOptions = {
  only: string[];
  durationSeconds: number;
  connections: number;
  threads: number;
  runs: number;
  burst: number;
  burstConcurrency: number;
  scaleSizes: number[];
  scaleSamples: number;
  email?: string;
  password?: string;
};

export type BenchContext = {
  options: BenchOptions;
  db: BenchDatabase;
  app: RunningApp;
  slugs: { campaign?: string; campaignId?: string; post?: string };
};

export type ScenarioResult = {
  status: "ok" | "partial" | "skipped";
  /** Printed and written to the docs: why something was skipped, caveats seen during the run. */
  notes: string[];
  /** Markdown (usually a table) for docs/performance.md. */
  markdown: string;
  data: unknown;
};

export type Scenario = {
  name: string;
  title: string;
  run: (ctx: BenchContext) => Promise<ScenarioResult>;
};

/** Markdown table from a header row and data rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A number for a table: fixed digits, "–" when missing. */
export function fmt(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits);
}
