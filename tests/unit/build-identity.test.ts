// The launcher refuses a build made with another server-actions key or deployment id than this
// instance's configuration names, so instances that would reject each other's forms never start.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertBuildMatches, readBuildIdentity } from "@/lib/platform/server/build-identity";

const KEY = "q3Yl9Qk1m5d3c2hQ0dF0mC3oYVZ1c3m6L9m6g3o1Yb0=";
const OTHER_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function fakeBuild(encryptionKey: string, deploymentId?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crosscurrent-build-"));
  dirs.push(dir);
  await mkdir(path.join(dir, "server"));
  await writeFile(
    path.join(dir, "server", "server-reference-manifest.json"),
    JSON.stringify({ node: {}, edge: {}, encryptionKey }),
  );
  await writeFile(
    path.join(dir, "required-server-files.json"),
    JSON.stringify({ version: 1, config: deploymentId ? { deploymentId } : {} }),
  );
  return dir;
}

describe("build identity", () => {
  it("reads the key and deployment id a build was made with", async () => {
    expect(readBuildIdentity(await fakeBuild(KEY, "release-42"))).toEqual({
      encryptionKey: KEY,
      deploymentId: "release-42",
    });
    expect(readBuildIdentity(await fakeBuild(KEY))).toEqual({ encryptionKey: KEY, deploymentId: undefined });
  });

  it("accepts the same key and id, or none configured", () => {
    const build = { encryptionKey: KEY, deploymentId: "release-42" };
    expect(() => assertBuildMatches(build, { encryptionKey: KEY, deploymentId: "release-42" })).not.toThrow();
    expect(() => assertBuildMatches(build, {})).not.toThrow();
  });

  it("refuses another key, naming the setting and the fix", () => {
    expect(() =>
      assertBuildMatches({ encryptionKey: KEY, deploymentId: undefined }, { encryptionKey: OTHER_KEY }),
    ).toThrow(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY differs from the key this build was made with: run `npm run build` with the same value",
    );
  });

  it("refuses another deployment id", () => {
    expect(() =>
      assertBuildMatches({ encryptionKey: KEY, deploymentId: "release-41" }, { deploymentId: "release-42" }),
    ).toThrow("NEXT_DEPLOYMENT_ID is release-42 but this build was made with release-41");
    expect(() =>
      assertBuildMatches({ encryptionKey: KEY, deploymentId: undefined }, { deploymentId: "release-42" }),
    ).toThrow("this build was made with none");
  });
});
