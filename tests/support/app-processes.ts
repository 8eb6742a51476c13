// The process of an app server started by startAppServer (tests/support/app-server.ts), or the
// processes of one run through tsx (scripts/serve.ts). Found through /proc by the PORT they were
// started with, so a test can kill -9 exactly the server it started.
import { readdir, readFile } from "node:fs/promises";

async function read(file: string): Promise<string | null> {
  return readFile(file, "utf8").catch(() => null);
}

/** Pids of the app server listening on `baseUrl`'s port (Linux). */
export async function appServerPids(baseUrl: string): Promise<number[]> {
  const port = new URL(baseUrl).port;
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await read(`/proc/${entry}/environ`);
    if (!environ?.split("\0").includes(`PORT=${port}`)) continue;
    const cmdline = (await read(`/proc/${entry}/cmdline`))?.replaceAll("\0", " ") ?? "";
    if (cmdline.includes("scripts/serve.ts") || cmdline.startsWith("next-server (crosscurrent)")) {
      pids.push(Number(entry));
    }
  }
  return pids;
}

/** kill -9 every process of the app server on `baseUrl`; returns their pids. */
export async function killAppServer(baseUrl: string): Promise<number[]> {
  const pids = await appServerPids(baseUrl);
  if (pids.length === 0) throw new Error(`No app server process found for ${baseUrl}.`);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return pids;
}

/** CPU time (user + system, seconds) the app server's processes have used so far (Linux). */
export async function appServerCpuSeconds(baseUrl: string): Promise<number> {
  let ticks = 0;
  for (const pid of await appServerPids(baseUrl)) {
    const stat = await read(`/proc/${pid}/stat`);
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ") ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** Resident memory (VmRSS) of process `pid` in kB; 0 once it is gone. */
export async function residentKb(pid: number): Promise<number> {
  const status = await read(`/proc/${pid}/status`);
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status ?? "")?.[1] ?? 0);
}
