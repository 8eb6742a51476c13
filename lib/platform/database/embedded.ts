// The embedded PostgreSQL (PGlite, compiled to WebAssembly) served on a loopback port, so the
// app and its tools talk to it over the ordinary PostgreSQL protocol, exactly as to a server.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepClientTurnsWhole } from "./pglite-turns";
import { EMBEDDED_APPLICATION_NAME } from "./embedded-url";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with its data in `dataDir` (or in memory when null) on 127.0.0.1:`port`
 * (0 picks a free port).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string | null;
  port?: number;
}): Promise<EmbeddedDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? undefined, { extensions: { pg_trgm } });
  // Clients share one PGlite session; the server queues their messages and keeps each client's
  // transactions and query batches whole (pglite-turns.ts).
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 100,
  });
  keepClientTurnsWhole(server);
  await server.start();
  const [, port] = server.getServerConn().split(":");
  return {
    // Named so that its clients know it, in any process (embedded-url.ts).
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
