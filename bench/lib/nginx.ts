// nginx on loopback, started by the bench with its own prefix and temp dirs:
//   * a plain file server (reference "the same HTML bytes served as a file by nginx");
//   * the reverse proxy we ship, deploy/nginx.conf, rendered for loopback.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";
import { waitForHttp } from "./app";
import { capture, onCleanup, startProcess, tailOutput } from "./processes";

export type RunningNginx = { base: string; dir: string };

const DEPLOY_CONF = "deploy/nginx.conf";

function prefixDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `safe-passage-bench-${label}-`));
  // Workers run unprivileged when we are root: let them read the files and write the cache.
  chmodSync(dir, 0o755);
  for (const sub of ["tmp", "cache", "www"]) mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o777 });
  chmodSync(path.join(dir, "tmp"), 0o777);
  chmodSync(path.join(dir, "cache"), 0o777);
  onCleanup(`nginx dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Temp paths Debian compiles in (/var/lib/nginx) are replaced with our own. */
function tempPaths(dir: string): string {
  return ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `    ${name}_temp_path ${dir}/tmp/${name};`)
    .join("\n");
}

/** Substitutes one thing; throws when deploy/nginx.conf no longer has it (keep both in step). */
function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`${DEPLOY_CONF}: expected to find ${pattern} (update bench/lib/nginx.ts)`);
  return text.replace(pattern, replacement);
}

/** deploy/nginx.conf for loopback: only paths, ports and the access log change. */
export function renderProxyConf(source: string, dir: string, port: number, appPort: number): string {
  let conf = source;
  conf = replaceOnce(conf, /^user .*;$/m, "# user: unchanged (bench)");
  conf = replaceOnce(conf, /^pid .*;$/m, `pid ${dir}/nginx.pid;`);
  conf = replaceOnce(conf, /^error_log .*;$/m, `error_log ${dir}/error.log warn;`);
  // Logging off in both nginx references alike: we measure proxying, not the disk.
  conf = replaceOnce(conf, /^(\s*)access_log .*;$/m, `$1access_log off;\n${tempPaths(dir)}`);
  conf = replaceOnce(conf, /proxy_cache_path \/var\/cache\/nginx\/safe-passage/, `proxy_cache_path ${dir}/cache`);
  conf = replaceOnce(conf, /server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${appPort};`);
  conf = replaceOnce(conf, /^(\s*)listen 80;\n\s*listen \[::\]:80;$/m, `$1listen 127.0.0.1:${port};`);
  return conf;
}

function fileServerConf(dir: string, port: number): string {
  return `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
${tempPaths(dir)}
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    server {
        listen 127.0.0.1:${port};
        root ${dir}/www;
    }
}
`;
}

async function start(label: string, dir: string, conf: string, port: number): Promise<RunningNginx> {
  const confPath = path.join(dir, "nginx.conf");
  writeFileSync(confPath, conf);
  await capture("nginx", ["-t", "-q", "-p", dir, "-c", confPath, "-e", `${dir}/error.log`], 10_000);
  const child = startProcess(`nginx ${label}`, "nginx", ["-p", dir, "-c", confPath, "-e", `${dir}/error.log`, "-g", "daemon off;"], {
    stopSignal: "SIGQUIT",
  });
  const tail = tailOutput(child);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/`, 10_000, () => child.exitCode !== null, true);
  } catch (error) {
    throw new Error(`nginx ${label}: ${error instanceof Error ? error.message : error}\n${tail()}`);
  }
  return { base, dir };
}

/** Serves `files` (name → bytes) as static files. */
export async function startFileServer(files: Record<string, string | Buffer>): Promise<RunningNginx> {
  const dir = prefixDir("files");
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, "www", name), bytes);
  const port = await freePort();
  return start("file server", dir, fileServerConf(dir, port), port);
}

export async function startProxy(appPort: number): Promise<RunningNginx> {
  const dir = prefixDir("proxy");
  const port = await freePort();
  const conf = renderProxyConf(readFileSync(DEPLOY_CONF, "utf8"), dir, port, appPort);
  return start("proxy", dir, conf, port);
}
