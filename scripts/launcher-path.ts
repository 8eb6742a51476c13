// Where `npm run build` puts the bundled launcher (scripts/build-launcher.ts): inside the Next
// build it serves, so that one NEXT_DIST_DIR names both.
import path from "node:path";

export function launcherDir(distDir = process.env.NEXT_DIST_DIR || ".next"): string {
  return path.resolve(distDir, "launcher");
}
