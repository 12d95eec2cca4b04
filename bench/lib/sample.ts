// Latency sampler for pages that are too slow or too stateful for wrk (dashboard with a session
// cookie, growing data): a bounded number of requests at low concurrency, each timed.
import { percentile } from "./stats";

export type Sample = { p50Ms: number; p95Ms: number; samples: number; errors: number };

export async function sampleLatency(
  url: string,
  options: { count: number; concurrency: number; headers?: Record<string, string> },
): Promise<Sample> {
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`bench only targets 127.0.0.1, not ${url}`);
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      next += 1;
      const started = performance.now();
      const response = await fetch(url, { headers: options.headers, redirect: "manual" }).catch(() => null);
      await response?.arrayBuffer();
      if (response?.status === 200) times.push(performance.now() - started);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), samples: times.length, errors };
}

/** Status of one GET (0 when unreachable), to decide whether a scenario can run. */
export async function statusOf(url: string, headers?: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers, redirect: "manual" }).catch(() => null);
  await response?.arrayBuffer();
  return response?.status ?? 0;
}
