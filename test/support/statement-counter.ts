// A TCP proxy in front of PostgreSQL that counts the statements each client application sends
// (by the application_name of its connection), so a test can hold a page to a query budget
// without any counting code in the app itself. It reads the PostgreSQL wire protocol only as far
// as needed: the startup message (for application_name), then each frontend message's type and
// length. A statement is a simple Query ('Q') or an Execute ('E') of the extended protocol; the
// text comes from the Query or the Parse ('P') before it.
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const KEPT = 50;

export type StatementLog = { count: number; recent: string[] };

export class StatementCounter {
  private logs = new Map<string, StatementLog>();
  private sockets = new Set<net.Socket>();

  private constructor(
    private server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: net.NetConnectOpts, port = 0): Promise<StatementCounter> {
    const ref: { counter?: StatementCounter } = {};
    const server = net.createServer((client) => ref.counter?.relay(client, target));
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const address = server.address();
    ref.counter = new StatementCounter(server, typeof address === "object" && address ? address.port : 0);
    return ref.counter;
  }

  /** Statements sent so far by connections whose application_name is `application`. */
  log(application: string): StatementLog {
    return this.logs.get(application) ?? { count: 0, recent: [] };
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: net.Socket, target: net.NetConnectOpts): void {
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    let pending = Buffer.alloc(0);
    let started = false;
    let application = "";
    let lastParsed = "";
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) {
            application = startupParameter(pending.subarray(8, length), "application_name");
            started = true;
          }
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) return;
        const type = String.fromCharCode(pending[0] ?? 0);
        const end = 1 + pending.readInt32BE(1);
        if (pending.length < end) return;
        const body = pending.subarray(5, end);
        if (type === "P") lastParsed = cString(body, body.indexOf(0) + 1);
        if (type === "Q" || type === "E") this.count(application, type === "Q" ? cString(body, 0) : lastParsed);
        pending = pending.subarray(end);
      }
    });
    client.on("end", () => upstream.end());
  }

  private count(application: string, text: string): void {
    let log = this.logs.get(application);
    if (!log) this.logs.set(application, (log = { count: 0, recent: [] }));
    log.count += 1;
    log.recent.push(text.replace(/\s+/g, " ").slice(0, 160));
    if (log.recent.length > KEPT) log.recent.shift();
  }
}

function cString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString("utf8", start, end === -1 ? buffer.length : end);
}

function startupParameter(parameters: Buffer, name: string): string {
  const parts = parameters.toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === name) return parts[i + 1] ?? "";
  return "";
}
