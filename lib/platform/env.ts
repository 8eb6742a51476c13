// The environment, parsed once. Everything else imports `env` rather than reading process.env.
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL URL. The launcher (scripts/serve.ts) sets it to the embedded database when unset. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters")),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the site, for canonical URLs, feeds and sign-in redirects. */
  SITE_URL: optional(z.url()),
  SEED_ADMIN_EMAIL: optional(z.email()),
  SEED_ADMIN_PASSWORD: optional(z.string().min(12, "SEED_ADMIN_PASSWORD must be at least 12 characters")),
  /** Where the embedded database, uploads and the local auth secret live. */
  DATA_DIR: z.string().default(".data"),
  /** Comma-separated IPs of the reverse proxies whose X-Forwarded-For and X-Request-Id are trusted. */
  TRUSTED_PROXY: optional(z.string()),
  /** pino level for the server's logs; "silent" turns the access log off. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Redis for the shared page cache (lib/platform/cache/shared-store.ts): every instance reads the
   * pages any of them rendered. Unset: each instance caches in its own memory and disk.
   */
  REDIS_URL: optional(
    z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL" }),
  ),
  /** Prefix of every key the site writes in Redis, so that several sites (or test runs) can share one. */
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default("crosscurrent:"),
  /**
   * Where uploads and evidence are stored: "local" (DATA_DIR/uploads, one instance), "postgres"
   * (the database, read by every instance) or "s3" (a bucket of S3 or an S3-compatible service,
   * the S3_* settings). `npm run media:migrate` copies between them.
   */
  MEDIA_STORAGE: z.enum(["local", "postgres", "s3"]).default("local"),
  /** The S3-compatible service's endpoint (MinIO, R2, …); unset for AWS S3 itself. */
  S3_URL: optional(z.url({ protocol: /^https?$/, error: "S3_URL must be an http:// or https:// URL" })),
  /** The bucket; required with MEDIA_STORAGE=s3 (and for `media:migrate` to or from s3). */
  S3_BUCKET: optional(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, '.' or '-'",
      ),
  ),
  S3_REGION: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^[a-z0-9-]+$/, "S3_REGION must be a region name such as us-east-1 (or auto for R2)")
      .default("us-east-1"),
  ),
  /** Static credentials, both or neither; neither leaves them to the AWS SDK (its AWS_* variables, a role). */
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  /** Address the bucket as a path (endpoint/bucket/key) rather than a host name; default: true when S3_URL is set. */
  S3_FORCE_PATH_STYLE: optional(z.stringbool()),
  /** Where Crosscurrent's keys start inside the bucket, e.g. `sites/crosscurrent`, to share one bucket. */
  S3_PREFIX: optional(
    z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*\/?$/,
        "S3_PREFIX must be folder names (letters, digits, '.', '_', '-') joined by '/', e.g. sites/crosscurrent",
      ),
  ),
  /**
   * Fixed at build time (next.config.ts): the same on every instance of one release, a new one per
   * release, so a browser holding another release's pages reloads instead of mixing them.
   */
  NEXT_DEPLOYMENT_ID: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, "NEXT_DEPLOYMENT_ID: up to 64 letters, digits, '.', '_' or '-'"),
  ),
  /**
   * Server actions' key (base64 of 16, 24 or 32 bytes), read by Next at build time (it salts the
   * action ids) and at run time (it encrypts bound arguments). The same on every instance.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optional(
    z
      .base64("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 (e.g. `openssl rand -base64 32`)")
      .refine(
        (key) => [16, 24, 32].includes(Buffer.from(key, "base64").length),
        "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must decode to 16, 24 or 32 bytes (e.g. `openssl rand -base64 32`)",
      ),
  ),
  /** Serve the benchmark's yardstick pages (/bench-static/*); set by `npm run bench` only. */
  SERVE_BENCH_PAGES: optional(z.stringbool()),
  /** MiB of memory for public answers the launcher serves itself (lib/platform/server/page-memory.ts); 0 turns it off. */
  PAGE_MEMORY_MB: z.coerce.number().int().min(0).max(4096).default(48),
  /** Tests only: every response says how many requests reached Next so far (X-Next-Request-Count). */
  EXPOSE_NEXT_REQUEST_COUNT: optional(z.stringbool()),
  /** smtp:// or smtps:// URL of the mail relay (credentials in the URL). Unset: no mail is sent. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  /** The From address of the site's mail; defaults to no-reply at SITE_URL's host. */
  MAIL_FROM: optional(z.string().min(3)),
  /** Let webhooks reach private, loopback and link-local addresses (a receiver on the same network). */
  WEBHOOK_ALLOW_PRIVATE: optional(z.stringbool()),
  /** Seconds before a failed webhook delivery's first retry; each later retry waits about twice as long. */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Where the server asks a CDN to purge tags (lib/platform/cache/cdn-purge-job.ts, docs/production.md):
   * a signed JSON POST of `{ "tags": [...] }` through the job queue. Unset: nothing is purged.
   */
  CDN_PURGE_URL: optional(
    z.url({ protocol: /^https?$/, error: "CDN_PURGE_URL must be an http:// or https:// URL" }),
  ),
  /** The secret the purge request is signed with (Crosscurrent-Signature); required with CDN_PURGE_URL. */
  CDN_PURGE_SECRET: optional(
    z.string().min(32, "CDN_PURGE_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)"),
  ),
  /** Sent as the purge request's Authorization header, e.g. `Bearer <token>` for Cloudflare's API. */
  CDN_PURGE_AUTHORIZATION: optional(z.string().min(1)),
  /** Business days (Mon–Fri, UTC) a counter-notice waits before the rights sweep restores the articles. */
  NOTICE_RESTORE_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Hours within which a takedown notice should be decided; older open cases show as overdue. */
  NOTICE_TARGET_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
});

// Settings that only make sense together.
const CheckedEnvSchema = EnvSchema.superRefine((value, context) => {
  if (value.CDN_PURGE_URL !== undefined && value.CDN_PURGE_SECRET === undefined) {
    context.addIssue({
      code: "custom",
      path: ["CDN_PURGE_SECRET"],
      message: "CDN_PURGE_SECRET is required when CDN_PURGE_URL is set: purge requests are signed with it",
    });
  }
  if (value.MEDIA_STORAGE === "s3" && value.S3_BUCKET === undefined) {
    context.addIssue({
      code: "custom",
      path: ["S3_BUCKET"],
      message: "S3_BUCKET is required when MEDIA_STORAGE=s3: the bucket that keeps media and evidence",
    });
  }
  if ((value.S3_ACCESS_KEY_ID === undefined) !== (value.S3_SECRET_ACCESS_KEY === undefined)) {
    context.addIssue({
      code: "custom",
      path: [value.S3_ACCESS_KEY_ID === undefined ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY"],
      message:
        "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS SDK's own credentials",
    });
  }
});

type ParsedEnv = z.infer<typeof EnvSchema>;
export type Env = Omit<ParsedEnv, "SITE_URL" | "S3_FORCE_PATH_STYLE"> & {
  SITE_URL: string;
  S3_FORCE_PATH_STYLE: boolean;
};

/** The settings in `source`, or an error naming every problem (exported for its tests). */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = CheckedEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const { SITE_URL, S3_FORCE_PATH_STYLE, ...rest } = result.data;
  return {
    ...rest,
    SITE_URL: SITE_URL ?? `http://localhost:${rest.PORT}`,
    // S3-compatible services mostly answer at one host; AWS S3 prefers the bucket's own host name.
    S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE ?? rest.S3_URL !== undefined,
  };
}

export const env = parseEnv(process.env);
