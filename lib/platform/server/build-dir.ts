// Where the production build is: NEXT_DIST_DIR when set (separate builds side by side, e.g. one
// per working copy of the test suite), .next otherwise, as next.config.ts sets Next's distDir.
import path from "node:path";

export function buildDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** The launcher `npm run build` bundles (scripts/build-launcher.ts), inside the build it serves. */
export function launcherDir(dir = buildDir()): string {
  return path.resolve(dir, "launcher");
}
