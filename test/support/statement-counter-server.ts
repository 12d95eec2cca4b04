// Playwright starts this beside the e2e app: the app reaches PostgreSQL through the counting
// proxy on COUNTER_PG_PORT, and specs read the counts at http://127.0.0.1:COUNTER_HTTP_PORT/log?app=<name>.
import http from "node:http";
import { connectTarget } from "@/lib/db/connect-target";
import { StatementCounter } from "./statement-counter";

const counter = await StatementCounter.start(
  connectTarget(process.env.COUNTER_TARGET_URL ?? ""),
  Number(process.env.COUNTER_PG_PORT),
);
http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return res.end("ok");
    if (url.pathname !== "/log") return res.writeHead(404).end();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(counter.log(url.searchParams.get("app") ?? "")));
  })
  .listen(Number(process.env.COUNTER_HTTP_PORT), "127.0.0.1");
