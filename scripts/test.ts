// npm test: the whole suite, with its set-up. First it makes sure the machine has what the suite
// needs, installing what is missing with apt-get when run as root (otherwise it names the missing
// packages and stops), and finds the PostgreSQL server the tests create and drop their databases
// on. Then it runs every step with that server in TEST_DATABASE_URL: lint, the architecture
// rules (docs/architecture.md), formatting, types,
// unit, integration, and end-to-end tests on a production build. No step skips a test for want of
// something; a missing dependency fails.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { CHROMIUM_PATH } from "../tests/support/browser";
import { NGINX } from "./cluster/nginx-process";
import { postgresBinDir } from "../tests/support/private-postgres";

const STEPS = ["lint", "lint:architecture", "format:check", "typecheck", "test:unit", "test:int", "test:e2e"];

/** The server every machine of ours runs, tried when neither variable names one. */
const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

interface Requirement {
  /** The Debian package that provides it. */
  debianPackage: string;
  /** What the suite uses it for, said when it is missing. */
  purpose: string;
  present(): boolean;
}

const REQUIREMENTS: Requirement[] = [
  {
    debianPackage: "chromium",
    purpose: `Chromium at ${CHROMIUM_PATH}, for the end-to-end tests`,
    present: () => existsSync(CHROMIUM_PATH),
  },
  {
    debianPackage: "postgresql-client",
    purpose: "pg_dump and pg_restore, for the backup and restore tests",
    present: () => onPath("pg_dump") && onPath("pg_restore"),
  },
  {
    debianPackage: "postgresql",
    purpose: "PostgreSQL's server programs (initdb, pg_ctl), for the fault tests' own server",
    present: () => postgresBinDir() !== null,
  },
  { debianPackage: "wrk", purpose: "wrk, for the load test", present: () => onPath("wrk") },
  {
    debianPackage: "nginx",
    purpose: `nginx at ${NGINX}, for the cluster test's load balancer`,
    present: () => existsSync(NGINX),
  },
  {
    debianPackage: "redis-server",
    purpose: "redis-server, for the shared page cache tests' own Redis",
    present: () => onPath("redis-server"),
  },
  {
    debianPackage: "fonts-noto-cjk",
    purpose: "a Chinese and Japanese font, for screenshots of the original beside its translation",
    present: () => existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
  },
];

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function fail(message: string): never {
  console.error(`npm test: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { stdio: "inherit", env }).status === 0;
}

function installMissing(): void {
  const missing = REQUIREMENTS.filter((requirement) => !requirement.present());
  if (missing.length === 0) return;
  const packages = missing.map((requirement) => requirement.debianPackage);
  const list = missing.map((r) => `  ${r.debianPackage}: ${r.purpose}`).join("\n");
  const asRoot = process.getuid?.() === 0;
  if (!asRoot || !onPath("apt-get")) {
    fail(
      `the suite needs these packages, which are missing:\n${list}\n` +
        `Install them (apt-get install -y ${packages.join(" ")}), or run npm test as root on a ` +
        "Debian machine, where it installs them itself.",
    );
  }
  console.log(`npm test: installing ${packages.join(", ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (
    !run("apt-get", ["update", "-qq"], env) ||
    !run("apt-get", ["install", "-y", "-qq", ...packages], env)
  ) {
    fail(`apt-get could not install ${packages.join(" ")}:\n${list}`);
  }
  const still = REQUIREMENTS.filter((requirement) => !requirement.present());
  if (still.length > 0) {
    fail(
      `still missing after apt-get:\n${still.map((r) => `  ${r.debianPackage}: ${r.purpose}`).join("\n")}`,
    );
  }
}

async function answers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** TEST_DATABASE_URL, else DATABASE_URL, else the local server when it answers. */
async function findDatabaseServer(): Promise<string> {
  const named = process.env.TEST_DATABASE_URL
    ? "TEST_DATABASE_URL"
    : process.env.DATABASE_URL
      ? "DATABASE_URL"
      : null;
  const url = named ? process.env[named]! : LOCAL_SERVER_URL;
  const problem = await answers(url);
  if (problem === null) return url;
  const redacted = url.replace(/(\/\/[^:@/]*):[^@/]*@/, "$1:…@"); // no password in the log
  fail(
    named
      ? `${named} (${redacted}) does not answer: ${problem}`
      : `the tests need a PostgreSQL server they may create and drop databases on. None answered at ` +
          `${LOCAL_SERVER_URL} (${problem}): start one there, or set TEST_DATABASE_URL.`,
  );
}

installMissing();
const databaseUrl = await findDatabaseServer();
console.log(
  `npm test: PostgreSQL at ${new URL(databaseUrl).host}; every required program present (Chromium, wrk, nginx, redis-server, PostgreSQL's)`,
);

const env = { ...process.env, TEST_DATABASE_URL: databaseUrl };
for (const step of STEPS) {
  console.log(`\nnpm test: npm run ${step}`);
  if (!run("npm", ["run", step], env)) fail(`npm run ${step} failed.`);
}
