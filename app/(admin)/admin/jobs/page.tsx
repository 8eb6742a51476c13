import { ColumnHeads } from "@/components/ui/data-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import {
  JOB_STATE_FILTERS,
  JobFiltersSchema,
  listJobs,
  type JobStateFilter,
} from "@/lib/platform/jobs/job-list";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "Jobs" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATE_OPTIONS = (Object.keys(JOB_STATE_FILTERS) as JobStateFilter[]).map((value) => ({
  value,
  label: JOB_STATE_FILTERS[value].label,
}));

/** pg-boss's states, as the desk says them. */
const STATE_LABEL: Record<string, string> = {
  created: "Queued",
  retry: "Waiting to retry",
  active: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

const STATE_CLASS: Record<string, string> = {
  completed: "status-pill status-published",
  failed: "status-pill status-withdrawn",
};

const time = (at: Date | null) => (at ? at.toISOString().slice(0, 19).replace("T", " ") : "—");

export default async function JobsPage({ searchParams }: Props) {
  await requirePagePermission("jobs.read", "/admin/jobs");
  const filters = JobFiltersSchema.parse(await searchParams);
  const { jobs, total, pages, counts } = await listJobs(filters);
  const count = (filter: JobStateFilter) =>
    JOB_STATE_FILTERS[filter].states.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
  return (
    <>
      <h1>Jobs</h1>
      <p className="meta">
        Work the app does in the background: webhook deliveries, the rights sweep and scheduled publishing
        (every 30 s). A failed attempt is retried as its kind allows; finished jobs leave this list after a
        day (failed ones after a week).
      </p>
      <p>
        {(["queued", "running", "failed", "completed"] as const).map((filter, index) => (
          <span key={filter}>
            {index > 0 && " · "}
            <a href={`/admin/jobs?state=${filter}`}>
              {count(filter)} {JOB_STATE_FILTERS[filter].label.toLowerCase()}
            </a>
          </span>
        ))}
      </p>
      <FilterForm>
        <SelectFilter label="State" name="state" value={filters.state} options={STATE_OPTIONS} />
        <TextFilter label="Kind" name="name" value={filters.name} placeholder="webhooks.deliver" />
      </FilterForm>
      <p className="meta">{total} jobs</p>
      <table className="data-table">
        <ColumnHeads
          columns={["Queued (UTC)", "Kind", "State", "Attempts", "Started", "Finished", "Error"]}
        />
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-testid={`job-${job.id}`}>
              <td>{time(job.createdOn)}</td>
              <td>
                <code>{job.name}</code>
              </td>
              <td>
                <span className={STATE_CLASS[job.state] ?? "status-pill"}>
                  {STATE_LABEL[job.state] ?? job.state}
                </span>
                {job.state === "retry" && <div className="meta">from {time(job.startAfter)}</div>}
              </td>
              <td>
                {job.state === "created" ? 0 : job.retryCount + 1} of {job.retryLimit + 1}
                {job.retryCount > 0 && <div className="meta">retried {job.retryCount}×</div>}
              </td>
              <td>{time(job.startedOn)}</td>
              <td>{time(job.completedOn)}</td>
              <td className="break-anywhere">{job.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination path="/admin/jobs" filters={filters} page={filters.page} pages={pages} />
    </>
  );
}
