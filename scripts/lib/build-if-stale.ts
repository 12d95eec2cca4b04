// Builds the Next.js app when no build exists or any input changed since the last one.
// The fingerprint covers sources, public files, configuration and the lockfile.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { run } from "./process";

const INPUT_DIRS = ["app", "lib", "public", "prisma"];
const INPUT_FILES = ["next.config.ts", "proxy.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "migrations", "node_modules"]);
const STAMP = path.join(".next", "safe-passage-build.sha256");

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : listFiles(full);
      return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
    }),
  );
  return nested.flat();
}

export async function buildFingerprint(): Promise<string> {
  const files = [...(await Promise.all(INPUT_DIRS.map(listFiles))).flat(), ...INPUT_FILES.filter(existsSync)].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(await readFile(file)).update("\0");
  return hash.digest("hex");
}

export async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const fingerprint = await buildFingerprint();
  const previous = existsSync(STAMP) ? (await readFile(STAMP, "utf8")).trim() : "";
  if (previous === fingerprint && existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log(previous ? "Sources changed: rebuilding…" : "Building the app (first start takes a minute)…");
  await run(process.execPath, [nextBin(), "build"], env);
  await writeFile(STAMP, fingerprint + "\n");
}

export function nextBin(): string {
  return path.join("node_modules", "next", "dist", "bin", "next");
}
