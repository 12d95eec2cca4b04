// Load generator: wrk (Debian package) with a fixed number of connections for a fixed time.
// We parse its text output, including the --latency percentiles (wrk prints 50/75/90/99).
import { capture } from "./processes";
import { median } from "./stats";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx/3xx responses plus socket errors: a run with errors is reported, not hidden. */
  errors: number;
};

export type LoadOptions = { connections: number; threads: number; durationSeconds: number; headers?: Record<string, string> };

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function toMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return Number.NaN;
  return Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
}

export function parseWrk(output: string): LoadResult {
  const number = (re: RegExp) => Number(re.exec(output)?.[1] ?? Number.NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: toMs(/^\s+50%\s+(\S+)/m.exec(output)?.[1] ?? ""),
    p99Ms: toMs(/^\s+99%\s+(\S+)/m.exec(output)?.[1] ?? ""),
    requests: number(/(\d+) requests in/),
    errors: (number(/Non-2xx or 3xx responses: (\d+)/) || 0) + socketErrors,
  };
}

export async function runWrk(url: string, options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`bench only targets 127.0.0.1, not ${url}`);
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.durationSeconds}s`,
    "--timeout",
    "10s",
    "--latency",
    ...headerArgs,
    url,
  ];
  const output = await capture("wrk", args, (options.durationSeconds + 30) * 1000);
  const result = parseWrk(output);
  if (Number.isNaN(result.requestsPerSecond)) throw new Error(`could not parse wrk output:\n${output}`);
  return result;
}

/** Median of each figure over several results (the runs of one target). */
export function medianLoad(results: LoadResult[]): LoadResult {
  const pick = (key: keyof LoadResult) => median(results.map((r) => r[key]));
  return {
    requestsPerSecond: pick("requestsPerSecond"),
    p50Ms: pick("p50Ms"),
    p99Ms: pick("p99Ms"),
    requests: pick("requests"),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}
