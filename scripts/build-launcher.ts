// The last step of `npm run build`: bundles the launcher (scripts/serve.ts and the lib modules it
// imports) into plain JavaScript inside the Next build, so that `npm start` runs it on Node alone,
// without tsx's compiler thread beside the server for its whole life. Packages stay imports from
// node_modules, and what the launcher loads late (Next, the embedded database) stays in separate
// files, still loaded late.
import { rm } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { launcherDir } from "@/lib/platform/server/build-dir";

const outdir = launcherDir();
// Chunk names carry a hash of their contents: the previous build's would stay beside these.
await rm(outdir, { recursive: true, force: true });
await build({
  // The front thread is a file of its own: lib/platform/server/front.ts starts it from beside the launcher.
  entryPoints: { serve: "scripts/serve.ts", "front-thread": "lib/platform/server/front-thread.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
console.log(`Launcher: ${path.relative(process.cwd(), outdir)}/serve.mjs`);
