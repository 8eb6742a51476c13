// A TCP relay between the app and PostgreSQL that counts the SQL statements the app sends, for
// `npm run bench -- --statements`. It reads only the client's side of the wire protocol: a simple
// Query ('Q') is one statement, and so is each Execute ('E') of the extended protocol, whose text
// comes from the Parse ('P') its portal was bound ('B') to. Bytes pass through unchanged.
import { createConnection, createServer, type Server, type Socket } from "node:net";

// The untyped requests a client may send before its startup message.
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export interface StatementCounter {
  /** A connection string like `databaseUrl`, pointing at the relay. */
  url: string;
  /** Statements since the last reset, by their text (whitespace collapsed). */
  counts(): Map<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Follows one client connection's messages and reports each statement it executes. */
function clientParser(onStatement: (text: string) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  let started = false;
  const statements = new Map<string, string>(); // prepared statement name → text
  const portals = new Map<string, string>(); // portal name → statement name
  const cstring = (payload: Buffer, from: number): [string, number] => {
    const end = payload.indexOf(0, from);
    return [payload.toString("utf8", from, end), end + 1];
  };
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        started = code !== SSL_REQUEST && code !== GSSENC_REQUEST;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0]!);
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      const payload = buffer.subarray(5, 1 + length);
      buffer = buffer.subarray(1 + length);
      if (type === "Q") {
        onStatement(cstring(payload, 0)[0]);
      } else if (type === "P") {
        const [name, next] = cstring(payload, 0);
        statements.set(name, cstring(payload, next)[0]);
      } else if (type === "B") {
        const [portal, next] = cstring(payload, 0);
        portals.set(portal, cstring(payload, next)[0]);
      } else if (type === "E") {
        const [portal] = cstring(payload, 0);
        onStatement(statements.get(portals.get(portal) ?? "") ?? "(unknown prepared statement)");
      }
    }
  };
}

/** Starts a relay to the server of `databaseUrl`; resolves once it listens. */
export async function startStatementCounter(databaseUrl: string): Promise<StatementCounter> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  let counts = new Map<string, number>();
  let total = 0;
  const sockets = new Set<Socket>();
  const count = (text: string) => {
    const key = text.replace(/\s+/g, " ").trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total += 1;
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: targetPort });
    sockets.add(client).add(upstream);
    const parse = clientParser(count);
    client.on("data", (chunk: Buffer) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("The statement counter has no port.");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    counts: () => new Map(counts),
    total: () => total,
    reset() {
      counts = new Map();
      total = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
