// Another account on the same machine tries to open a PostgreSQL session: the attack on an
// embedded database that trusts every local connection. The probe is plain Node (no packages),
// run as `nobody` when the tests run as root; it prints "authenticated" when the server lets it in.
import { execFile } from "node:child_process";
import type { NetConnectOpts } from "node:net";
import { promisify } from "node:util";

const PROBE = `
const net = require("node:net");
const params = Buffer.from("user\\0postgres\\0database\\0postgres\\0\\0");
const head = Buffer.alloc(8);
head.writeInt32BE(8 + params.length, 0);
head.writeInt32BE(196608, 4); // protocol 3.0: a startup message, no password offered
const socket = net.connect(JSON.parse(process.argv[1]));
socket.setTimeout(20000, () => { console.log("timeout"); socket.destroy(); });
socket.on("connect", () => socket.write(Buffer.concat([head, params])));
socket.once("data", (data) => {
  // 'R' with code 0 is AuthenticationOk: the session is open.
  console.log(data[0] === 0x52 && data.readInt32BE(5) === 0 ? "authenticated" : "answered " + String.fromCharCode(data[0]));
  socket.destroy();
});
socket.on("error", (error) => console.log("refused " + error.code));
`;

export const NOBODY = { uid: 65534, gid: 65534 };

/** Only root can act as another user. */
export const canActAsOtherUser = process.getuid?.() === 0;

/** "authenticated", "refused <code>", "answered <type>" or "timeout". Asynchronous on purpose: the
 *  server under test may run in this very process. */
export async function probeConnection(
  target: NetConnectOpts,
  user?: { uid: number; gid: number },
): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", PROBE, JSON.stringify(target)], {
    cwd: "/",
    timeout: 30_000,
    ...user,
  });
  return stdout.trim();
}
