// No address, however broken, makes the site fail. Every route pattern in the build's manifest is
// tried with each dynamic segment (for a static route: one more segment) replaced by broken
// percent-escapes, overlong UTF-8, a lone surrogate, NUL, an over-long segment and traversals, by
// GET and HEAD (and POST under /api): all answer below 500, pages with the site's not-found page,
// /api with JSON.
import { request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { buildDir } from "@/lib/platform/server/build-dir";
import { mapLimit } from "../support/map-limit";

interface BrokenSegment {
  name: string;
  segment: string;
  /** Cannot be decoded, or decodes to what no address has: must be refused (400 or 404). */
  undecodable: boolean;
}

const BROKEN_SEGMENTS: BrokenSegment[] = [
  { name: "lone byte %ff", segment: "%ff", undecodable: true },
  { name: "bare %", segment: "%", undecodable: true },
  { name: "non-hex %zz", segment: "%zz", undecodable: true },
  { name: "truncated UTF-8 %e4%b8", segment: "%e4%b8", undecodable: true },
  { name: "overlong dot %c0%ae", segment: "%c0%ae", undecodable: true },
  { name: "overlong slash %c0%af", segment: "%c0%af", undecodable: true },
  { name: "overlong traversal", segment: "%c0%ae%c0%ae%c0%afetc%c0%afpasswd", undecodable: true },
  { name: "lone surrogate %ed%a0%80", segment: "%ed%a0%80", undecodable: true },
  { name: "NUL %00", segment: "%00", undecodable: true },
  { name: "NUL inside a slug", segment: "seed%00.html", undecodable: true },
  { name: "5,000-character segment", segment: "a".repeat(5000), undecodable: true },
  { name: "mixed", segment: "ok%ff%zz%c0%af..%2f%00%", undecodable: true },
  { name: "encoded traversal ..%2f", segment: "..%2f..%2fetc%2fpasswd", undecodable: false },
  { name: "encoded backslash traversal", segment: "..%5c..%5cwindows", undecodable: false },
  { name: "double-encoded %25ff", segment: "%25ff", undecodable: false },
];

const FILLER = "x";
// Readers are told apart by this header behind the trusted proxy: these requests use an address
// of their own, so any rate limit they meet is not one the other suites count on.
const CLIENT = { "x-forwarded-for": "192.0.2.201" };

/** Every route pattern the build knows: app routes, plus any the routes manifest lists besides. */
function routePatterns(): string[] {
  const dir = path.resolve(buildDir());
  const appPaths = JSON.parse(
    readFileSync(path.join(dir, "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  const manifest = JSON.parse(readFileSync(path.join(dir, "routes-manifest.json"), "utf8")) as {
    staticRoutes: { page: string }[];
    dynamicRoutes: { page: string }[];
  };
  const patterns = new Set([
    ...Object.values(appPaths),
    ...manifest.staticRoutes.map((r) => r.page),
    ...manifest.dynamicRoutes.map((r) => r.page),
  ]);
  return [...patterns].sort();
}

const isDynamic = (segment: string) => /^\[.+\]$/.test(segment);

/** The pattern's paths with `broken` in place of each dynamic segment in turn (after it, if none). */
function pathsFor(pattern: string, broken: string): string[] {
  const segments = pattern.split("/").slice(1);
  const dynamic = segments.flatMap((segment, index) => (isDynamic(segment) ? [index] : []));
  const fill = (at: number) =>
    "/" + segments.map((s, i) => (i === at ? broken : isDynamic(s) ? FILLER : s)).join("/");
  if (!dynamic.length) return [`${pattern === "/" ? "" : pattern}/${broken}`];
  return dynamic.map(fill);
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends `target` exactly as written (fetch would normalise the URL first). */
function send(base: URL, method: string, target: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method,
        path: target,
        headers: { ...CLIENT, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(method === "POST" ? "{}" : undefined);
  });
}

interface Probe {
  pattern: string;
  broken: BrokenSegment;
  method: string;
  target: string;
}

interface Outcome extends Probe {
  answer: Answer;
}

// Under /api, answered in their own formats for a person's browser rather than an API client:
// next-auth's endpoints (its redirects and text) and evidence downloads (plain-text refusals).
const OWN_FORMAT_API = [/^\/api\/auth\//, /^\/api\/admin\/authorizations\/evidence\/[^/]+$/];

/** What is wrong with an answer, or null. */
function problemWith({ target, method, broken, answer }: Outcome): string | null {
  const { status, contentType, body } = answer;
  if (status >= 500) return `${status}`;
  if (broken.undecodable && status !== 400 && status !== 404) return `${status}, not 400 or 404`;
  // A redirect: anonymous visitors to /admin go to the sign-in page.
  if (status >= 300 && status < 400) return null;
  // Next answers a method a route does not have with a bare 405, nothing to misread.
  if (!contentType) return status === 405 ? null : `${status} without a content type`;
  if (target.startsWith("/api/")) {
    if (!broken.undecodable && OWN_FORMAT_API.some((pattern) => pattern.test(target))) return null;
    if (!contentType.startsWith("application/json")) return `${status} ${contentType}, not JSON`;
    if (method === "HEAD") return null;
    const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (status >= 400 && !error) return `${status} JSON without an error`;
    if (broken.undecodable && (typeof error?.code !== "string" || typeof error.message !== "string")) {
      return `${status} error is not { code, message }: ${body.slice(0, 120)}`;
    }
    return null;
  }
  const html = contentType.startsWith("text/html");
  if (broken.undecodable && !html) return `${status} ${contentType}, not the site's page`;
  if (html && status >= 400 && method !== "HEAD" && !body.includes("Page not found")) {
    return `${status} HTML without the site's not-found page`;
  }
  return null;
}

describe("malformed URLs", () => {
  const patterns = routePatterns();
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    const base = new URL(inject("baseUrl"));
    const probes: Probe[] = patterns.flatMap((pattern) =>
      BROKEN_SEGMENTS.flatMap((broken) =>
        pathsFor(pattern, broken.segment).flatMap((target) =>
          ["GET", "HEAD", ...(pattern.startsWith("/api/") ? ["POST"] : [])].map((method) => ({
            pattern,
            broken,
            method,
            target,
          })),
        ),
      ),
    );
    outcomes = await mapLimit(probes, 4, async (probe) => ({
      ...probe,
      answer: await send(base, probe.method, probe.target),
    }));
    const failures = outcomes.filter((o) => o.answer.status >= 500).length;
    console.log(
      `malformed URLs: ${patterns.length} route patterns × ${BROKEN_SEGMENTS.length} broken segments = ` +
        `${patterns.length * BROKEN_SEGMENTS.length} pairs, ${outcomes.length} requests ` +
        `(each dynamic segment in turn; GET, HEAD, and POST under /api); 5xx: ${failures}`,
    );
  }, 600_000);

  it("tries every route pattern with every broken segment, and none answers 5xx", () => {
    const pairs = new Set(outcomes.map((o) => `${o.pattern} ${o.broken.name}`));
    expect(pairs.size).toBe(patterns.length * BROKEN_SEGMENTS.length);
    const requests = patterns.reduce((sum, pattern) => {
      const dynamic = pattern.split("/").filter(isDynamic).length;
      const methods = pattern.startsWith("/api/") ? 3 : 2;
      return sum + Math.max(1, dynamic) * methods * BROKEN_SEGMENTS.length;
    }, 0);
    expect(outcomes).toHaveLength(requests);
    expect(outcomes.filter((o) => o.answer.status >= 500).map((o) => `${o.method} ${o.target}`)).toEqual([]);
  });

  it("reads the route patterns from the build", () => {
    expect(patterns).toContain("/articles/[slug]");
    expect(patterns).toContain("/media/[...key]");
    expect(patterns).toContain("/api/v1/articles/[slug]");
    expect(patterns.length).toBeGreaterThan(30);
  });

  it.each(BROKEN_SEGMENTS.map((b) => [b.name, b] as const))(
    "answers every route with %s below 500, with the site's page or JSON",
    (_name, broken) => {
      const tried = outcomes.filter((o) => o.broken === broken);
      expect(tried.length).toBeGreaterThanOrEqual(patterns.length * 2);
      const wrong = tried.flatMap((o) => {
        const problem = problemWith(o);
        return problem ? [`${o.method} ${o.target.slice(0, 80)}: ${problem}`] : [];
      });
      expect(wrong).toEqual([]);
    },
  );

  it("answers every route with broken query strings below 500", async () => {
    const base = new URL(inject("baseUrl"));
    const probes = patterns.flatMap((pattern) => {
      const route = pattern.replace(/\[[^\]]+\]/g, FILLER);
      return BROKEN_SEGMENTS.map((broken) => {
        const value = broken.segment.slice(0, 1000);
        return `${route}?q=${value}&page=${value}&${value}=1`;
      });
    });
    const answers = await mapLimit(probes, 4, async (target) => ({
      target,
      status: (await send(base, "GET", target)).status,
    }));
    console.log(
      `malformed query strings: ${patterns.length} route patterns × ${BROKEN_SEGMENTS.length} broken values = ` +
        `${answers.length} requests; 5xx: ${answers.filter((a) => a.status >= 500).length}`,
    );
    expect(answers).toHaveLength(patterns.length * BROKEN_SEGMENTS.length);
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.target.slice(0, 80)}`)).toEqual(
      [],
    );
  }, 300_000);

  it("answers the addresses from the report as a reader and an API client expect", async () => {
    const base = new URL(inject("baseUrl"));
    for (const target of [
      "/articles/%ff",
      "/tags/%ff",
      "/feeds/tags/%ff",
      "/media/%c0%ae%c0%ae/etc/passwd",
    ]) {
      const answer = await send(base, "GET", target);
      expect(answer.status, target).toBe(404);
      expect(answer.contentType, target).toMatch(/^text\/html/);
      expect(answer.body, target).toContain("Page not found");
    }
    const api = await send(base, "GET", "/api/v1/articles/%ff");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: "MALFORMED_URL", message: expect.stringContaining("percent-escape") },
    });
    const unknown = await send(base, "GET", "/api/v1/no-such-endpoint");
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
