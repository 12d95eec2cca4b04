// Every process and temporary resource the bench starts is registered here, so one cleanup
// stops them all: on normal exit, on error, and on Ctrl-C / SIGTERM.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

type Cleanup = { name: string; run: () => Promise<void> | void };

const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;
/** Last resort: if Node exits before the async cleanup ran, kill the groups synchronously. */
const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

/** Registers an undo step; they run in reverse order (last started, first stopped). */
export function onCleanup(name: string, run: Cleanup["run"]): void {
  cleanups.push({ name, run });
}

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      if (!step) break;
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup ${step.name}:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

let interrupted = false;

/** True once Ctrl-C / SIGTERM arrived: the run must not write results. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Ctrl-C and SIGTERM (and a crash) stop everything we started, then exit. */
export function installSignalHandlers(): void {
  process.once("uncaughtException", (error) => {
    console.error(error);
    void cleanupAll().then(() => process.exit(1));
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping everything the bench started…`);
      // Load generators and Lighthouse first (not registered as cleanups), then the servers.
      for (const pid of liveGroups) {
        try {
          process.kill(-pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      void cleanupAll().then(() => process.exit(130));
    });
  }
}

/** Waits until the child exits, or kills it hard after `graceMs`. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Detached children lead their own process group: signal the whole group (Next forks workers).
  const kill = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  kill(signal);
  const timer = setTimeout(() => kill("SIGKILL"), graceMs);
  await done;
  clearTimeout(timer);
}

/** Spawns a long-running child in its own process group and registers its shutdown. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { stopSignal?: NodeJS.Signals } = {},
): ChildProcess {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options, detached: true });
  if (child.pid) {
    const pid = child.pid;
    liveGroups.add(pid);
    child.once("exit", () => liveGroups.delete(pid));
  }
  const stop = () => stopChild(child, options.stopSignal ?? "SIGTERM", 5_000);
  onCleanup(name, stop);
  return child;
}

/** Stops one registered process early (its cleanup step becomes a no-op). */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  await stopChild(child, signal, 5_000);
}

/** Keeps the last lines a child printed, for error messages. */
export function tailOutput(child: ChildProcess, lines = 40): () => string {
  const kept: string[] = [];
  const keep = (chunk: Buffer) => {
    kept.push(...chunk.toString().split("\n"));
    if (kept.length > lines) kept.splice(0, kept.length - lines);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => kept.join("\n");
}

/** Runs a command to completion (own process group, killed with it on timeout or exit) and
 *  returns what it printed; rejects on a non-zero exit. */
export function capture(command: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, env: env ?? process.env });
    const pid = child.pid;
    if (pid) liveGroups.add(pid);
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      try {
        if (pid) process.kill(-pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (pid) liveGroups.delete(pid);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} exited ${code ?? signal}: ${err.trim().slice(-500)}`));
    });
  });
}
