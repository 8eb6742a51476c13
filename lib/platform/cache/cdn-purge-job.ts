// Purging a CDN in front of the site (docs/production.md). With CDN_PURGE_URL set, every
// invalidation (invalidate.ts) queues a job naming the invalidated tags in the form the answers
// carry them (cdn-tags.ts); the job POSTs
//   { "tags": ["all", "articles", "article:…"] }
// to CDN_PURGE_URL, signed as webhooks are (Crosscurrent-Signature: t=…,v1=HMAC-SHA256 of
// "<t>.<body>" under CDN_PURGE_SECRET), with CDN_PURGE_AUTHORIZATION as its Authorization header
// when set. Anything but a 2xx within the timeout fails the attempt, and the queue retries it with
// exponential backoff. A withdrawal's purge is queued at a higher priority, so it goes ahead of
// every ordinary purge waiting with it. Without CDN_PURGE_URL nothing is queued, and this
// instance does not even work on the queue.
import { now } from "@/lib/platform/clock";
import { env } from "@/lib/platform/env";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/platform/http/signature";
import { defineJob, type JobDefinition } from "@/lib/platform/jobs/define-job";
import { enqueueJob } from "@/lib/platform/jobs/enqueue-job";

export const CDN_PURGE_JOB = "cdn.purge";
/** Most tags in one purge request (Cloudflare takes 100 per call; Fastly 256). */
export const TAGS_PER_PURGE = 100;
export const PURGE_TIMEOUT_MS = 10_000;
/**
 * Retries after the first attempt: 2 s doubling (jittered) — the last about four minutes after the
 * change. Past that, the answers' own lifetimes (s-maxage 30 s) have long ended the copies.
 */
export const PURGE_RETRY_LIMIT = 7;
export const PURGE_PRIORITY = { withdrawal: 10, ordinary: 0 } as const;

export interface CdnPurgeData {
  tags: string[];
}

/** The job's definition, made on first use (so an instance without a CDN runs no worker for it). */
export function cdnPurgeJob(): JobDefinition<CdnPurgeData> {
  return defineJob<CdnPurgeData>(CDN_PURGE_JOB, ({ tags }) => purgeCdn(tags), {
    retryLimit: PURGE_RETRY_LIMIT,
    retryDelaySeconds: 2,
    retryBackoff: true,
    expireInSeconds: PURGE_TIMEOUT_MS / 1000 + 5,
    pollingIntervalSeconds: 1,
  });
}

/** Queues the purge of `tags` (CDN form), in requests of at most TAGS_PER_PURGE; nothing without CDN_PURGE_URL. */
export async function enqueueCdnPurge(
  tags: readonly string[],
  options: { withdrawal: boolean },
): Promise<void> {
  if (env.CDN_PURGE_URL === undefined || tags.length === 0) return;
  const priority = options.withdrawal ? PURGE_PRIORITY.withdrawal : PURGE_PRIORITY.ordinary;
  for (let i = 0; i < tags.length; i += TAGS_PER_PURGE) {
    await enqueueJob(cdnPurgeJob(), { tags: tags.slice(i, i + TAGS_PER_PURGE) }, { priority });
  }
}

export class PurgeFailed extends Error {}

/** One attempt: POSTs the signed purge; throws (so the queue retries) unless the answer is a 2xx. */
export async function purgeCdn(tags: readonly string[]): Promise<void> {
  const url = env.CDN_PURGE_URL;
  const secret = env.CDN_PURGE_SECRET;
  if (url === undefined || secret === undefined || tags.length === 0) return; // turned off since
  const body = JSON.stringify({ tags });
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": "Crosscurrent-Purge/1",
    [SIGNATURE_HEADER]: signatureHeader(secret, body, now()),
  };
  if (env.CDN_PURGE_AUTHORIZATION !== undefined) headers.Authorization = env.CDN_PURGE_AUTHORIZATION;
  let status: number;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause?.message;
    throw new PurgeFailed(`The CDN purge failed: ${(error as Error).message}${cause ? ` (${cause})` : ""}.`);
  }
  if (status < 200 || status >= 300) throw new PurgeFailed(`The CDN purge endpoint answered ${status}.`);
}
