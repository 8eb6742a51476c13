// Copies every stored file from one backend to another (npm run media:migrate) and proves each
// copy by reading it back from the target and comparing its SHA-256 with the source's. A file
// the target already holds with the same SHA-256 is skipped, so running it again after an
// interruption (or twice) copies only what is missing or differs.
import { createHash } from "node:crypto";
import type { Storage } from "./storage";

export interface CopyFailure {
  key: string;
  reason: string;
}

export interface CopyReport {
  /** Files in the source. */
  total: number;
  /** Written to the target and verified. */
  copied: number;
  /** Already in the target with the same SHA-256. */
  skipped: number;
  failed: CopyFailure[];
}

/** The SHA-256 of an object as `storage` streams it, or null when it holds no such key. */
export async function storedSha256(storage: Storage, key: string): Promise<string | null> {
  const opened = await storage.open(key);
  if (!opened) return null;
  const hash = createHash("sha256");
  for await (const chunk of opened.stream as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest("hex");
}

export async function copyBetweenStorages(
  from: Storage,
  to: Storage,
  onFile: (key: string, outcome: "copied" | "skipped" | "failed") => void = () => {},
): Promise<CopyReport> {
  const report: CopyReport = { total: 0, copied: 0, skipped: 0, failed: [] };
  for await (const key of from.keys()) {
    report.total += 1;
    try {
      const source = await from.get(key);
      // Listed but gone by now (deleted while the copy ran): nothing to copy.
      if (!source) {
        report.total -= 1;
        continue;
      }
      const expected = createHash("sha256").update(source.bytes).digest("hex");
      // A target copy that cannot be read whole (one S3 finds damaged, say) is copied again.
      const present = await storedSha256(to, key).catch(() => null);
      if (present === expected) {
        report.skipped += 1;
        onFile(key, "skipped");
        continue;
      }
      await to.put(key, source.bytes, source.contentType);
      const written = await storedSha256(to, key);
      if (written !== expected) {
        throw new Error(`SHA-256 of the copy is ${written ?? "missing"}, expected ${expected}`);
      }
      report.copied += 1;
      onFile(key, "copied");
    } catch (error) {
      report.failed.push({ key, reason: error instanceof Error ? error.message : String(error) });
      onFile(key, "failed");
    }
  }
  return report;
}
