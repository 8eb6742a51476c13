// Next in this process, behind an HTTP server of our own. In production the site's port belongs
// to the launcher's front thread (front.ts): it settles the request context (client address,
// request id, access log) and answers hits from the memory of public answers (page-memory.ts:
// without Next, even while the database is down); everything else reaches Next's server in this
// thread, over a private socket. (In development there is no memory, and Next's server takes the
// port itself.) Before Next sees a request, it passes, in order: the filling of that memory
// (page-memory-fill.ts), compression, the security headers, the status a rewrite asks for
// (answer-status.ts), Cache-Control lifetimes cut to the next expiry (cache-lifetime.ts), the
// path check (no malformed escapes reach Next's router), the cross-site guard, the benchmark
// pages' gate (404 unless the benchmark started the server) and the database-availability check
// (503 during an outage) (`next start` would keep any client's X-Forwarded-For). Last, in
// production, the routes the launcher answers itself (direct-routes.ts).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import compression from "compression";
import next from "next";
import { whenDatabaseAvailable } from "@/lib/platform/database/availability";
import type { Logger } from "@/lib/platform/logger";
import { loggablePath } from "./access-log";
import { withBenchPages } from "./bench-pages";
import { buildDir } from "./build-dir";
import { withDirectRoutes } from "./direct-routes";
import { assertBuildMatches, readBuildIdentity, type BuildIdentity } from "./build-identity";
import { withCrossSiteGuard } from "@/lib/platform/http/cross-site";
import { startFront, type Front } from "./front";
import { closeServer, listen } from "./listening";
import { countNextRequests } from "./next-request-count";
import { withRequestContext, type Handler } from "./request-handler";
import { withAnswerStatus } from "./answer-status";
import { withCacheLifetime } from "./cache-lifetime";
import { keepPublicAnswers } from "./page-memory-fill";
import { withSecurityHeaders } from "./security-headers";
import { withWellFormedPath } from "./well-formed-path";

export interface NextHttpServer {
  /** Stops accepting connections, lets requests under way finish (up to a grace period), stops Next. */
  close(): Promise<void>;
}

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
  // Before Next loads: the front hears of every invalidation from the first.
  const front: Front | null = dev
    ? null
    : startFront(
        {
          port,
          trustedProxies: [...trustedProxies],
          pageMemoryBytes: options.pageMemoryBytes,
          cdnTags: options.cdnTags,
          exposeNextRequestCount,
          logLevel: logger.level,
        },
        (error) => {
          // Without it the site has no server: stop, for the supervisor to start it again.
          console.error("The front thread failed:", error);
          process.exit(1);
        },
      );
  // hostname/port are where Next believes it runs, as `next start` tells it.
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  const logFailure = (error: unknown, request: IncomingMessage) =>
    logger.error({ err: error, path: loggablePath(request.url) }, "request failed");
  const handleNext: Handler = (request, response) =>
    handle(request, response).catch((error: unknown) => {
      logFailure(error, request);
      if (response.headersSent) response.destroy();
      else {
        response.statusCode = 500;
        response.end("Internal Server Error");
      }
    });
  const handleApp = dev
    ? handleNext
    : withDirectRoutes(handleNext, { siteOrigin, onError: logFailure, label: exposeNextRequestCount });
  const handleInner = keepPublicAnswers(
    withSecurityHeaders(
      withAnswerStatus(
        withCacheLifetime(
          withWellFormedPath(
            withCrossSiteGuard(withBenchPages(whenDatabaseAvailable(handleApp), { serve: serveBenchPages }), {
              siteOrigin,
            }),
          ),
        ),
      ),
      { dev },
    ),
    { maxBytes: options.pageMemoryBytes, cdnTags: options.cdnTags, kept: front?.keep },
  );
  // Compression wraps the response before the memory copies the body, so the copy is the body as
  // it leaves (after the nonce rewrite) but not yet compressed; Next's own is off (next.config.ts).
  // A hit from memory carries its own encodings.
  const compress = compression();
  const handleCompressed: Handler = (request, response) =>
    compress(request as never, response as never, () => void handleInner(request, response));

  if (front) {
    // Every request here came through the front, which settled its context. Its connections stay
    // open while idle: closing one just as the front reuses it would fail that request.
    server.keepAliveTimeout = 0;
    server.on("request", handleCompressed);
    await listen(server, front.nextSocket);
    await front.listen();
  } else {
    const counted = countNextRequests(handleCompressed, exposeNextRequestCount);
    server.on("request", withRequestContext(counted.toNext, { trustedProxies, logger }));
    await listen(server, port);
  }
  return {
    async close() {
      await front?.close();
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
