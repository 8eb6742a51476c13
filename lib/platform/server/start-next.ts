// Next in this process, behind an HTTP server of our own. Every request passes, in order: the
// request context (client address, request id, access log), the memory of public answers
// (page-memory.ts: a hit is answered there, without Next, even while the database is down),
// compression, the security headers, the status a rewrite asks for (answer-status.ts),
// Cache-Control lifetimes cut to the next expiry (cache-lifetime.ts), the path check (no
// malformed escapes reach Next's router), the cross-site guard, the benchmark pages' gate (404
// unless the benchmark started the server) and the database-availability check (503 during an
// outage) before Next sees it (`next start` would keep any client's X-Forwarded-For).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import compression from "compression";
import next from "next";
import { whenDatabaseAvailable } from "@/lib/platform/database/availability";
import type { Logger } from "@/lib/platform/logger";
import { loggablePath } from "./access-log";
import { withBenchPages } from "./bench-pages";
import { buildDir } from "./build-dir";
import { assertBuildMatches, readBuildIdentity, type BuildIdentity } from "./build-identity";
import { withCrossSiteGuard } from "@/lib/platform/http/cross-site";
import { withRequestContext, type Handler } from "./request-handler";
import { withAnswerStatus } from "./answer-status";
import { withCacheLifetime } from "./cache-lifetime";
import { createPageMemory } from "./page-memory";
import { withSecurityHeaders } from "./security-headers";
import { withWellFormedPath } from "./well-formed-path";

export interface NextHttpServer {
  /** Stops accepting connections, lets requests under way finish (up to a grace period), stops Next. */
  close(): Promise<void>;
}

export const NEXT_REQUEST_COUNT_HEADER = "X-Next-Request-Count";

// Requests still running after this long are cut off, well before an orchestrator's SIGKILL.
const SHUTDOWN_GRACE_MS = 8_000;

export async function startNextServer(options: {
  dev: boolean;
  port: number;
  /** SITE_URL's origin: writes may come from it too (lib/platform/http/cross-site.ts). */
  siteOrigin: string;
  trustedProxies: ReadonlySet<string>;
  /** Whether the benchmark's yardstick pages are served (see bench-pages.ts). */
  serveBenchPages: boolean;
  /** The server-actions key and deployment id configured for this instance (build-identity.ts). */
  buildIdentity: Partial<BuildIdentity>;
  /** Bytes of public answers the launcher keeps and answers itself (page-memory.ts); 0: none. */
  pageMemoryBytes: number;
  /** Whether public answers carry their cache tags for a CDN the site purges (CDN_PURGE_URL). */
  cdnTags: boolean;
  /** Tests only: every response says how many requests reached Next so far. */
  exposeNextRequestCount: boolean;
  logger: Logger;
}): Promise<NextHttpServer> {
  const { dev, port, siteOrigin, trustedProxies, serveBenchPages, logger, exposeNextRequestCount } = options;
  const server = createServer();
  if (!dev) {
    takeConfigFromBuild();
    assertBuildMatches(readBuildIdentity(path.join(process.cwd(), buildDir())), options.buildIdentity);
  }
  // hostname/port are where Next believes it runs, as `next start` tells it.
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  let nextRequests = 0;
  const handleNext: Handler = (request, response) => {
    nextRequests += 1;
    if (exposeNextRequestCount) response.setHeader(NEXT_REQUEST_COUNT_HEADER, String(nextRequests));
    return handle(request, response).catch((error: unknown) => {
      logger.error({ err: error, path: loggablePath(request.url) }, "request failed");
      if (response.headersSent) response.destroy();
      else {
        response.statusCode = 500;
        response.end("Internal Server Error");
      }
    });
  };
  const memory = createPageMemory({ maxBytes: dev ? 0 : options.pageMemoryBytes, cdnTags: options.cdnTags });
  const handleInner = memory.keep(
    withSecurityHeaders(
      withAnswerStatus(
        withCacheLifetime(
          withWellFormedPath(
            withCrossSiteGuard(
              withBenchPages(whenDatabaseAvailable(handleNext), { serve: serveBenchPages }),
              {
                siteOrigin,
              },
            ),
          ),
        ),
      ),
      { dev },
    ),
  );
  // Compression wraps the response before the memory copies the body, so the copy is the body as
  // it leaves (after the nonce rewrite) but not yet compressed; Next's own is off (next.config.ts).
  // A hit from memory carries its own encodings.
  const compress = compression();
  const handleSafely = withRequestContext(
    (request, response) => {
      if (exposeNextRequestCount) response.setHeader(NEXT_REQUEST_COUNT_HEADER, String(nextRequests));
      if (memory.answer(request, response)) return;
      compress(request as never, response as never, () => void handleInner(request, response));
    },
    { trustedProxies, logger },
  );
  server.on("request", (request, response) => void handleSafely(request, response));
  await listen(server, port);
  return {
    async close() {
      await closeServer(server);
      await app.close();
    },
  };
}

/**
 * Has Next take its configuration as the build resolved it, as Next's own standalone server does,
 * instead of loading next.config.ts again: that would load its TypeScript compiler into this
 * process, and the memory it takes stays taken.
 */
function takeConfigFromBuild() {
  const distDir = buildDir();
  const manifest = path.join(process.cwd(), distDir, "required-server-files.json");
  let text: string;
  try {
    text = readFileSync(manifest, "utf8");
  } catch {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
  }
  const { config } = JSON.parse(text) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `Port ${port} is already in use.` : error.message));
    server.once("error", onError);
    // All interfaces, as `next start` listens by default.
    server.listen(port, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    // A keep-alive connection whose last request just finished would otherwise hold close() open
    // until its idle timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(cutOff);
      clearInterval(sweep);
      resolve();
    });
  });
}
