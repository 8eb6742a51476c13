import path from "node:path";
import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS } from "./lib/platform/http/fixed-security-headers";
import { KNOWN_LANGUAGES } from "./lib/platform/languages";

// The page cache's share of memory; pages beyond it are read back from disk.
const PAGE_CACHE_MEMORY_BYTES = 64 * 1024 * 1024;

// Public pages render per request. A CDN may keep them 30 s, and serve a stale copy up to 15 s
// more while it refetches: at worst 45 s, inside the promise that a withdrawn piece is gone
// within a minute. Browsers always revalidate.
const PUBLIC_CACHE = "public, max-age=0, s-maxage=30, stale-while-revalidate=15";
// Headers set here win over the ones a route handler sets itself (Next only adds a handler's
// header when none is set yet), so routes with a Cache-Control of their own are left out:
// /feed.xml and /feeds/* (lib/feeds/response.ts) and /api/v1/* (app/api/v1/_shared/http.ts,
// whose errors must stay no-store).
const PUBLIC_PATHS = [
  "/",
  "/articles/:path*",
  // Originals published beside their translations (lib/articles/paths.ts).
  `/:language(${KNOWN_LANGUAGES.join("|")})/articles/:path*`,
  "/tags/:path*",
  "/sources/:path*",
  "/authors/:path*",
  "/page/:path*",
  "/search/:path*",
  "/sitemap.xml",
];
const ARCHIVES = ["tags", "sources", "authors"];
// Staff screens and sign-in: never stored anywhere.
const PRIVATE_PATHS = ["/admin", "/admin/:path*", "/login", "/api/admin/:path*", "/api/auth/:path*"];

const nextConfig: NextConfig = {
  // Separate builds side by side (e.g. one per working copy of the test suite); the launcher and
  // the tests find the build the same way (lib/platform/server/build-dir.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // One id per release, the same on every instance (NEXT_DEPLOYMENT_ID at build time): a browser
  // holding pages of another release reloads rather than mixing the two. The server-actions key
  // (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) Next reads from the environment itself, at build and at
  // run time; the launcher refuses a build made with another key or id (build-identity.ts).
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  poweredByHeader: false,
  // The launcher compresses, after giving each HTML response its own script nonce; for the same
  // reason no ETag: a 304 would pair a new policy with a body holding an older nonce.
  compress: false,
  generateEtags: false,
  reactStrictMode: true,
  // Rendered public pages are cached (memory first, then disk) until an invalidation names a tag
  // they carry; see lib/platform/cache.
  cacheHandler: path.resolve(import.meta.dirname, "lib/platform/cache/page-cache-handler.mjs"),
  cacheMaxMemorySize: PAGE_CACHE_MEMORY_BYTES,
  // forbidden() for signed-in staff whose role does not reach a page.
  // global-not-found: the site has several root layouts (app/document.tsx), so no single one
  // frames the answer to an address no route matches.
  experimental: { authInterrupts: true, globalNotFound: true },
  // Server-only packages with WebAssembly or native parts: load them from node_modules as they are.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "sharp",
    // One Redis client per process, shared by the app and Next's cache handler.
    "@redis/client",
  ],
  // Public lists are cached per page, so their `?page=N` is a path segment inside the app.
  async rewrites() {
    const pageQuery = [{ type: "query" as const, key: "page", value: "(?<page>\\d{1,6})" }];
    // The home page's page 1 is `/` itself (app/(site)/page.tsx): only later pages go to /page/N.
    const laterPageQuery = [{ type: "query" as const, key: "page", value: "(?<page>[2-9]|[1-9]\\d{1,5})" }];
    return {
      beforeFiles: [
        { source: "/", has: laterPageQuery, destination: "/page/:page" },
        ...ARCHIVES.map((archive) => ({
          source: `/${archive}/:slug`,
          has: pageQuery,
          destination: `/${archive}/:slug/page/:page`,
        })),
      ],
    };
  },
  // Page 1 of the home page has one URL. (A redirect from the page itself would leave Next's cached
  // copy of it with its Location header twice.)
  async redirects() {
    return [{ source: "/page/1", destination: "/", permanent: true }];
  },
  // When several entries match a path, the later one's value for the same header wins.
  async headers() {
    return [
      { source: "/:path*", headers: FIXED_SECURITY_HEADERS },
      // Uploaded files keep the strict policy their route sets, which this one would replace.
      {
        source: "/media/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      ...PUBLIC_PATHS.map((source) => ({ source, headers: [{ key: "Cache-Control", value: PUBLIC_CACHE }] })),
      ...PRIVATE_PATHS.map((source) => ({
        source,
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      })),
    ];
  },
};

export default nextConfig;
