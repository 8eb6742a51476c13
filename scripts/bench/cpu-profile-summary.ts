// Where a V8 CPU profile (node --cpu-prof) spent its time: the functions with the most self time,
// and self time by the source file they come from (through the build's source maps, so a bundled
// chunk is named by the package or app module it holds). `npm run bench -- --cpu-prof <dir>`
// prints this for the server's profile; it also runs alone:
//   tsx scripts/bench/cpu-profile-summary.ts <file.cpuprofile>... [top]
import { existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Milliseconds sampled in all. */
  totalMs: number;
  functions: Array<{ name: string; where: string; selfMs: number }>;
  sources: Array<{ source: string; selfMs: number }>;
  /** The app's own functions (app/, lib/) by total time: their own and what they call. */
  appFunctions: Array<{ name: string; where: string; totalMs: number }>;
}

const isAppSource = (source: string) => /^(app|components|lib)\//.test(source);

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      if (file && existsSync(`${file}.map`)) {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as SourceMapPayload);
      }
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

const ROOT = process.cwd();

/** The package a path inside node_modules belongs to, or null. */
function packageOf(file: string): string | null {
  const at = file.lastIndexOf("node_modules/");
  if (at < 0) return null;
  const [scope, name] = file.slice(at + "node_modules/".length).split("/");
  return `${scope!.startsWith("@") ? `${scope}/${name}` : scope} (package)`;
}

/**
 * Where a frame's code came from: a file of the app (relative to the project), a package, or
 * for code bundled from a package's own sources (Prisma's runtime), that source's path.
 */
function origin(frame: CallFrame): { source: string; line?: number } {
  if (!frame.url) return { source: frame.functionName.startsWith("(") ? frame.functionName : "(native)" };
  if (frame.url.startsWith("node:")) return { source: "node: internals" };
  const file = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url;
  const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const mapping = entry && "originalSource" in entry ? entry : undefined;
  const source = mapping?.originalSource;
  if (!mapping || !source) return { source: packageOf(file) ?? path.relative(ROOT, file) };
  const resolved = path.resolve(path.dirname(file), source.replace(/^turbopack:\/\/\/(\[project\]\/)?/, ""));
  const inPackage = packageOf(resolved) ?? packageOf(file);
  if (inPackage) return { source: inPackage };
  // Source maps count lines from 0.
  if (resolved.startsWith(`${ROOT}/`))
    return { source: path.relative(ROOT, resolved), line: mapping.originalLine + 1 };
  return { source: `(bundled) ${source.replace(/^(\.\.\/)+/, "")}` };
}

/** An origin as a function listing shows it: with the line where the function starts, in app code. */
const placeOf = ({ source, line }: { source: string; line?: number }) =>
  line === undefined ? source : `${source}:${line}`;

/** The samples taken within `window` (microseconds on the profile's clock), or all of them. */
export function summarizeProfile(
  file: string,
  top = 25,
  window?: { fromUs: number; toUs: number },
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfByNode = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
  });
  if (window && selfByNode.size === 0) {
    throw new Error(
      `No samples of ${file} fall within ${window.fromUs}–${window.toUs} µs ` +
        `(the profile runs ${profile.startTime}–${profile.endTime}).`,
    );
  }
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byFunction = new Map<string, { name: string; where: string; selfMs: number }>();
  const bySource = new Map<string, number>();
  const appTotals = new Map<string, { name: string; where: string; totalMs: number }>();
  let totalMs = 0;
  for (const [id, micros] of selfByNode) {
    const frame = frameOf.get(id)!;
    const ms = micros / 1000;
    totalMs += ms;
    const from = origin(frame);
    const where = placeOf(from);
    const name = frame.functionName || "(anonymous)";
    const key = `${name}\u0000${where}`;
    const entry = byFunction.get(key) ?? { name, where, selfMs: 0 };
    entry.selfMs += ms;
    byFunction.set(key, entry);
    bySource.set(from.source, (bySource.get(from.source) ?? 0) + ms);
    // Each app function on this sample's stack, once however deep it recurses.
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const caller = frameOf.get(at)!;
      const callerFrom = origin(caller);
      if (!isAppSource(callerFrom.source)) continue;
      const callerWhere = placeOf(callerFrom);
      const callerName = caller.functionName || "(anonymous)";
      const callerKey = `${callerName}\u0000${callerWhere}`;
      if (counted.has(callerKey)) continue;
      counted.add(callerKey);
      const total = appTotals.get(callerKey) ?? { name: callerName, where: callerWhere, totalMs: 0 };
      total.totalMs += ms;
      appTotals.set(callerKey, total);
    }
  }
  return {
    totalMs,
    functions: [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    sources: [...bySource]
      .map(([source, selfMs]) => ({ source, selfMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
    appFunctions: [...appTotals.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, top),
  };
}

export function printProfileSummary(summary: ProfileSummary): void {
  const percent = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)} %`;
  console.log(`CPU profile: ${(summary.totalMs / 1000).toFixed(1)} s sampled.`);
  console.log("Self time by function:");
  for (const f of summary.functions) {
    console.log(`  ${percent(f.selfMs)}  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  [${f.where}]`);
  }
  console.log("Self time by source:");
  for (const s of summary.sources) {
    console.log(`  ${percent(s.selfMs)}  ${s.selfMs.toFixed(0).padStart(6)} ms  ${s.source}`);
  }
  console.log("The app's own functions by total time (their own and their callees', on the main thread):");
  for (const f of summary.appFunctions) {
    console.log(`  ${percent(f.totalMs)}  ${f.totalMs.toFixed(0).padStart(6)} ms  ${f.name}  [${f.where}]`);
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  // Several profiles (one per thread, as --cpu-prof writes them), then how many rows to print.
  const args = process.argv.slice(2);
  const top = args.length > 1 && /^\d+$/.test(args.at(-1)!) ? Number(args.pop()) : 25;
  if (args.length === 0) {
    console.error("Usage: tsx scripts/bench/cpu-profile-summary.ts <file.cpuprofile>... [top]");
    process.exit(2);
  }
  for (const file of args) {
    console.log(`── ${path.basename(file)}`);
    printProfileSummary(summarizeProfile(file, top));
  }
}
