// The launcher's front thread (started by front.ts): the server the site's port belongs to. It
// settles every request's context (request-handler.ts: client address, request id, access log),
// answers what it can from the memory of public answers (page-memory.ts), and hands everything
// else to Next, which runs in the main thread behind a private socket (next-proxy.ts). Next's
// patches of this thread's globals and its async hooks are the main thread's alone, so a hit
// costs here about what a bare Node server spends on the same bytes.
// Everything it knows it hears from the main thread: answers to keep, which it makes entries of
// here (page-entry.ts), invalidations and the next expiry (front.ts, FrontMessage).
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { markInvalidated, noteNextExpiry } from "@/lib/platform/cache/registry";
import { createLogger, flushLogger } from "@/lib/platform/logger";
import type { FrontMessage, FrontOptions, FrontReport } from "./front";
import { closeServer, listen } from "./listening";
import { countNextRequests } from "./next-request-count";
import { proxyTo } from "./next-proxy";
import { makeEntry, type CapturedAnswer } from "./page-entry";
import { createPageMemory } from "./page-memory";
import { withRequestContext } from "./request-handler";

const mainThread = parentPort!;
const options = workerData as FrontOptions;
const report = (message: FrontReport) => mainThread.postMessage(message);

const logger = createLogger(options.logLevel);
const memory = createPageMemory({ maxBytes: options.pageMemoryBytes });
const next = proxyTo(options.nextSocket, (error) =>
  logger.error({ err: error }, "the front could not reach Next"),
);
const counted = countNextRequests(next, options.exposeNextRequestCount);
const server = createServer(
  withRequestContext(
    (request, response) => {
      counted.label(response);
      if (!memory.answer(request, response)) counted.toNext(request, response);
    },
    { trustedProxies: new Set(options.trustedProxies), logger },
  ),
);

// One entry made at a time per address: answers to the same miss arriving together make one.
const making = new Set<string>();
function keep(key: string, answer: CapturedAnswer) {
  if (making.has(key)) return;
  making.add(key);
  makeEntry(answer, options.cdnTags)
    .then((entry) => entry && memory.store(key, entry))
    .catch((error: unknown) => logger.error({ err: error }, "page memory: the answer could not be kept"))
    .finally(() => making.delete(key));
}

mainThread.on("message", (message: FrontMessage) => {
  switch (message.kind) {
    case "keep":
      keep(message.key, message.answer);
      break;
    case "invalidated":
      markInvalidated([message.tag], message.at);
      break;
    case "next-expiry":
      noteNextExpiry(message.at);
      break;
    case "listen":
      listen(server, options.port).then(
        () => report({ kind: "listening" }),
        (error: Error) => report({ kind: "failed", message: error.message }),
      );
      break;
    case "close":
      void closeServer(server)
        .then(() => next.close())
        .then(() => flushLogger(logger))
        .then(() => report({ kind: "closed" }));
      break;
  }
});
