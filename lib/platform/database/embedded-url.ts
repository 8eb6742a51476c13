// How a connection string says it leads to the embedded database (embedded.ts), so that any
// process handed one knows: its clients all share one PGlite session, so what a server keeps per
// connection (prepared statements: prepared-statements.ts) is shared there.

/** The application_name of the embedded database's connection strings. */
export const EMBEDDED_APPLICATION_NAME = "crosscurrent-embedded";

export function isEmbeddedDatabaseUrl(connectionString: string): boolean {
  try {
    return new URL(connectionString).searchParams.get("application_name") === EMBEDDED_APPLICATION_NAME;
  } catch {
    return false;
  }
}
