// Files only their owner may read: the embedded database's data, its socket and the demo's secret.
// `npm start` runs with umask 077, so what it creates is private from the start; this fixes what
// was created wider (by an older version, or by PGlite, which writes its cluster files 0666).
import { chmodSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/** `chmod -R go-rwx dir`, without following symbolic links. */
export function makePrivate(dir: string): void {
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink()) return;
  if (stat.mode & 0o077) chmodSync(dir, stat.mode & 0o7700);
  if (!stat.isDirectory()) return;
  for (const name of readdirSync(dir)) makePrivate(path.join(dir, name));
}
