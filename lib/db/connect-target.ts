// Where a PostgreSQL URL connects. Like libpq and pg, a `host` query parameter that starts with
// "/" names the directory of a Unix socket (`<dir>/.s.PGSQL.<port>`) and wins over the URL's host:
// the embedded database is reached that way (lib/db/embedded.ts).
import type { NetConnectOpts } from "node:net";
import path from "node:path";

export function connectTarget(url: string): NetConnectOpts {
  const parsed = new URL(url);
  const port = Number(parsed.searchParams.get("port") ?? parsed.port) || 5432;
  const host = parsed.searchParams.get("host") ?? parsed.hostname;
  return host.startsWith("/") ? { path: path.join(host, `.s.PGSQL.${port}`) } : { host, port };
}

/** The same database through a TCP proxy on 127.0.0.1:`port` (tests put counters and cuts there). */
export function urlViaProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(port);
  parsed.searchParams.delete("host");
  parsed.searchParams.delete("port");
  return parsed.toString();
}
