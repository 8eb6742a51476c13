// Which PostgreSQL the tests use: TEST_DATABASE_URL, else DATABASE_URL, else none (the
// embedded database). Tests create and drop databases, so they refuse anything not local.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function testServerUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    if (process.env.CI === "true") {
      throw new Error(
        "CI=true but neither TEST_DATABASE_URL nor DATABASE_URL is set: tests need PostgreSQL. " +
          "`npm test` finds the local server itself (scripts/test.ts).",
      );
    }
    return null;
  }
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Tests create and drop databases; refusing non-local database host "${host}".`);
  }
  return url;
}

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}
