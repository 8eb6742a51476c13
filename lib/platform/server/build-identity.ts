// Several instances answer as one site only if they run the same build with the same server-
// actions key: Next salts every action's id with the key the build was made with and encrypts
// bound arguments with the key it runs with, and a form rendered by one instance is posted to
// whichever instance the load balancer picks. The deployment id is fixed at build time too (it is
// written into the client code). So the launcher refuses to serve a build whose key or deployment
// id differs from what this instance's configuration says, rather than failing later, one form at
// a time, on another instance.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface BuildIdentity {
  /** The server-actions key the build was made with (from NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, or generated). */
  encryptionKey: string | undefined;
  deploymentId: string | undefined;
}

/** The key and deployment id a production build in `distDir` was made with. */
export function readBuildIdentity(distDir: string): BuildIdentity {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { encryptionKey?: string };
  const serverFiles = JSON.parse(readFileSync(path.join(distDir, "required-server-files.json"), "utf8")) as {
    config?: { deploymentId?: string };
  };
  return {
    encryptionKey: manifest.encryptionKey,
    deploymentId: serverFiles.config?.deploymentId || undefined,
  };
}

/**
 * Throws, naming the setting, when `configured` sets a key or deployment id other than the one the
 * build was made with. Unset values are not checked: the build's own then apply.
 */
export function assertBuildMatches(
  build: BuildIdentity,
  configured: { encryptionKey?: string; deploymentId?: string },
): void {
  if (configured.encryptionKey && configured.encryptionKey !== build.encryptionKey) {
    throw new Error(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY differs from the key this build was made with: run `npm run build` with the same value, so that every instance accepts the others' forms.",
    );
  }
  if (configured.deploymentId && configured.deploymentId !== build.deploymentId) {
    throw new Error(
      `NEXT_DEPLOYMENT_ID is ${configured.deploymentId} but this build was made with ${build.deploymentId ?? "none"}: run \`npm run build\` with the same value.`,
    );
  }
}
