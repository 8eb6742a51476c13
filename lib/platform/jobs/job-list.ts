import "server-only";
// What /admin/jobs shows: the queue's jobs, newest first, read from pg-boss's own table.
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { filterPage, filterText } from "@/lib/platform/list-filters";

export const JOB_PAGE_SIZE = 50;

/** The states staff filter by, each one or more of pg-boss's states. */
export const JOB_STATE_FILTERS = {
  queued: { label: "Queued", states: ["created", "retry"] },
  running: { label: "Running", states: ["active"] },
  failed: { label: "Failed", states: ["failed"] },
  completed: { label: "Completed", states: ["completed"] },
  cancelled: { label: "Cancelled", states: ["cancelled"] },
} as const;

export type JobStateFilter = keyof typeof JOB_STATE_FILTERS;

export const JobFiltersSchema = z.object({
  state: z
    .enum(Object.keys(JOB_STATE_FILTERS) as [JobStateFilter, ...JobStateFilter[]])
    .optional()
    .catch(undefined),
  name: filterText,
  page: filterPage,
});

export type JobFilters = z.infer<typeof JobFiltersSchema>;

export interface JobRow {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startAfter: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** The last failure's message, if any. */
  error: string | null;
}

interface RawJob {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
  error: string | null;
}

/** Jobs matching `filters`, and how many of each state the queue holds. */
export async function listJobs(filters: JobFilters) {
  if (!(await queueSchemaExists()))
    return { jobs: [], total: 0, pages: 1, counts: {} as Record<string, number> };
  const states: readonly string[] | null = filters.state ? JOB_STATE_FILTERS[filters.state].states : null;
  const name = filters.name ? `%${filters.name.replace(/[\\%_]/g, "\\$&")}%` : null;
  const offset = (filters.page - 1) * JOB_PAGE_SIZE;
  const [rows, totals, counts] = await Promise.all([
    db.$queryRaw<RawJob[]>`
      SELECT id::text, name, state::text, retry_count, retry_limit, created_on, start_after,
             started_on, completed_on, COALESCE(output->>'message', output->>'value') AS error
      FROM pgboss.job
      WHERE (${states}::text[] IS NULL OR state::text = ANY(${states}::text[]))
        AND (${name}::text IS NULL OR name ILIKE ${name})
      ORDER BY created_on DESC, id
      LIMIT ${JOB_PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM pgboss.job
      WHERE (${states}::text[] IS NULL OR state::text = ANY(${states}::text[]))
        AND (${name}::text IS NULL OR name ILIKE ${name})`,
    db.$queryRaw<{ state: string; count: number }[]>`
      SELECT state::text, count(*)::int AS count FROM pgboss.job GROUP BY state`,
  ]);
  const jobs: JobRow[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    state: row.state,
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    createdOn: row.created_on,
    startAfter: row.start_after,
    startedOn: row.started_on,
    completedOn: row.completed_on,
    error: row.state === "completed" ? null : row.error,
  }));
  return {
    jobs,
    total: totals[0]?.total ?? 0,
    pages: Math.max(1, Math.ceil((totals[0]?.total ?? 0) / JOB_PAGE_SIZE)),
    counts: Object.fromEntries(counts.map((c) => [c.state, c.count])) as Record<string, number>,
  };
}

/** pg-boss creates its schema when the queue first starts; before that there is nothing to list. */
async function queueSchemaExists(): Promise<boolean> {
  const rows = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
  return rows[0]?.exists ?? false;
}
