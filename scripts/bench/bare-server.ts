// The benchmark's "bare Node" yardstick (scripts/bench/site.ts): a plain node:http server in a
// process of its own, answering each route's bytes, exactly as the app sent them (same encoding),
// from memory, with the same validator, and 304 when If-None-Match names it. Nothing else: no
// routing beyond one map lookup, no logging, no per-request headers of any kind.
// Usage: tsx scripts/bench/bare-server.ts <manifest.json> <port>; the manifest lists
// { path, file, headers } and the server prints "ready" once listening.
import { readFileSync } from "node:fs";
import { createServer, type OutgoingHttpHeaders } from "node:http";

interface Route {
  path: string;
  file: string;
  headers: Record<string, string>;
}

const [manifestFile, port] = process.argv.slice(2);
if (!manifestFile || !port) {
  console.error("Usage: bare-server.ts <manifest.json> <port>");
  process.exit(2);
}
const answers = new Map<string, { body: Buffer; headers: OutgoingHttpHeaders; etag?: string }>();
for (const route of JSON.parse(readFileSync(manifestFile, "utf8")) as Route[]) {
  const body = readFileSync(route.file);
  answers.set(route.path, {
    body,
    headers: { ...route.headers, "content-length": body.length },
    etag: route.headers.etag,
  });
}

createServer((request, response) => {
  const answer = answers.get(request.url ?? "");
  if (!answer) {
    response.writeHead(404).end();
    return;
  }
  if (answer.etag !== undefined && request.headers["if-none-match"] === answer.etag) {
    response.writeHead(304, { etag: answer.etag }).end();
    return;
  }
  response.writeHead(200, answer.headers).end(answer.body);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
