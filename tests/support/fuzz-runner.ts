// Runs one boundary of the boundary fuzz over its generated inputs and checks every answer: no
// throw, no 5xx, a message with every 4xx, nothing written by a refusal, no polluted prototype.
// Tallies what was tried for the report.
import fc from "fast-check";
import { advanceClock } from "@/lib/platform/clock";
import type { Variant } from "./fuzz-arbitraries";
import { changedTables, fingerprint } from "./fuzz-db";
import type { Pool } from "./fuzz-fixtures";

export interface Outcome {
  status: number;
  /** What a person is told: the action's message, or the response's error text. */
  message: string;
  /** Tables this refusal writes by design (see fuzz-db.ts). */
  records?: string[];
}

export interface Boundary {
  /** "file#export" or "file#METHOD", or a page query schema's name. */
  id: string;
  runs: number;
  /** Generated from the pool of real rows read just before the run. */
  input: (pool: Pool) => fc.Arbitrary<[Variant, unknown]>;
  /** Whether the boundary's schema accepts this input. */
  accepts: (input: unknown) => boolean | Promise<boolean>;
  send: (input: unknown) => Promise<Outcome>;
}

export interface RunOptions {
  seed: number;
  /** Scales every boundary's number of inputs. */
  runsFactor: number;
  /** Where uploads are stored: a refusal must leave it as it was, too. */
  filesRoot: string;
}

/** What the run tried and found, for the report printed at the end. */
const tally = {
  boundaries: 0,
  inputs: 0,
  valid: 0,
  variants: { "well-formed": 0, broken: 0, junk: 0 } as Record<Variant, number>,
  /** Throws and 5xx answers. */
  serverErrors: 0,
  partialWrites: 0,
  /** 4xx without a message, a schema that threw, a polluted prototype. */
  otherProblems: 0,
  lines: [] as string[],
  /** 4xx answers in zod's own wording rather than the app's: readable, but not written for people. */
  genericMessages: new Map<string, Set<string>>(),
};

/** zod's default messages, e.g. "Invalid input: expected string, received undefined". */
const GENERIC_MESSAGE =
  /^(Invalid (input|option|string|format|element|key|union|date|type)\b|Too (big|small):|Unrecognized key)/;

/** A per-boundary seed: the same draws for a boundary whatever ran before it. */
function seedFor(id: string, seed: number): number {
  let hash = seed | 0;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash >>> 0;
}

/** An input, short enough for a failure message. */
export function show(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => {
      if (typeof value === "bigint") return `${value}n`;
      if (typeof value === "string" && value.length > 60) return `${value.slice(0, 60)}…(${value.length})`;
      if (Array.isArray(value) && value.length > 10) return `[array of ${value.length}]`;
      if (value instanceof File) return `File(${value.name.slice(0, 40)}, ${value.size} B)`;
      if (value instanceof Map || value instanceof Set) return `${value.constructor.name}(${value.size})`;
      if (typeof value === "number" && !Number.isFinite(value)) return String(value);
      return value;
    });
    return (text ?? String(input)).slice(0, 400);
  } catch (error) {
    return `<unprintable: ${(error as Error).message}>`;
  }
}

function prototypePolluted(): boolean {
  return (
    ({} as Record<string, unknown>).polluted !== undefined ||
    Object.keys(Object.prototype).length > 0 ||
    (Object.prototype as Record<string, unknown>).polluted !== undefined
  );
}

/** Feeds `boundary` its inputs; returns what went wrong (nothing, when all is well). */
export async function fuzz(boundary: Boundary, pool: Pool, options: RunOptions): Promise<string[]> {
  const problems: string[] = [];
  const problem = (kind: "serverErrors" | "partialWrites" | "otherProblems", text: string) => {
    tally[kind] += 1;
    problems.push(text);
  };
  const samples = fc.sample(boundary.input(pool), {
    seed: seedFor(boundary.id, options.seed),
    numRuns: Math.max(1, Math.round(boundary.runs * options.runsFactor)),
  });
  const statuses = new Map<number, number>();
  let valid = 0;
  for (const [variant, input] of samples) {
    const about = `on ${variant} ${show(input)}`;
    tally.variants[variant] += 1;
    try {
      if (await boundary.accepts(input)) valid += 1;
    } catch (error) {
      problem("otherProblems", `schema threw ${(error as Error).message} ${about}`);
    }
    // Past rate limits' shortest windows, so throttling does not hide the rest.
    advanceClock(20_000);
    const before = await fingerprint(options.filesRoot);
    let outcome: Outcome;
    try {
      outcome = await boundary.send(input);
    } catch (error) {
      const where = (error as Error).stack?.split("\n", 2).join(" ") ?? String(error);
      problem("serverErrors", `threw ${where} ${about}`);
      continue;
    }
    statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
    if (outcome.status >= 500) {
      problem("serverErrors", `answered ${outcome.status} "${outcome.message}" ${about}`);
    } else if (outcome.status >= 400 && !outcome.message.trim()) {
      problem("otherProblems", `answered ${outcome.status} with no message ${about}`);
    } else if (outcome.status >= 400 && GENERIC_MESSAGE.test(outcome.message)) {
      const seen = tally.genericMessages.get(boundary.id) ?? new Set<string>();
      tally.genericMessages.set(boundary.id, seen.add(outcome.message.slice(0, 80)));
    }
    if (outcome.status >= 400) {
      const changed = changedTables(before, await fingerprint(options.filesRoot)).filter(
        (table) => !outcome.records?.includes(table),
      );
      if (changed.length > 0) {
        problem("partialWrites", `refused (${outcome.status}) but wrote ${changed.join(", ")} ${about}`);
      }
    }
    if (prototypePolluted()) problem("otherProblems", `Object.prototype polluted ${about}`);
  }
  tally.boundaries += 1;
  tally.inputs += samples.length;
  tally.valid += valid;
  const answers = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  tally.lines.push(`  ${boundary.id}: ${samples.length} inputs (${valid} valid) → ${answers.join(" ")}`);
  return problems;
}

/** Which boundaries answered in zod's default wording: input that is not an object at all, or fields. */
function genericMessageReport(): string[] {
  const notAnObject = /^Invalid input: expected object, received/;
  const all = [...tally.genericMessages].map(([id, messages]) => [id, [...messages]] as const);
  const whole = all.filter(([, messages]) => messages.some((m) => notAnObject.test(m)));
  const fields = all
    .map(([id, messages]) => [id, messages.filter((m) => !notAnObject.test(m))] as const)
    .filter(([, messages]) => messages.length > 0);
  if (whole.length + fields.length === 0) return [];
  return [
    `Refusals in zod's default wording (readable, not failures): ${whole.length} boundaries answer input ` +
      `that is not an object with "Invalid input: expected object, received …"; by field:`,
    ...fields.map(([id, messages]) => `  ${id}: ${messages.slice(0, 2).join(" | ")}`),
  ];
}

/** The report: one line per boundary, then the totals. */
export function report({ seed, runsFactor }: Pick<RunOptions, "seed" | "runsFactor">): string {
  const { variants } = tally;
  return [
    "Boundary fuzz, per boundary (inputs, schema-valid, answers by status):",
    ...tally.lines,
    `Inputs by kind: ${variants["well-formed"]} well-formed, ${variants.broken} broken, ${variants.junk} junk; ` +
      `seed ${seed}, runs ×${runsFactor}` +
      (tally.otherProblems > 0 ? `; other problems: ${tally.otherProblems}` : ""),
    ...genericMessageReport(),
    `Fuzz: ${tally.boundaries} boundaries, ${tally.inputs} inputs (${tally.valid} schema-valid, ` +
      `${tally.inputs - tally.valid} invalid); 5xx/throws: ${tally.serverErrors}; partial writes: ${tally.partialWrites}`,
  ].join("\n");
}
