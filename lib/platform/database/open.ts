// Which PostgreSQL the app uses, decided in one place: DATABASE_URL when set, otherwise the
// embedded one with its data in DATA_DIR.
import path from "node:path";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort?: number;
}): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    await assertReachable(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, close: async () => {} };
  }
  const unlock = await lockDataDir(options.dataDir);
  try {
    // Loaded only here: a server on DATABASE_URL never carries PGlite's WebAssembly.
    const { startEmbeddedDatabase } = await import("./embedded");
    const embedded = await startEmbeddedDatabase({
      dataDir: path.join(options.dataDir, "pglite"),
      port: options.embeddedPort,
    });
    return {
      url: embedded.url,
      embedded: true,
      close: async () => {
        await embedded.stop();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** Fails within `timeoutMs` with one line naming the host and port. */
export async function assertReachable(url: string, timeoutMs = 8000): Promise<void> {
  let where = "DATABASE_URL";
  let client: pg.Client | undefined;
  try {
    const { hostname, port } = new URL(url);
    where = `${hostname}:${port || 5432}`;
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    client.on("error", () => {});
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new DatabaseUnreachableError(
      `Cannot reach PostgreSQL at ${where} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`,
    );
  } finally {
    await client?.end().catch(() => {});
  }
}
