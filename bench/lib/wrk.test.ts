// wrk's text output is what every throughput figure comes from: parse it exactly.
import { describe, expect, it } from "vitest";
import { medianLoad, parseWrk } from "./wrk";

const OUTPUT = `Running 3s test @ http://127.0.0.1:3000/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   314.32ms  400.00ms   1.70s    88.00%
    Req/Sec    40.00     20.00   100.00     70.00%
  Latency Distribution
     50%  314.32ms
     75%  500.00ms
     90%    1.20s
     99%    1.70s
  226 requests in 3.01s, 1.90MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:     75.08
Transfer/sec:    646.00KB
`;

describe("parseWrk", () => {
  it("reads rate, percentiles in any unit, and every kind of error", () => {
    expect(parseWrk(OUTPUT)).toEqual({ requestsPerSecond: 75.08, p50Ms: 314.32, p99Ms: 1700, requests: 226, errors: 9 });
  });

  it("reads microseconds and a clean run", () => {
    const clean = OUTPUT.replace("50%  314.32ms", "50%  812.00us").replace(/  Socket errors.*\n  Non-2xx.*\n/, "");
    expect(parseWrk(clean)).toMatchObject({ p50Ms: 0.812, errors: 0 });
  });
});

it("medianLoad takes the median of each figure and adds up errors", () => {
  const run = (rps: number, errors: number) => ({ requestsPerSecond: rps, p50Ms: rps / 10, p99Ms: rps, requests: rps * 3, errors });
  expect(medianLoad([run(100, 1), run(300, 0), run(200, 2)])).toEqual({ requestsPerSecond: 200, p50Ms: 20, p99Ms: 200, requests: 600, errors: 3 });
});
